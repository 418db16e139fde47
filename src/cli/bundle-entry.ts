/**
 * What the one-file build (scripts/bundle.mjs) exports: main() for bin/plans, and extractOne()
 * and checkOne() for the worker threads of `--jobs N` (pool-worker.ts), so that a worker starts
 * from the same compiled script and code cache as the main thread, not from the modules tsc wrote.
 */
export { main } from './main.js';
export { extractOne } from './extract-one.js';
export { checkOne } from './check-one.js';
