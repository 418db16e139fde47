/** `plans normalize <file> [--report] [--raw]`: clean text (or, with --raw, the text as read) to stdout, the fix log to stderr. */
import { Command } from 'commander';
import * as path from 'node:path';
import type { CliIo } from '../io.js';
import { write } from '../io.js';
import type { Done } from '../main.js';
import { printable } from '../../diagnostics/printable.js';
import { EXIT } from '../errors.js';
import { encodingOption, maxBytesOption, redactOption } from '../options.js';

export function normalizeCommand(io: CliIo, done: Done): Command {
  return new Command('normalize')
    .description('print the clean, de-duplicated text of one file; the fix log goes to stderr')
    .argument('<file>', 'input file (text, HTML, DOCX, DOC or PDF), or - for standard input')
    .option('--report', 'print the fix and duplicate log to stderr as JSON')
    .option('--raw', 'print the text as read, before layout and normalize (what spans of a DOCX, DOC or PDF point into)')
    .addOption(encodingOption())
    .addOption(maxBytesOption())
    .addOption(redactOption())
    .action(async (file: string, opts: { report?: boolean; raw?: boolean; encoding: string; maxBytes: number; redact?: boolean }) => {
      const [{ readInput, readStdin }, { cleanTextAsync, finishDiagnostics, InputError }, { groupFixes, sourceSpan }, { redactString }] = await Promise.all([
        import('../run-inputs.js'),
        import('../../pipeline.js'),
        import('../../stages/assemble.js'),
        import('../../stages/privacy.js'),
      ]);
      let clean;
      try {
        const bytes = file === '-' ? await readStdin(io.stdin, opts) : await readInput(path.resolve(io.cwd, file), opts);
        clean = await cleanTextAsync(bytes, file, { encoding: opts.encoding, maxBytes: opts.maxBytes, redact: opts.redact });
      } catch (error) {
        if (error instanceof InputError) {
          io.stderr.write(`plans: ${printable(file)}: ${error.message}\n`);
          return done(EXIT.usage);
        }
        throw error;
      }
      const fixes = groupFixes(clean.normalized.fixes, clean.lines);
      const duplicates = clean.deduped.duplicates.map((d) => ({
        removed: sourceSpan(d.removed, clean.lines),
        kept: sourceSpan(d.kept, clean.lines),
        chars: d.chars,
      }));
      const diagnostics = finishDiagnostics(clean.diagnostics, clean.lines, file);
      if (opts.raw) {
        // The text as read has no redaction applied; --redact scrubs it as a whole.
        await write(io.stdout, opts.redact ? redactString(clean.source.source) : clean.source.source);
        return done(EXIT.ok);
      }
      await write(io.stdout, clean.deduped.text.text);
      if (opts.report) {
        io.stderr.write(JSON.stringify({ fixes, duplicates, diagnostics }, null, 2) + '\n');
      } else {
        for (const fix of fixes) {
          const first = fix.examples[0];
          const where = first ? ` first at ${first.line}:${first.column} (${printable(JSON.stringify(first.before))} → ${printable(JSON.stringify(first.after))})` : '';
          io.stderr.write(`${printable(file)}: fix ${fix.kind} ×${fix.count}${where}\n`);
        }
        for (const d of duplicates) {
          io.stderr.write(
            `${printable(file)}:${d.removed.start.line}:${d.removed.start.column}: removed repeat of ${d.chars} chars (kept at ${d.kept.start.line}:${d.kept.start.column})\n`,
          );
        }
        for (const d of diagnostics) {
          io.stderr.write(`${printable(d.file)}:${d.line}:${d.column}: ${d.severity} ${d.code} ${printable(d.message)}\n`);
        }
      }
      done(EXIT.ok);
    });
}
