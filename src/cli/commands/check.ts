/** `plans check <file|dir>...`: the whole pipeline over a corpus, diagnostics for CI. */
import { Command, Option } from 'commander';
import type { CliIo } from '../io.js';
import { write } from '../io.js';
import type { Done } from '../main.js';
import { printable } from '../../diagnostics/printable.js';
import { EXIT } from '../errors.js';
import type { CheckReport, Diagnostic } from '../../model/schemas.js';
import { VERSION } from '../version.js';
import { encodingOption, jobsOption, maxBytesOption, parseCount, redactOption } from '../options.js';

const CHECK_FORMATS = ['text', 'json', 'github', 'sarif'] as const;
type CheckFormat = (typeof CHECK_FORMATS)[number];

interface CheckCommandOptions {
  format: CheckFormat;
  maxWarnings?: number;
  encoding: string;
  maxBytes: number;
  redact?: boolean;
  jobs: number;
}

export function checkCommand(io: CliIo, done: Done): Command {
  return new Command('check')
    .description('run the pipeline over files or folders and report diagnostics; exit 1 on errors')
    .argument('<inputs...>', 'files or directories (text, HTML, DOCX, DOC and PDF files under a directory, recursively), or - for standard input')
    .addOption(new Option('--format <format>', 'report format').choices(CHECK_FORMATS).default('text'))
    .option('--max-warnings <n>', 'also fail when there are more warnings than this', parseCount)
    .addOption(encodingOption())
    .addOption(maxBytesOption())
    .addOption(redactOption())
    .addOption(jobsOption(io.cpus ?? 1, 'check this many files in parallel (report as with --jobs 1)'))
    .addHelpText('after', '\nA plans.config.json in a corpus folder or above it (up to the folder holding .git) sets severities per code (see README).')
    .action(async (inputs: string[], opts: CheckCommandOptions) => {
      const [{ check, ConfigError, unreadableReason }, { compareDiagnostics }] = await Promise.all([import('../../check.js'), import('../../diagnostics/format.js')]);
      let report: CheckReport;
      try {
        report = await check(inputs, { ...opts, cwd: io.cwd, stdin: io.stdin });
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        io.stderr.write(`plans: ${error.message}\n`);
        return done(EXIT.usage);
      }
      const unreadable = report.files.filter((f) => !f.readable);
      for (const f of unreadable) io.stderr.write(`plans: ${printable(f.file)}: ${unreadableReason(f.diagnostics[0])}\n`);
      const all = report.files.flatMap((f) => f.diagnostics).sort(compareDiagnostics);
      await write(io.stdout, await render(report, all, opts.format));
      const tooManyWarnings = opts.maxWarnings !== undefined && report.summary.warnings > opts.maxWarnings;
      if (tooManyWarnings) io.stderr.write(`plans: ${report.summary.warnings} warnings, more than --max-warnings ${opts.maxWarnings}\n`);
      if (unreadable.length > 0) return done(EXIT.usage);
      done(report.summary.errors > 0 || tooManyWarnings ? EXIT.failed : EXIT.ok);
    });
}

/** The report in `format`; the schema and each format's writer are loaded only when asked for. */
async function render(report: CheckReport, all: readonly Diagnostic[], format: CheckFormat): Promise<string> {
  const { formatGithub, formatSummary, formatText } = await import('../../diagnostics/format.js');
  switch (format) {
    case 'json':
      return JSON.stringify((await import('../../model/schemas.js')).CheckReportSchema.parse(report), null, 2) + '\n';
    case 'github':
      return all.map((d) => formatGithub(d) + '\n').join('');
    case 'sarif':
      return (await import('../../diagnostics/sarif.js')).formatSarif(all, VERSION);
    case 'text':
      return all.map((d) => formatText(d) + '\n').join('') + formatSummary(report.summary) + '\n';
  }
}
