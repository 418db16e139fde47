/** Emitters: ExtractResult[] → string, one module per format family. */
import { stringify as yamlStringify } from 'yaml';
import type { ExtractResult } from '../model/schemas.js';
import { csvTable, type CsvTable } from './csv.js';

export type OutputFormat = 'yaml' | 'json' | 'jsonl' | 'csv';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['yaml', 'json', 'jsonl', 'csv'];

/** What `extract --format` takes: the data formats, or `html`, the review page of `plans view` (src/view/). */
export type ExtractFormat = OutputFormat | 'html';
export const EXTRACT_FORMATS: readonly ExtractFormat[] = [...OUTPUT_FORMATS, 'html'];

/** The file extension of each format. */
export const EXTENSIONS: Record<ExtractFormat, string> = { yaml: '.yaml', json: '.json', jsonl: '.jsonl', csv: '.csv', html: '.html' };

/**
 * YAML without anchors, aliases or tags (a consumer must not misread shared objects), long lines
 * kept whole so that source text is not folded.
 */
export function toYaml(result: unknown): string {
  return yamlStringify(result, { aliasDuplicateObjects: false, lineWidth: 0, minContentWidth: 0 });
}

/** One file's output in one format. */
export function emitOne(result: ExtractResult, format: OutputFormat, table: CsvTable): string {
  switch (format) {
    case 'yaml':
      return toYaml(result);
    case 'json':
      return JSON.stringify(result, null, 2) + '\n';
    case 'jsonl':
      return JSON.stringify(result) + '\n';
    case 'csv':
      return csvTable([result], table);
  }
}

/**
 * Several files' output for --stdout: json is one result for one input and an array for several,
 * jsonl a line per result, yaml one YAML document per input, csv one table with one header.
 */
export function emitMany(results: readonly ExtractResult[], format: OutputFormat, table: CsvTable): string {
  switch (format) {
    case 'yaml':
      return results.map((r) => (results.length > 1 ? '---\n' : '') + toYaml(r)).join('');
    case 'json':
      return JSON.stringify(results.length === 1 ? results[0] : results, null, 2) + '\n';
    case 'jsonl':
      return results.map((r) => JSON.stringify(r) + '\n').join('');
    case 'csv':
      return csvTable(results, table);
  }
}
