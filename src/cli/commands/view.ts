/** `plans view <file> [--out FILE.html]`: the review page of one input (src/view/), to a file or standard output. */
import { Command } from 'commander';
import * as path from 'node:path';
import type { CliIo } from '../io.js';
import { write, writeAtomic } from '../io.js';
import type { Done } from '../main.js';
import { EXIT } from '../errors.js';
import { encodingOption, maxBytesOption } from '../options.js';

interface ViewCommandOptions {
  out?: string;
  redact?: boolean;
  encoding: string;
  maxBytes: number;
}

export function viewCommand(io: CliIo, done: Done): Command {
  return new Command('view')
    .description('a self-contained page to review every extraction in its source (same as extract --format html)')
    .argument('<file>', 'input file (text, HTML, DOCX, DOC or PDF), or - for standard input')
    .option('--out <file>', 'write the page to this file (default: standard output)')
    .option('--redact', 'replace personal contact data (mobile numbers, e-mail addresses, contact persons) with placeholders')
    .addOption(encodingOption())
    .addOption(maxBytesOption())
    .action(async (file: string, opts: ViewCommandOptions) => {
      const [{ processInput }, { renderView, viewSourceOf }] = await Promise.all([import('../run-inputs.js'), import('../../view/page.js')]);
      const absolute = path.resolve(io.cwd, file);
      const outcome = await processInput({ display: file, absolute, relative: path.basename(file), stdin: file === '-' }, opts, io.stdin);
      if ('error' in outcome) {
        io.stderr.write(`plans: ${file}: ${outcome.error}\n`);
        return done(EXIT.usage);
      }
      const page = renderView(outcome.result, viewSourceOf(outcome.clean), { redact: opts.redact });
      if (opts.out === undefined) {
        await write(io.stdout, page);
        return done(EXIT.ok);
      }
      const target = path.resolve(io.cwd, opts.out);
      if (target === absolute) {
        io.stderr.write(`plans: ${file}: --out ${opts.out} would overwrite the input\n`);
        return done(EXIT.usage);
      }
      await writeAtomic(target, page);
      done(EXIT.ok);
    });
}
