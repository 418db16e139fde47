/** `plans series <file|dir>...`: one indicator per row, one plan per column, across levels and plan generations. */
import { Command, Option } from 'commander';
import type { CliIo } from '../io.js';
import { findInputs, write } from '../io.js';
import type { Done } from '../main.js';
import { EXIT } from '../errors.js';
import type { ExtractResult } from '../../model/schemas.js';
import { encodingOption, maxBytesOption } from '../options.js';
import type { SeriesResult } from '../../series/model.js';

/** The formats of `plans series --format`. */
export const SERIES_FORMATS = ['text', 'json', 'csv', 'html'] as const;
type SeriesFormat = (typeof SERIES_FORMATS)[number];

interface SeriesCommandOptions {
  format: SeriesFormat;
  indicator?: string;
  encoding: string;
  maxBytes: number;
}

export function seriesCommand(io: CliIo, done: Done): Command {
  return new Command('series')
    .description("follow each indicator across plans: one row per indicator, one column per plan (national → province → city → county, then by period), with each plan's verdict against the previous")
    .argument('<inputs...>', 'files or directories (text, HTML, DOCX, DOC and PDF files under a directory, recursively)')
    .addOption(new Option('--format <format>', 'report format (html is one self-contained page)').choices(SERIES_FORMATS).default('text'))
    .option('--indicator <text>', 'keep the rows whose indicator contains this text')
    .addOption(encodingOption())
    .addOption(maxBytesOption())
    .addHelpText(
      'after',
      '\nEvery plan of the inputs is a column. Exit 0 on success; 2 on a usage error, when an input cannot\n' +
        'be read (the others are still shown), or when the inputs hold no plan.',
    )
    .action(async (inputs: string[], opts: SeriesCommandOptions) => {
      const [{ processInput, readingAhead }, { buildSeries }] = await Promise.all([import('../run-inputs.js'), import('../../series/series.js')]);
      const { files, problems } = await findInputs(inputs, io.cwd);
      let failed = problems.length > 0;
      for (const p of problems) io.stderr.write(`plans: ${p.display}: ${p.reason}\n`);
      const results: ExtractResult[] = [];
      for (const [file, reading] of readingAhead(files, opts, io.stdin)) {
        const outcome = await processInput(file, opts, io.stdin, reading);
        if ('error' in outcome) {
          failed = true;
          io.stderr.write(`plans: ${file.display}: ${outcome.error}\n`);
        } else results.push(outcome.result);
      }
      const series = buildSeries(results, { indicator: opts.indicator });
      if (series.plans.length === 0) {
        io.stderr.write(`plans: no plan in the inputs (${results.length} readable file${results.length === 1 ? '' : 's'})\n`);
        return done(EXIT.usage);
      }
      await write(io.stdout, await render(series, opts.format));
      done(failed ? EXIT.usage : EXIT.ok);
    });
}

/** The report in `format`; each format's renderer is loaded only when asked for. */
async function render(series: SeriesResult, format: SeriesFormat): Promise<string> {
  switch (format) {
    case 'text':
      return (await import('../../series/report-text.js')).renderSeriesText(series);
    case 'json':
      return JSON.stringify(series, null, 2) + '\n';
    case 'csv':
      return (await import('../../series/report-csv.js')).renderSeriesCsv(series);
    case 'html':
      return (await import('../../series/report-html.js')).renderSeriesHtml(series);
  }
}
