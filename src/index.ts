/** The library API of plans: the pipeline entries, diff, check and the output types (re-exports only). */
export { extract, extractAsync, extractClean, cleanText, cleanTextAsync, cleanSource, InputError } from './pipeline.js';
export type { PipelineOptions, CleanText } from './pipeline.js';
export { read, binaryFormat } from './stages/read/read.js';
export type { ReadOptions } from './stages/read/read.js';
export { diffResults as diff } from './diff/diff.js';
export type { PairingOptions } from './diff/pairing.js';
export type * from './diff/model.js';
export { buildSeries as series } from './series/series.js';
export type { SeriesOptions } from './series/series.js';
export type * from './series/model.js';
export { check, ConfigError } from './check.js';
export type { CheckOptions } from './check.js';
export type { CheckConfig } from './model/check-config.js';
export { toYaml } from './emit/yaml.js';
export type { SourceFile, SourceFormat } from './model/stages.js';
export type * from './model/schemas.js';
