/** File-system helpers of the command line: input discovery, reading, atomic writes. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';

/** The streams and folder a command runs with; tests pass their own. */
export interface CliIo {
  /** Standard input, for `-` as a file name. */
  stdin?: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  cwd: string;
  /** True when stdout is a terminal (for colour). */
  isTTY?: boolean;
  /** True when stderr is a terminal (for progress lines). */
  stderrIsTTY?: boolean;
  env?: Record<string, string | undefined>;
  /** CPUs the command may use: the default of `extract --jobs` (bin/plans: all of them; left out, 1: no worker threads). */
  cpus?: number;
}

/** Extensions read when a directory is given. */
export const INPUT_EXTENSIONS = new Set(['.txt', '.text', '.htm', '.html', '.xhtml', '.docx', '.doc', '.pdf']);

/** One input named on the command line, or found under a directory argument. */
export interface InputFile {
  /** As the user gave it (or joined under the directory they gave), for messages and output. */
  display: string;
  absolute: string;
  /** Its name for output files: its path under the arguments' common base folder (see findInputs). */
  relative: string;
  /** True for `-`: the bytes come from standard input. */
  stdin?: boolean;
}

/** An input that could not be listed (missing path); reported and skipped. */
export interface InputProblem {
  display: string;
  reason: string;
}

/**
 * Expands file and directory arguments; directories are walked recursively, in sorted order. Each
 * input's `relative` is its path under the arguments' common base (the deepest folder holding every
 * directory argument and every file argument's folder), so that `a/x.txt b/x.txt` become `a/x…` and
 * `b/x…` under --out-dir, while a single folder or file argument gives paths under that folder.
 * A file is listed once however often it is named.
 */
export async function findInputs(args: readonly string[], cwd: string): Promise<{ files: InputFile[]; problems: InputProblem[] }> {
  const files: InputFile[] = [];
  const problems: InputProblem[] = [];
  const bases: string[] = [];
  for (const arg of args) {
    if (arg === '-') {
      files.push({ display: '-', absolute: '-', relative: 'stdin', stdin: true });
      continue;
    }
    const absolute = path.resolve(cwd, arg);
    let stat;
    try {
      stat = await fs.stat(absolute);
    } catch (error) {
      problems.push({ display: arg, reason: describeFsError(error) });
      continue;
    }
    bases.push(stat.isDirectory() ? absolute : path.dirname(absolute));
    if (stat.isDirectory()) {
      for (const file of await walk(absolute)) {
        files.push({ display: path.join(arg, path.relative(absolute, file)), absolute: file, relative: '' }); // relative: set below
      }
    } else {
      files.push({ display: arg, absolute, relative: '' });
    }
  }
  const base = commonFolder(bases);
  for (const file of files) if (!file.stdin) file.relative = path.relative(base, file.absolute);
  // A file named twice (or also found under a folder argument) is one input, read once.
  const seen = new Set<string>();
  const unique = files.filter((f) => f.stdin || (!seen.has(f.absolute) && seen.add(f.absolute)));
  return { files: unique, problems };
}

/** The deepest folder that holds every one of `folders` (absolute paths). */
function commonFolder(folders: readonly string[]): string {
  if (folders.length === 0) return path.sep;
  const split = folders.map((f) => f.split(path.sep));
  const first = split[0];
  let n = first.length;
  for (const parts of split) {
    let k = 0;
    while (k < n && k < parts.length && parts[k] === first[k]) k++;
    n = k;
  }
  return first.slice(0, n).join(path.sep) || path.sep;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full)));
    else if (entry.isFile() && INPUT_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) out.push(full);
  }
  return out;
}

/** A short, human reason for a failed fs call ("no such file", "permission denied", …). */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'not a directory';
    case 'EEXIST':
      return 'a file of that name is in the way';
    case 'ENAMETOOLONG':
      return 'name too long for the file system';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    default:
      return (error instanceof Error ? error.message : String(error)).split('\n')[0];
  }
}

/**
 * Creates a folder and its missing parents one level at a time, each step checked: a part that is
 * a file fails with ENOTDIR, and the walk is as long as the path (fs.mkdir's recursive mode can
 * loop forever on a pseudo file system such as /proc).
 */
export async function makeDirectory(dir: string): Promise<void> {
  const absolute = path.resolve(dir);
  const missing: string[] = [];
  for (let at = absolute; ; at = path.dirname(at)) {
    const stat = await fs.stat(at).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (stat?.isDirectory()) break;
    if (stat) throw Object.assign(new Error(`${at}: not a directory`), { code: 'ENOTDIR' });
    missing.push(at);
    if (path.dirname(at) === at) break;
  }
  for (const part of missing.reverse()) {
    try {
      await fs.mkdir(part);
    } catch (error) {
      // Another run may have made it in between; anything else in the way is an error.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !(await fs.stat(part)).isDirectory()) throw error;
    }
  }
}

/** The name writeAtomic gives its temporary file, and a test for names of that form. */
const TEMP_NAME = /^\..+\.[0-9a-f]{12}\.tmp$/;
function tempName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Writes a file atomically: a temporary file in the same folder, then rename; a killed run leaves
 * no partial final file. `data` may come in pieces, written one by one (no string of the whole).
 */
export async function writeAtomic(file: string, data: string | Iterable<string> | Uint8Array): Promise<void> {
  await makeDirectory(path.dirname(file));
  const temp = tempName(file);
  try {
    const handle = await fs.open(temp, 'w');
    try {
      if (data instanceof Uint8Array) await handle.writeFile(data);
      else for (const batch of batches(typeof data === 'string' ? [data] : data)) await handle.write(batch);
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/**
 * Pieces joined into strings of about WRITE_BATCH characters (a piece longer than that alone):
 * each write waits for the disk, so a file of many small pieces costs a few writes, not one per piece.
 */
function* batches(pieces: Iterable<string>): Generator<string> {
  let held: string[] = [];
  let size = 0;
  for (const piece of pieces) {
    held.push(piece);
    size += piece.length;
    if (size < WRITE_BATCH) continue;
    yield held.join('');
    held = [];
    size = 0;
  }
  if (size > 0) yield held.join('');
}

const WRITE_BATCH = 1 << 20;

/**
 * writeAtomic for a run writing many files: the first write into each folder also removes the
 * temporary files that earlier, killed runs of this tool left there (modified before this run began).
 */
export function runWriter(): (file: string, data: string | Iterable<string> | Uint8Array) => Promise<void> {
  const started = Date.now();
  const swept = new Set<string>();
  return async (file, data) => {
    const dir = path.dirname(file);
    if (!swept.has(dir)) {
      await makeDirectory(dir);
      await removeStaleTemps(dir, started);
      swept.add(dir);
    }
    await writeAtomic(file, data);
  };
}

async function removeStaleTemps(dir: string, before: number): Promise<void> {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    if (!entry.isFile() || !TEMP_NAME.test(entry.name)) continue;
    const full = path.join(dir, entry.name);
    const stat = await fs.stat(full).catch(() => null);
    if (stat && stat.mtimeMs < before) await fs.rm(full, { force: true });
  }
}

/** Writes to a stream and waits until it has been flushed (or the reader went away). */
export function write(stream: NodeJS.WritableStream, data: string | Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    if (data.length === 0) return resolve();
    stream.write(data, () => resolve());
  });
}
