/**
 * One file's output as a sequence of pieces, none larger than one document, whose concatenation
 * is exactly what emitMany returns for this result alone: written piece by piece, no string has to hold the whole result
 * (a large input's JSON can pass the longest string JavaScript allows).
 */
import type { ExtractResult } from '../model/schemas.js';
import { csvTable } from './csv.js';
import { prettyJson } from './json.js';
import { toYaml, type EmitOptions, type OutputFormat } from './emit.js';

export function* emitPieces(result: ExtractResult, format: OutputFormat, { table, bom }: EmitOptions): Generator<string> {
  switch (format) {
    case 'json':
      yield* jsonPieces(result, true);
      yield '\n';
      return;
    case 'jsonl':
      yield* jsonPieces(result, false);
      yield '\n';
      return;
    case 'yaml':
      yield* yamlPieces(result);
      return;
    case 'csv':
      yield csvTable([result], table, bom);
  }
}

/** prettyJson(result) (or JSON.stringify(result)), one top-level field or document at a time. */
function* jsonPieces(result: ExtractResult, pretty: boolean): Generator<string> {
  const stringify = (value: unknown, depth: number) => (pretty ? prettyJson(value, depth) : JSON.stringify(value));
  const newline = (depth: number) => (pretty ? '\n' + '  '.repeat(depth) : '');
  const colon = pretty ? ': ' : ':';
  let first = true;
  yield '{';
  for (const [key, value] of Object.entries(result)) {
    if (value === undefined) continue;
    yield `${first ? '' : ','}${newline(1)}${JSON.stringify(key)}${colon}`;
    first = false;
    if (key !== 'documents' || !Array.isArray(value) || value.length === 0) {
      yield stringify(value, 1);
      continue;
    }
    yield '[';
    for (const [k, document] of value.entries()) yield `${k === 0 ? '' : ','}${newline(2)}${stringify(document, 2)}`;
    yield `${newline(1)}]`;
  }
  yield first ? '}' : newline(0) + '}';
}

/** toYaml(result), one top-level field or document at a time (a document indented as a sequence item under `documents:`). */
function* yamlPieces(result: ExtractResult): Generator<string> {
  for (const [key, value] of Object.entries(result)) {
    if (value === undefined) continue;
    if (key !== 'documents' || !Array.isArray(value) || value.length === 0) {
      yield toYaml({ [key]: value });
      continue;
    }
    yield `${key}:\n`;
    for (const document of value) yield toYaml([document]).replace(/^(?=.)/gm, '  ');
  }
}
