/** One input of `plans extract`: its result and the output to write, the same in-process and in a worker of the pool. */
import type { InputFile } from './io.js';
import { processInput, type ReadOutcome } from './run-inputs.js';
import { emitPieces } from '../emit/pieces.js';
import type { ExtractFormat } from '../emit/emit.js';
import type { CsvTable } from '../emit/csv.js';
import type { ExtractResult } from '../model/schemas.js';
import { renderView, viewSourceOf } from '../view/page.js';
import { countsOf, type ResultCounts } from './progress.js';
import { inOrder, type InputWork } from './pool.js';

/** The options of extract that shape one input's outcome (plain data: they are sent to workers). */
export interface ExtractOneOptions {
  format: ExtractFormat;
  table: CsvTable;
  stdout?: boolean;
  encoding: string;
  maxBytes: number;
  redact?: boolean;
  bom?: boolean;
}

/**
 * What to write for an input: in-process, text built piece by piece while it is written
 * (emitPieces); from a worker of the pool, its UTF-8 bytes (encoded there, moved without a copy).
 */
export type ExtractOutput = string | Iterable<string> | Uint8Array;

/**
 * An input's counts and what to write for it, or, when the results are printed together with
 * --stdout, its result itself (output null); or the one-line reason it could not be processed.
 */
export type ExtractOutcome =
  | { error: string }
  | { counts: ResultCounts; result: ExtractResult; output: null }
  | { counts: ResultCounts; output: ExtractOutput };

export async function extractOne(file: InputFile, options: ExtractOneOptions, stdin?: NodeJS.ReadableStream, reading?: Promise<ReadOutcome>): Promise<ExtractOutcome> {
  const outcome = await processInput(file, options, stdin, reading);
  if ('error' in outcome) return { error: outcome.error };
  const counts = countsOf(outcome.result);
  if (options.stdout && options.format !== 'html') return { counts, result: outcome.result, output: null };
  // A page shows the source text, which only this input's outcome holds: it is rendered now.
  const output = options.format === 'html' ? renderView(outcome.result, viewSourceOf(outcome.clean), { redact: options.redact }) : emitPieces(outcome.result, options.format, options);
  return { counts, output };
}

/** Each input with its outcome of `plans extract`, in input order, `jobs` at a time (pool.ts). */
export function extractAll(files: readonly InputFile[], options: ExtractOneOptions, jobs: number, stdin?: NodeJS.ReadableStream): AsyncGenerator<[InputFile, ExtractOutcome]> {
  const work: InputWork<ExtractOutcome> = {
    options,
    inThread: (file, reading) => extractOne(file, options, stdin, reading),
    task: (file) => ({ work: 'extract', file, options }),
    failed: (error) => ({ error }),
  };
  return inOrder(files, jobs, work, stdin);
}
