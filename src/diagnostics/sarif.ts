/**
 * The SARIF 2.1.0 report of `plans check --format sarif`, as GitHub code scanning reads it: one
 * run, one rule per code that occurs (id = the code, name = its alias, help = the catalogue's
 * description), one result per diagnostic at its file, line and column (UTF-16 code units).
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Severity } from '../model/schemas.js';
import { CODES, type DiagnosticCode } from './codes.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** A file path as a SARIF artifact URI: relative paths stay relative (segments percent-encoded), absolute ones become file: URIs. */
export function artifactUri(file: string): string {
  if (path.isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

/** The SARIF log of sorted diagnostics, as 2-space indented JSON. */
export function formatSarif(diagnostics: readonly Diagnostic[], version: string): string {
  const codes = [...new Set(diagnostics.map((d) => d.code))].sort();
  const index = new Map(codes.map((code, k) => [code, k]));
  const rules = codes.map((code) => {
    const info = CODES[code as DiagnosticCode];
    return {
      id: code,
      name: info.alias,
      shortDescription: { text: info.description },
      fullDescription: { text: info.description },
      help: { text: `${info.description} (${info.alias})` },
      defaultConfiguration: { level: LEVEL[info.severity] },
    };
  });
  const results = diagnostics.map((d) => ({
    ruleId: d.code,
    ruleIndex: index.get(d.code)!,
    level: LEVEL[d.severity],
    message: { text: d.actual !== undefined ? `${d.message} (${d.actual})` : d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: artifactUri(d.file) },
          region: { startLine: d.line, startColumn: d.column },
        },
      },
    ],
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'plans', version, semanticVersion: version, rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
