/** The library API of plans: the pipeline entries and the output types (re-exports only). */
export { extract, extractAsync, extractClean, cleanText, cleanTextAsync, cleanSource, InputError } from './pipeline.js';
export type { PipelineOptions, CleanText } from './pipeline.js';
export { read, binaryFormat } from './stages/read/read.js';
export type { ReadOptions } from './stages/read/read.js';
export type { SourceFile, SourceFormat } from './model/stages.js';
export type * from './model/schemas.js';
