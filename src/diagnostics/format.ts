/** Reporters for diagnostics: text lines, GitHub workflow commands, and the JSON check report. */
import type { CheckReport, Diagnostic } from '../model/schemas.js';
import { printable } from './printable.js';
import { compareCodeUnits } from '../text/compare.js';

/** `file:line:column: severity PLN### message` — one line per diagnostic. */
export function formatText(d: Diagnostic): string {
  const actual = d.actual !== undefined ? ` (${oneLine(d.actual)})` : '';
  return `${printable(d.file)}:${d.line}:${d.column}: ${d.severity} ${d.code} ${oneLine(d.message)}${actual}`;
}

/** The closing line of a text report. */
export function formatSummary(summary: CheckReport['summary']): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.infos, 'info')} in ${plural(summary.files, 'file')}`;
}

/**
 * A GitHub Actions workflow command (`::error file=…,line=…,col=…,title=…::message`). Data is
 * escaped as the runner expects: %, CR and LF everywhere, and also `:` and `,` in properties.
 */
export function formatGithub(d: Diagnostic): string {
  const command = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
  const props = [`file=${escapeProperty(d.file)}`, `line=${d.line}`, `col=${d.column}`, `title=${escapeProperty(d.code)}`];
  const actual = d.actual !== undefined ? ` (${d.actual})` : '';
  return `::${command} ${props.join(',')}::${escapeData(`${d.message}${actual}`)}`;
}

function escapeData(s: string): string {
  return printable(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function oneLine(s: string): string {
  return printable(s.replace(/\s*[\r\n]+\s*/g, ' '));
}

/** Sorts by file, then line, then column, then code. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return compareCodeUnits(a.file, b.file) || a.line - b.line || a.column - b.column || compareCodeUnits(a.code, b.code);
}
