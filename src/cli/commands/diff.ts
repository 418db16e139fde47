/** `plans diff <child> <parent>`: compare a plan with its parent (or sibling) plan. */
import { Command, Option } from 'commander';
import * as path from 'node:path';
import type { CliIo } from '../io.js';
import { write } from '../io.js';
import type { Done } from '../main.js';
import { EXIT } from '../errors.js';
import type { ExtractResult } from '../../model/schemas.js';
import { encodingOption, maxBytesOption, redactOption } from '../options.js';
import type { DiffResult } from '../../diff/model.js';

/** The formats of `plans diff --format`. */
export const DIFF_FORMATS = ['text', 'json', 'yaml', 'csv', 'html'] as const;
type DiffFormat = (typeof DIFF_FORMATS)[number];

interface DiffOptions {
  format: DiffFormat;
  childDoc?: string;
  parentDoc?: string;
  encoding: string;
  maxBytes: number;
  redact?: boolean;
}

export function diffCommand(io: CliIo, done: Done): Command {
  return new Command('diff')
    .description('compare a plan with its parent (or sibling) plan: targets same/stricter/looser/changed/added/dropped, measures same/edited/added/dropped')
    .argument('<child>', 'the child plan file (e.g. a district plan)')
    .argument('<parent>', 'the parent plan file (e.g. the municipal plan it implements), or a sibling')
    .addOption(new Option('--format <format>', 'report format (html is one self-contained page)').choices(DIFF_FORMATS).default('text'))
    .option('--child-doc <id>', 'compare this document of the child file (an id such as d2, as listed by extract)')
    .option('--parent-doc <id>', 'compare with this document of the parent file')
    .addOption(encodingOption())
    .addOption(maxBytesOption())
    .addOption(redactOption())
    .addHelpText(
      'after',
      '\nDocuments are paired by the titles the child cites, else by title and topic (regions ignored);\n' +
        'only plans are paired unless ids are given. Exit 0 on success, 2 on a usage error, an unreadable\n' +
        'input, or when no document pairs (the documents of both files are then listed on stderr).',
    )
    .action(async (childPath: string, parentPath: string, opts: DiffOptions) => {
      const [{ processInput }, { diffResults }, { UnknownDocumentError }] = await Promise.all([
        import('../run-inputs.js'),
        import('../../diff/diff.js'),
        import('../../diff/pairing.js'),
      ]);
      const results: ExtractResult[] = [];
      for (const display of [childPath, parentPath]) {
        const outcome = await processInput({ display, absolute: path.resolve(io.cwd, display), relative: path.basename(display) }, opts);
        if ('error' in outcome) {
          io.stderr.write(`plans: ${display}: ${outcome.error}\n`);
          return done(EXIT.usage);
        }
        results.push(outcome.result);
      }
      const [child, parent] = results;
      let result: DiffResult;
      try {
        result = diffResults(child, parent, { childDoc: opts.childDoc, parentDoc: opts.parentDoc });
      } catch (error) {
        if (!(error instanceof UnknownDocumentError)) throw error;
        io.stderr.write(`plans: ${error.file}: ${error.message}\n`);
        return done(EXIT.usage);
      }
      if (result.pairs.length === 0) {
        for (const r of [child, parent]) io.stderr.write(`plans: ${r.source.path}: no document paired; documents: ${listDocuments(r)}\n`);
        return done(EXIT.usage);
      }
      const color = io.isTTY === true && io.env?.NO_COLOR === undefined;
      await write(io.stdout, await render(result, opts.format, color));
      done(EXIT.ok);
    });
}

/** `d1 (notice) 《title》, d2 (plan) 《title》`: what the user can pass to --child-doc/--parent-doc. */
function listDocuments(result: ExtractResult): string {
  if (result.documents.length === 0) return 'none';
  return result.documents.map((d) => `${d.id} (${d.kind}) 《${d.title.replace(/\s+/g, ' ')}》`).join(', ');
}

/** The report in `format`; each format's renderer is loaded only when asked for. */
async function render(result: DiffResult, format: DiffFormat, color: boolean): Promise<string> {
  switch (format) {
    case 'text':
      return (await import('../../diff/report-text.js')).renderText(result, { color });
    case 'json':
      return JSON.stringify(result, null, 2) + '\n';
    case 'yaml':
      return (await import('../../emit/emit.js')).toYaml(result);
    case 'csv':
      return (await import('../../diff/report-csv.js')).renderCsv(result);
    case 'html':
      return (await import('../../diff/report-html.js')).renderHtml(result);
  }
}
