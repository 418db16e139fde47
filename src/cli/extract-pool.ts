/**
 * `plans extract --jobs N`: inputs extracted by N worker threads (tinypool), their outcomes handed
 * back in input order, so that the output, messages and progress are those of `--jobs 1`. One
 * input, `--jobs 1`, and standard input run in this thread: no pool is started for them.
 */
import type { InputFile } from './io.js';
import { extractOne, type ExtractOneOptions, type ExtractOutcome } from './extract-one.js';
import type { ExtractTask } from './extract-worker.js';
import { readingAhead } from './run-inputs.js';
import { importLibrary } from '../import-library.js';

/**
 * The compiled worker. From src/cli (tests), dist/cli and the one-file build in dist/bundle alike
 * this names dist/cli: a worker thread cannot load TypeScript. The worker runs the pipeline of the
 * one-file build, as the main thread does (extract-worker.ts).
 */
const WORKER = new URL('../../dist/cli/extract-worker.js', import.meta.url);

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

/** Each input with its outcome, in input order. */
export async function* extractAll(
  files: readonly InputFile[],
  options: ExtractOneOptions,
  jobs: number,
  stdin?: NodeJS.ReadableStream,
): AsyncGenerator<[InputFile, ExtractOutcome]> {
  const threads = Math.min(jobs, files.filter((f) => !f.stdin).length);
  if (threads <= 1) {
    for (const [file, reading] of readingAhead(files, options, stdin)) yield [file, await extractOne(file, options, stdin, reading)];
    return;
  }
  const { default: Tinypool } = await importLibrary<typeof import('tinypool')>('tinypool');
  const pool = new Tinypool({ filename: WORKER.href, minThreads: threads, maxThreads: threads, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
  const start = (file: InputFile): Promise<ExtractOutcome> =>
    file.stdin ? extractOne(file, options, stdin) : (pool.run({ file, options } satisfies ExtractTask) as Promise<ExtractOutcome>).catch(workerFailure);
  try {
    const pending: Promise<ExtractOutcome>[] = [];
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

/** A worker that died (out of memory, say) fails its input only, as a failure inside a stage does. */
function workerFailure(error: unknown): ExtractOutcome {
  const reason = error instanceof Error ? error.message : String(error);
  return { error: `internal error in plans (please report it): ${reason.split('\n')[0]}` };
}
