/**
 * How bin/plans gets main(), and a worker thread of `--jobs N` what it runs: from the
 * one-file build of the CLI (dist/bundle/plans.cjs, made by scripts/bundle.mjs), compiled with the
 * V8 code cache saved beside it at build time, or else from the modules tsc wrote. One file and a
 * cache start in about a sixth of the CPU time of loading some 150 modules and compiling each
 * function on first call, which is most of what a short command costs (`npm run bench`, start-up
 * rows) and what each worker thread would pay again.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as nodePath from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import type * as BundleEntry from './bundle-entry.js';

const DIST = nodePath.dirname(nodePath.dirname(fileURLToPath(import.meta.url)));
export const BUNDLE = nodePath.join(DIST, 'bundle', 'plans.cjs');
export const CODE_CACHE = nodePath.join(DIST, 'bundle', 'plans.cache');
const MAIN = nodePath.join(DIST, 'cli', 'main.js');

/** The bytes a code cache starts with: the SHA-1 of the bundle it was made from. */
const HASH_BYTES = 20;

/** The bundle as a compiled script with what it exports (bundle-entry.ts), and the script (to save its code cache). */
export interface CompiledBundle {
  main: typeof BundleEntry.main;
  extractOne: typeof BundleEntry.extractOne;
  checkOne: typeof BundleEntry.checkOne;
  script: vm.Script;
  /** The bundle's hash, which a saved code cache starts with. */
  hash: Buffer;
}

/**
 * main() of the bundle, or of dist/cli when there is no bundle or it is older than what tsc last
 * wrote (a build with tsc alone must not run stale code).
 */
export async function loadMain(): Promise<typeof BundleEntry.main> {
  return bundleIsCurrent() ? compileBundle(readCodeCache()).main : (await import('./main.js')).main;
}

/** What a worker thread of the pool runs, from the bundle or from dist/cli (as loadMain). */
export async function loadWorkerFunctions(): Promise<Pick<typeof BundleEntry, 'extractOne' | 'checkOne'>> {
  if (bundleIsCurrent()) return compileBundle(readCodeCache());
  const [{ extractOne }, { checkOne }] = await Promise.all([import('./extract-one.js'), import('./check-one.js')]);
  return { extractOne, checkOne };
}

function bundleIsCurrent(): boolean {
  return existsSync(BUNDLE) && statSync(BUNDLE).mtimeMs >= statSync(MAIN).mtimeMs;
}

/**
 * The bundle compiled as CommonJS is, with `cached` (V8's code cache of an earlier compile) when it
 * was made from these very bytes: V8 itself checks only the length of the source. A cache V8
 * refuses (another Node version, other flags) only costs the compile it would have saved.
 */
export function compileBundle(cached?: Buffer): CompiledBundle {
  const source = readFileSync(BUNDLE);
  const hash = createHash('sha1').update(source).digest();
  const cachedData = cached && cached.subarray(0, HASH_BYTES).equals(hash) ? cached.subarray(HASH_BYTES) : undefined;
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __plansImport) {${source.toString('utf8')}\n})`, {
    filename: BUNDLE,
    cachedData,
      });
  const module = { exports: {} as typeof BundleEntry };
  const importLibrary = (specifier: string) => import(specifier);
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, nodePath.dirname(BUNDLE), importLibrary);
  return { ...module.exports, script, hash };
}

function readCodeCache(): Buffer | undefined {
  try {
    return readFileSync(CODE_CACHE);
  } catch {
    return undefined;
  }
}
