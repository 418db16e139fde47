/** Emitters: ExtractResult[] → string, one module per format family. */
import type { ExtractResult } from '../model/schemas.js';
import { csvTable, type CsvTable } from './csv.js';
import { toYaml } from './yaml.js';
import { prettyJson } from './json.js';

export { toYaml };

export type OutputFormat = 'yaml' | 'json' | 'jsonl' | 'csv';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['yaml', 'json', 'jsonl', 'csv'];

/** What `extract --format` takes: the data formats, or `html`, the review page of `plans view` (src/view/). */
export type ExtractFormat = OutputFormat | 'html';
export const EXTRACT_FORMATS: readonly ExtractFormat[] = [...OUTPUT_FORMATS, 'html'];

/** The file extension of each format. */
export const EXTENSIONS: Record<ExtractFormat, string> = { yaml: '.yaml', json: '.json', jsonl: '.jsonl', csv: '.csv', html: '.html' };

/** Format options beyond the format itself: the CSV table, and a UTF-8 BOM for spreadsheets (--bom). */
export interface EmitOptions {
  table: CsvTable;
  bom?: boolean;
}

/**
 * The output of a run for --stdout: json is an array when `array` is set (a directory or several
 * file arguments, however many results) and the one result otherwise; jsonl a line per result,
 * yaml one YAML document per input, csv one table with one header.
 */
export function emitMany(results: readonly ExtractResult[], format: OutputFormat, { table, bom }: EmitOptions, array: boolean): string {
  switch (format) {
    case 'yaml':
      return results.map((r) => (results.length > 1 ? '---\n' : '') + toYaml(r)).join('');
    case 'json':
      return prettyJson(array ? results : results[0]) + '\n';
    case 'jsonl':
      return results.map((r) => JSON.stringify(r) + '\n').join('');
    case 'csv':
      return csvTable(results, table, bom);
  }
}
