/**
 * `check` for the library and the CLI: runs the pipeline over files and folders and returns the
 * check report, with each input's diagnostics after the plans.config.json files that apply to it.
 * An input that cannot be read or decoded is in the report with its one diagnostic (readable: false).
 */
import * as path from 'node:path';
import type { CheckReport, Diagnostic } from './model/schemas.js';
import { CODES, type DiagnosticCode } from './diagnostics/codes.js';
import { compareDiagnostics } from './diagnostics/format.js';
import type { PipelineOptions } from './pipeline.js';
import { findInputs } from './cli/io.js';
import { checkAll, type CheckOneOptions } from './cli/check-one.js';
import { DEFAULT_MAX_BYTES } from './cli/byte-size.js';
import { applyConfig, configsFor, type ConfigCache } from './cli/check-config.js';

export { ConfigError } from './cli/check-config.js';

export interface CheckOptions extends PipelineOptions {
  /** The folder relative inputs are resolved against (default: process.cwd()). */
  cwd?: string;
  /** Inputs larger than this are unreadable (default 64 MiB). */
  maxBytes?: number;
  /** Read for the input `-`. */
  stdin?: NodeJS.ReadableStream;
  /** How many inputs are checked at once, each in a worker thread (default 1: all in this thread). */
  jobs?: number;
}

/**
 * Checks every input (files, folders walked recursively, `-` for stdin), in order. Throws
 * ConfigError for a plans.config.json that is not valid JSON or not of the documented form.
 */
export async function check(inputs: readonly string[], options: CheckOptions = {}): Promise<CheckReport> {
  const { cwd = process.cwd(), stdin, jobs = 1, ...pipelineOptions } = options;
  const oneOptions: CheckOneOptions = { ...pipelineOptions, maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES };
  const { files, problems } = await findInputs(inputs, cwd);
  const report: CheckReport = { schemaVersion: '1', files: [], summary: { files: 0, errors: 0, warnings: 0, infos: 0 } };
  const cache: ConfigCache = new Map();
  for await (const [file, outcome] of checkAll(files, oneOptions, jobs, stdin)) {
    const configs = await configsFor(file.stdin ? path.join(cwd, '-') : file.absolute, cache);
    if ('error' in outcome) {
      report.files.push({ file: file.display, readable: false, diagnostics: [inputDiagnostic(file.display, outcome)] });
      continue;
    }
    const diagnostics = applyConfig(outcome.diagnostics, file.absolute, configs).sort(compareDiagnostics);
    report.files.push({ file: file.display, readable: true, diagnostics });
  }
  // Arguments that name nothing are listed too, not only counted in the exit code.
  for (const p of problems) report.files.push({ file: p.display, readable: false, diagnostics: [inputDiagnostic(p.display, { error: p.reason, code: 'PLN001' })] });
  const all = report.files.flatMap((f) => f.diagnostics);
  report.summary = {
    files: report.files.length,
    errors: all.filter((d) => d.severity === 'error').length,
    warnings: all.filter((d) => d.severity === 'warning').length,
    infos: all.filter((d) => d.severity === 'info').length,
  };
  return report;
}

/** The one diagnostic of an input that could not be processed at all. */
function inputDiagnostic(file: string, outcome: { error: string; code: DiagnosticCode }): Diagnostic {
  return { code: outcome.code, severity: CODES[outcome.code].severity, message: `Unexpected input: ${outcome.error}`, file, line: 1, column: 1 };
}

/** The reason an unreadable input's diagnostic gives (its message without the fixed lead). */
export function unreadableReason(diagnostic: Diagnostic): string {
  return diagnostic.message.replace(/^Unexpected input: /, '');
}
