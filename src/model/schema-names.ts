/** The names of the published JSON Schemas, apart from the zod schemas so that `plans --help` loads no zod. */
export const PUBLISHED_SCHEMA_NAMES = ['extract-result', 'diff-result', 'series-result', 'check-report', 'plans-config'] as const;

export type PublishedSchemaName = (typeof PUBLISHED_SCHEMA_NAMES)[number];
