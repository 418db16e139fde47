/** A worker thread of the extract pool (extract-pool.ts): one input in, its outcome out as plain data. */
import type { InputFile } from './io.js';
import { extractOne, type ExtractOneOptions, type ExtractOutcome } from './extract-one.js';

export interface ExtractTask {
  file: InputFile;
  options: ExtractOneOptions;
}

export default async function extractInWorker({ file, options }: ExtractTask): Promise<ExtractOutcome> {
  const outcome = await extractOne(file, options);
  if ('error' in outcome || outcome.output === null || typeof outcome.output === 'string') return outcome;
  return { result: outcome.result, output: [...outcome.output] }; // a generator cannot cross threads
}
