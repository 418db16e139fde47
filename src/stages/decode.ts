/** decode: bytes → SourceFile. Detects the encoding and reduces HTML to its main text. */
import type { SourceFile, StageContext } from '../model/stages.js';
import { identityText } from '../text/mapped-text.js';
import { createHash } from 'node:crypto';

export interface DecodeOptions {
  /** 'auto' (default) or a forced encoding: 'utf-8', 'gb18030', 'utf-16'. */
  encoding?: string;
}

/** Decodes one input file. Throws InputError (with a one-line reason) for input that is not text. */
export function decode(bytes: Uint8Array, path: string, _options: DecodeOptions, _ctx: StageContext): SourceFile {
  // TEMPORARY skeleton: UTF-8 only, replaced by the decode stage implementation.
  const source = new TextDecoder('utf-8').decode(bytes);
  return {
    path,
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    encoding: 'utf-8',
    format: 'text',
    source,
    content: identityText(source),
  };
}
