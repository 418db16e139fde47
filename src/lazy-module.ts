/**
 * A library loaded on first use, synchronously (its CommonJS build through require): a command
 * that never needs cheerio, yaml or OpenCC does not pay the time to load it at start-up.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A function returning the module `specifier`, loaded at its first call. */
export function lazyModule<T>(specifier: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(specifier) as T);
}
