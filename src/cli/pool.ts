/**
 * `--jobs N`: the inputs of a run processed by N worker threads (tinypool), their outcomes handed
 * back in input order, so that the output, messages and progress are those of `--jobs 1`. One
 * input, `--jobs 1`, and standard input run in this thread: no pool is started for them.
 */
import type { InputFile } from './io.js';
import type { PoolTask } from './pool-worker.js';
import { readingAhead, type ReadOptions, type ReadOutcome } from './run-inputs.js';
import { importLibrary } from '../import-library.js';

/**
 * The compiled worker. From src/cli (tests), dist/cli and the one-file build in dist/bundle alike
 * this names dist/cli: a worker thread cannot load TypeScript. The worker runs the pipeline of the
 * one-file build, as the main thread does (pool-worker.ts).
 */
const WORKER = new URL('../../dist/cli/pool-worker.js', import.meta.url);

/**
 * Inputs started ahead of the one being written, per thread: enough that a thread that is done
 * with small files finds more while a large one holds up the writing (outputs are written in input
 * order), few enough that the outputs waiting to be written stay a few megabytes.
 */
const AHEAD_PER_THREAD = 8;

/**
 * The young generation of each worker's heap, in MB. V8's default lets it grow to several times
 * this in every thread; capped, each worker holds less garbage between collections, at no CPU
 * cost we could measure (one file's objects mostly die young anyway).
 */
const WORKER_YOUNG_GENERATION_MB = 16;

/** What is done with each input: in this thread, or by a worker given the task. */
export interface InputWork<Outcome> {
  /** What the thread reads an input with (the bound on its size). */
  options: ReadOptions;
  inThread(file: InputFile, reading?: Promise<ReadOutcome>): Promise<Outcome>;
  task(file: InputFile): PoolTask;
  /** The outcome of an input whose worker died (out of memory, say): it fails alone, as a failure inside a stage does. */
  failed(reason: string): Outcome;
}

/** Each input with its outcome, in input order (`work` says what it is: extractAll, checkAll). */
export async function* inOrder<Outcome>(
  files: readonly InputFile[],
  jobs: number,
  work: InputWork<Outcome>,
  stdin?: NodeJS.ReadableStream,
): AsyncGenerator<[InputFile, Outcome]> {
  const threads = Math.min(jobs, files.filter((f) => !f.stdin).length);
  if (threads <= 1) {
    for (const [file, reading] of readingAhead(files, work.options, stdin)) yield [file, await work.inThread(file, reading)];
    return;
  }
  const { default: Tinypool } = await importLibrary<typeof import('tinypool')>('tinypool');
  const pool = new Tinypool({ filename: WORKER.href, minThreads: threads, maxThreads: threads, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
  const failed = (error: unknown) => work.failed(`internal error in plans (please report it): ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
  const start = (file: InputFile): Promise<Outcome> =>
    file.stdin ? work.inThread(file) : (pool.run(work.task(file)) as Promise<Outcome>).catch(failed);
  try {
    const pending: Promise<Outcome>[] = [];
    let next = 0;
    const fill = () => {
      while (next < files.length && pending.length < threads * AHEAD_PER_THREAD) pending.push(start(files[next++]));
    };
    fill();
    for (const file of files) {
      const outcome = await pending.shift()!;
      fill();
      yield [file, outcome];
    }
  } finally {
    await pool.destroy();
  }
}
