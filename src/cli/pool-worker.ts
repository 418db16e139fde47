/** A worker thread of the pool (pool.ts): one input in, its outcome out as plain data. */
import Tinypool, { type Transferable } from 'tinypool';
import type { InputFile } from './io.js';
import type { ExtractOneOptions, ExtractOutcome, ExtractOutput } from './extract-one.js';
import type { CheckOneOptions, CheckOutcome } from './check-one.js';
import { loadWorkerFunctions } from './load-main.js';

// From the one-file build and its code cache, as bin/plans runs main(): each thread is a fresh V8
// isolate, which would otherwise load and compile the modules tsc wrote all over again.
const { extractOne, checkOne } = await loadWorkerFunctions();

/** One input for `plans extract` or `plans check`. */
export type PoolTask = { work: 'extract'; file: InputFile; options: ExtractOneOptions } | { work: 'check'; file: InputFile; options: CheckOneOptions };

export default function runTask(task: PoolTask): Promise<ExtractOutcome | CheckOutcome> {
  return task.work === 'extract' ? extractInWorker(task.file, task.options) : checkOne(task.file, task.options);
}

/**
 * The outcome of one input of extract. Its output goes back as UTF-8 bytes moved to the main
 * thread, not copied: encoding them here keeps that work off the thread that writes every file.
 */
async function extractInWorker(file: InputFile, options: ExtractOneOptions): Promise<ExtractOutcome> {
  const outcome = await extractOne(file, options);
  if ('error' in outcome || outcome.output === null) return outcome;
  const bytes = utf8(outcome.output);
  // tinypool's symbols are typed as plain `symbol`, so the object needs the cast to be its Transferable.
  const moved = { [Tinypool.transferableSymbol]: bytes.buffer, [Tinypool.valueSymbol]: { counts: outcome.counts, output: bytes } } as unknown as Transferable;
  return Tinypool.move(moved) as unknown as ExtractOutcome;
}

const encoder = new TextEncoder();

/** The UTF-8 bytes of the output, in a buffer of their own (a pooled Buffer's memory cannot be moved). */
function utf8(output: ExtractOutput): Uint8Array {
  if (output instanceof Uint8Array) return output;
  const pieces = typeof output === 'string' ? [output] : [...output];
  const bytes = new Uint8Array(pieces.reduce((size, piece) => size + Buffer.byteLength(piece), 0));
  let at = 0;
  for (const piece of pieces) at += encoder.encodeInto(piece, bytes.subarray(at)).written;
  return bytes;
}
