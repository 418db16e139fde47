/**
 * An ES-module library loaded on first use (pdf.js, the worker pool). One function for all of them,
 * because the one-file build of the CLI (scripts/bundle.mjs) runs as a script compiled from V8's
 * code cache, where import() cannot be used: there this function is replaced by the import() of
 * the module that loads the bundle (src/cli/load-main.ts).
 */
export function importLibrary<T>(specifier: string): Promise<T> {
  return import(specifier) as Promise<T>;
}
