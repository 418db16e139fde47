/**
 * The published JSON Schemas: one per output type, generated from the zod schemas with zod's own
 * `z.toJSONSchema` and committed under schemas/ (`plans schema` writes them; a test fails when
 * the committed files drift from the zod schemas).
 */
import * as z from 'zod';
import { CheckReportSchema, ExtractResultSchema, SectionSchema } from './schemas.js';
import { DiffResultSchema } from '../diff/model.js';
import { CheckConfigSchema } from './check-config.js';
import { SeriesResultSchema } from '../series/model.js';
import type { PublishedSchemaName } from './schema-names.js';

/**
 * Every published schema, by file name stem: `schemas/<name>.schema.json`. Names are kebab-case;
 * the schema's `title` is the name in PascalCase (`extract-result` → `ExtractResult`).
 * To publish another output type, add one line here and run `plans schema`.
 */
export const PUBLISHED_SCHEMAS: Readonly<Record<PublishedSchemaName, z.ZodType>> = {
  'extract-result': ExtractResultSchema,
  'diff-result': DiffResultSchema,
  'series-result': SeriesResultSchema,
  'check-report': CheckReportSchema,
  'plans-config': CheckConfigSchema,
};

/**
 * Names for the `$defs` of recursive schemas (zod would call them `__schema0`). Only schemas that
 * refer to themselves need one; everything else is inlined.
 */
const DEFINITION_NAMES = z.registry<{ id: string }>();
DEFINITION_NAMES.add(SectionSchema, { id: 'Section' });

/** The file name of a published schema: `<name>.schema.json`. */
export function schemaFileName(name: string): string {
  return `${name}.schema.json`;
}

/** `extract-result` → `ExtractResult`. */
function pascalCase(name: string): string {
  return name.replace(/(?:^|-)([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/**
 * The JSON Schema (draft 2020-12) of the output type `name`, describing the JSON the tool emits
 * (zod's output side). `$id` is the schema's file name, so that a validator loading the file from
 * schemas/ resolves it in place. Key order is the generator's, which follows the zod schema's
 * field order, with `$schema`, `$id` and `title` first: the same zod schemas always give the same bytes.
 */
export function jsonSchemaOf(name: string): Record<string, unknown> {
  const schema = (PUBLISHED_SCHEMAS as Readonly<Record<string, z.ZodType>>)[name];
  if (!schema) throw new RangeError(`no published schema named ${JSON.stringify(name)}`);
  const { $schema, ...body } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'output',
    cycles: 'ref',
    reused: 'inline',
    unrepresentable: 'throw',
    metadata: DEFINITION_NAMES,
  }) as Record<string, unknown>;
  return { $schema, $id: schemaFileName(name), title: pascalCase(name), ...body };
}

/** The file contents of the published schema `name`: 2-space indented JSON and a trailing newline. */
export function renderJsonSchema(name: string): string {
  return JSON.stringify(jsonSchemaOf(name), null, 2) + '\n';
}
