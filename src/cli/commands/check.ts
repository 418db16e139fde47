/** `plans check <file|dir>...`: the whole pipeline over a corpus, diagnostics for CI. */
import { Command, Option } from 'commander';
import type { CliIo } from '../io.js';
import { findInputs, write } from '../io.js';
import type { Done } from '../main.js';
import { printable } from '../../diagnostics/printable.js';
import { EXIT } from '../errors.js';
import type { CheckReport, Diagnostic } from '../../model/schemas.js';
import { CheckReportSchema } from '../../model/schemas.js';
import { CODES, type DiagnosticCode } from '../../diagnostics/codes.js';
import { compareDiagnostics, formatGithub, formatSummary, formatText } from '../../diagnostics/format.js';
import { processInput } from '../run-inputs.js';
import { encodingOption, maxBytesOption, parseCount, redactOption } from '../options.js';
import { applyConfig, configsFor, ConfigError, type LoadedConfig } from '../check-config.js';

type CheckFormat = 'text' | 'json' | 'github';

interface CheckOptions {
  format: CheckFormat;
  maxWarnings?: number;
  encoding: string;
  maxBytes: number;
  redact?: boolean;
}

export function checkCommand(io: CliIo, done: Done): Command {
  return new Command('check')
    .description('run the pipeline over files or folders and report diagnostics; exit 1 on errors')
    .argument('<inputs...>', 'files or directories (text, HTML, DOCX, DOC and PDF files under a directory, recursively), or - for standard input')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json', 'github']).default('text'))
    .option('--max-warnings <n>', 'also fail when there are more warnings than this', parseCount)
    .addOption(encodingOption())
    .addOption(maxBytesOption())
    .addOption(redactOption())
    .addHelpText('after', '\nA plans.config.json in a corpus folder sets severities per code (see README).')
    .action(async (inputs: string[], opts: CheckOptions) => {
      const { files, problems } = await findInputs(inputs, io.cwd);
      const report: CheckReport = { schemaVersion: '1', files: [], summary: { files: 0, errors: 0, warnings: 0, infos: 0 } };
      let unreadable = problems.length > 0;
      for (const p of problems) io.stderr.write(`plans: ${printable(p.display)}: ${p.reason}\n`);
      const cache = new Map<string, LoadedConfig | null>();
      for (const file of files) {
        let configs: LoadedConfig[];
        try {
          configs = await configsFor(file.absolute, io.cwd, cache);
        } catch (error) {
          if (!(error instanceof ConfigError)) throw error;
          io.stderr.write(`plans: ${error.message}\n`);
          return done(EXIT.usage);
        }
        const outcome = await processInput(file, opts, io.stdin);
        if ('error' in outcome) {
          unreadable = true;
          io.stderr.write(`plans: ${printable(file.display)}: ${outcome.error}\n`);
          report.files.push({ file: file.display, readable: false, diagnostics: [inputDiagnostic(file.display, outcome)] });
          continue;
        }
        const diagnostics = applyConfig(outcome.result.diagnostics, file.absolute, configs).sort(compareDiagnostics);
        report.files.push({ file: file.display, readable: true, diagnostics });
      }
      const all = report.files.flatMap((f) => f.diagnostics).sort(compareDiagnostics);
      report.summary = {
        files: report.files.length,
        errors: all.filter((d) => d.severity === 'error').length,
        warnings: all.filter((d) => d.severity === 'warning').length,
        infos: all.filter((d) => d.severity === 'info').length,
      };
      await write(io.stdout, render(report, all, opts.format));
      const tooManyWarnings = opts.maxWarnings !== undefined && report.summary.warnings > opts.maxWarnings;
      if (unreadable) return done(EXIT.usage);
      done(report.summary.errors > 0 || tooManyWarnings ? EXIT.failed : EXIT.ok);
    });
}

/** The one diagnostic of an input that could not be processed at all. */
function inputDiagnostic(file: string, outcome: { error: string; code: DiagnosticCode }): Diagnostic {
  return { code: outcome.code, severity: CODES[outcome.code].severity, message: `Unexpected input: ${outcome.error}`, file, line: 1, column: 1 };
}

function render(report: CheckReport, all: readonly Diagnostic[], format: CheckFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(CheckReportSchema.parse(report), null, 2) + '\n';
    case 'github':
      return all.map((d) => formatGithub(d) + '\n').join('');
    case 'text':
      return all.map((d) => formatText(d) + '\n').join('') + formatSummary(report.summary) + '\n';
  }
}
