/**
 * read: bytes → SourceFile, one reader per format (DESIGN.md "read"). The format is told by the
 * file's extension, else by sniffing its first bytes: `%PDF-` is a PDF, a zip holding
 * `word/document.xml` is a DOCX, the OLE2 signature D0 CF 11 E0 is a Word 97 DOC; anything else
 * is text or HTML (./text.ts).
 *
 * The binary readers produce a text (one paragraph per line, table rows as TAB-separated cells,
 * pages separated by a form feed); that text is the file's `source`, so spans of a DOCX, DOC or
 * PDF are line/column in it (`plans normalize --raw` prints it). Their libraries are loaded with
 * dynamic import() only when a file of their format is read.
 */
import { createHash } from 'node:crypto';
import type { SourceFile, SourceFormat, StageContext } from '../../model/stages.js';
import { InputError } from '../../model/stages.js';
import { identityText } from '../../text/mapped-text.js';
import { decode, type DecodeOptions } from './text.js';

export interface ReadOptions extends DecodeOptions {
  /**
   * Most bytes a reader may unpack (the uncompressed parts of a DOCX): the same bound
   * `--max-bytes` sets on the file itself. Default: 64 MiB.
   */
  maxBytes?: number;
  /** Most pages a PDF may have (default MAX_PDF_PAGES). */
  maxPages?: number;
}

/** Default bound on what a reader unpacks, as the CLI's default --max-bytes. */
export const DEFAULT_MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

/** What a binary reader produces: the text, and its page starts where the format has pages. */
export interface ReaderText {
  text: string;
  /** 0-based offsets in `text` at which each page starts, or null where pages are not known. */
  pageStarts: number[] | null;
}

/** The binary formats, each with its own reader. */
export type BinaryFormat = Exclude<SourceFormat, 'text' | 'html'>;

const EXTENSIONS: Record<string, BinaryFormat> = { '.pdf': 'pdf', '.docx': 'docx', '.doc': 'doc' };

/**
 * The binary format of an input: by its extension when it has one of .pdf/.docx/.doc, else by its
 * first bytes; null for text and HTML (and anything decode is left to reject).
 */
export function binaryFormat(bytes: Uint8Array, path: string): BinaryFormat | null {
  const ext = /\.[^./\\]+$/.exec(path)?.[0].toLowerCase();
  if (ext !== undefined && ext in EXTENSIONS) return EXTENSIONS[ext];
  return sniffBinaryFormat(bytes);
}

/** The binary format the bytes start like, or null. */
export function sniffBinaryFormat(bytes: Uint8Array): BinaryFormat | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, OLE2_SIGNATURE)) return 'doc';
  // A zip (local file header PK\3\4) naming word/document.xml in its first entries or its central directory.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && namesWordDocument(bytes)) return 'docx';
  return null;
}

/** The compound-file (OLE2) signature every Word 97–2003 file starts with. */
export const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** What the bytes look like, for the message about a file that is not the format its name says. */
export function describeBytes(bytes: Uint8Array): string {
  const format = sniffBinaryFormat(bytes);
  if (format === 'pdf') return 'a PDF file';
  if (format === 'doc') return 'an OLE2 (Word 97–2003 or other Office) file';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return format === 'docx' ? 'a DOCX file' : 'a zip archive';
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'an RTF file';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  if (/<html|<!doctype html/i.test(head)) return 'an HTML page';
  if (bytes.length === 0) return 'empty';
  // No control codes but TAB, LF, CR in its first bytes: text.
  return bytes.subarray(0, 512).every((b) => b >= 0x20 || b === 9 || b === 10 || b === 13) ? 'a text file' : 'something else';
}

/**
 * Reads one input of any format. Text and HTML go through decode (synchronous); PDF, DOCX and DOC
 * through their readers. Throws InputError with a one-line reason for input that cannot be read.
 */
export async function read(bytes: Uint8Array, path: string, options: ReadOptions, ctx: StageContext): Promise<SourceFile> {
  const format = binaryFormat(bytes, path);
  if (format === null) return decode(bytes, path, options, ctx);
  if (bytes.length === 0) throw new InputError('empty file', 'PLN003');
  let produced: ReaderText;
  switch (format) {
    case 'pdf':
      produced = await (await import('./pdf.js')).readPdf(bytes, options);
      break;
    case 'docx':
      produced = { text: (await import('./docx.js')).readDocx(bytes, options), pageStarts: null };
      break;
    case 'doc':
      produced = { text: await (await import('./doc.js')).readDoc(bytes), pageStarts: null };
      break;
  }
  if (!/\S/.test(produced.text)) throw new InputError(`${format.toUpperCase()} file without text`, 'PLN003');
  return binarySource(bytes, path, format, produced);
}

/** The SourceFile of a binary format: `source` is the text its reader produced, identity-mapped. */
export function binarySource(bytes: Uint8Array, path: string, format: BinaryFormat, produced: ReaderText): SourceFile {
  return {
    path,
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    encoding: 'utf-8',
    format,
    pages: produced.pageStarts?.length ?? null,
    pageStarts: produced.pageStarts,
    source: produced.text,
    content: identityText(produced.text),
  };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Bytes looked at at each end of a zip for the entry name word/document.xml. */
const ZIP_SNIFF_BYTES = 65536;

/** True when word/document.xml is named in the first or the last 64 KiB of a zip (local headers, central directory). */
function namesWordDocument(bytes: Uint8Array): boolean {
  const latin1 = new TextDecoder('latin1');
  return (
    latin1.decode(bytes.subarray(0, ZIP_SNIFF_BYTES)).includes('word/document.xml') ||
    latin1.decode(bytes.subarray(Math.max(0, bytes.length - ZIP_SNIFF_BYTES))).includes('word/document.xml')
  );
}
