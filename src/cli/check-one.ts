/** One input of `plans check`: its diagnostics, the same in-process and in a worker of the pool. */
import type { InputFile } from './io.js';
import { processInput, type ReadOptions, type ReadOutcome } from './run-inputs.js';
import type { PipelineOptions } from '../pipeline.js';
import type { Diagnostic } from '../model/schemas.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import { inOrder, type InputWork } from './pool.js';

/** The options of check that shape one input's outcome (plain data: they are sent to workers). */
export type CheckOneOptions = PipelineOptions & ReadOptions;

/** An input's diagnostics, or the one-line reason it could not be processed (and the code for it). */
export type CheckOutcome = { diagnostics: Diagnostic[] } | { error: string; code: DiagnosticCode };

export async function checkOne(file: InputFile, options: CheckOneOptions, stdin?: NodeJS.ReadableStream, reading?: Promise<ReadOutcome>): Promise<CheckOutcome> {
  const outcome = await processInput(file, options, stdin, reading);
  return 'error' in outcome ? { error: outcome.error, code: outcome.code } : { diagnostics: outcome.result.diagnostics };
}

/** Each input with its outcome of `plans check`, in input order, `jobs` at a time (pool.ts). */
export function checkAll(files: readonly InputFile[], options: CheckOneOptions, jobs: number, stdin?: NodeJS.ReadableStream): AsyncGenerator<[InputFile, CheckOutcome]> {
  const work: InputWork<CheckOutcome> = {
    options,
    inThread: (file, reading) => checkOne(file, options, stdin, reading),
    task: (file) => ({ work: 'check', file, options }),
    failed: (error) => ({ error, code: 'PLN703' }),
  };
  return inOrder(files, jobs, work, stdin);
}
