/** Reads inputs and runs the pipeline on each, turning unusable inputs into one-line reasons. */
import { constants as fsConstants, promises as fs, type Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import type { InputFile } from './io.js';
import { describeFsError } from './io.js';
import { cleanTextAsync, extractClean, InputError, type CleanText, type PipelineOptions } from '../pipeline.js';
import type { ExtractResult } from '../model/schemas.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';

export interface ReadOptions {
  maxBytes: number;
}

/** The outcome for one input: its result (and the clean text it was read from), or why it could not be processed (and the code for it). */
export type InputOutcome = { file: InputFile; result: ExtractResult; clean: CleanText } | { file: InputFile; error: string; code: DiagnosticCode };

/**
 * Reads one input's bytes, never more than `maxBytes` + 1 of them whatever the file claims (a
 * growing file, `/dev/zero`); throws InputError with a one-line reason. Only regular files are
 * read: a FIFO, device or socket could block or never end (`-` is the way to pipe input in).
 */
export async function readInput(absolute: string, options: ReadOptions): Promise<Uint8Array> {
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever before stat can refuse it.
    handle = await fs.open(absolute, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new InputError('is a directory', 'PLN001');
    if (!stat.isFile()) throw new InputError(`not a regular file (${fileKind(stat)}); pipe it to - instead`, 'PLN001');
    if (stat.size > options.maxBytes) throw tooLarge(options, stat.size);
    return await readBounded(handle, options.maxBytes, stat.size);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(describeFsError(error), 'PLN001');
  } finally {
    await handle?.close();
  }
}

/**
 * Reads to the end of a file in chunks, stopping as soon as it passes `maxBytes`. Chunks are sized
 * to what the file held when opened and one byte more (to see it end), so that a file of a few
 * kilobytes costs no megabyte-sized buffer and no copy; past that (a file that grew), READ_CHUNK.
 */
async function readBounded(handle: FileHandle, maxBytes: number, sizeWhenOpened: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for (;;) {
    const wanted = size <= sizeWhenOpened ? sizeWhenOpened + 1 - size : READ_CHUNK;
    const chunk = Buffer.allocUnsafe(Math.min(wanted, READ_CHUNK, maxBytes + 1 - size));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
    size += bytesRead;
    if (size > maxBytes) throw tooLarge({ maxBytes });
    chunks.push(chunk.subarray(0, bytesRead));
  }
}

const READ_CHUNK = 1024 * 1024;

function tooLarge(options: ReadOptions, size?: number): InputError {
  const what = size === undefined ? 'input is larger' : `input is ${size} bytes, larger`;
  return new InputError(`${what} than --max-bytes ${options.maxBytes}`, 'PLN007');
}

function fileKind(stat: Stats): string {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a file';
}

/** Reads standard input to its end; throws InputError past `maxBytes`. */
export async function readStdin(stream: NodeJS.ReadableStream | undefined, options: ReadOptions): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  if (stream) {
    for await (const chunk of stream) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      size += buffer.length;
      if (size > options.maxBytes) throw tooLarge(options);
      chunks.push(buffer);
    }
  }
  return Buffer.concat(chunks);
}

/** An input's bytes, or the error reading them threw. */
export type ReadOutcome = { bytes: Uint8Array } | { error: unknown };

/**
 * Starts reading an input (`stdin` for the input `-`). The promise never rejects, so it may wait
 * unawaited while another input is processed: a run reads the next file during this one's pipeline.
 */
export function startReading(file: InputFile, options: ReadOptions, stdin?: NodeJS.ReadableStream): Promise<ReadOutcome> {
  const reading = file.stdin ? readStdin(stdin, options) : readInput(file.absolute, options);
  return reading.then((bytes) => ({ bytes }), (error: unknown) => ({ error }));
}

/**
 * Each input with the reading of its bytes, in order; the next input's reading is started when
 * this one is handed out, so that a run processing one input in this thread does not wait for the
 * disk at the next (a file ahead is held in memory, no more).
 */
export function* readingAhead(files: readonly InputFile[], options: ReadOptions, stdin?: NodeJS.ReadableStream): Generator<[InputFile, Promise<ReadOutcome>]> {
  let reading = files.length > 0 ? startReading(files[0], options, stdin) : null;
  for (const [k, file] of files.entries()) {
    const current = reading!;
    reading = k + 1 < files.length ? startReading(files[k + 1], options, stdin) : null;
    yield [file, current];
  }
}

/**
 * Runs extract on one input, read by `reading` (by default read now). An unusable input gives its reason instead of a result; so does a
 * failure inside a stage (a bug in plans, PLN703), so that one file cannot stop a corpus run.
 */
export async function processInput(
  file: InputFile,
  options: PipelineOptions & ReadOptions,
  stdin?: NodeJS.ReadableStream,
  reading: Promise<ReadOutcome> = startReading(file, options, stdin),
): Promise<InputOutcome> {
  try {
    const read = await reading;
    if ('error' in read) throw read.error;
    const bytes = read.bytes;
    const clean = await cleanTextAsync(bytes, file.display, options);
    return { file, result: extractClean(clean), clean };
  } catch (error) {
    if (error instanceof InputError) return { file, error: error.message, code: error.code };
    // A result too large for a JavaScript string or array is a limit of this machine, not a bug.
    if (error instanceof RangeError && /Invalid (?:string|array) length|Array buffer allocation/.test(error.message)) {
      return { file, error: 'input too large to process in memory; split it or lower --max-bytes', code: 'PLN007' };
    }
    const reason = error instanceof Error ? error.message : String(error);
    return { file, error: `internal error in plans (please report it): ${reason.split('\n')[0]}`, code: 'PLN703' };
  }
}
