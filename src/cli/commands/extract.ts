/** `plans extract <file|dir>...`: structured data of every input, one output file per input. */
import { Command, Option } from 'commander';
import * as path from 'node:path';
import type { CliIo, InputFile } from '../io.js';
import { describeFsError, findInputs, runWriter, write } from '../io.js';
import type { Done } from '../main.js';
import { printable } from '../../diagnostics/printable.js';
import { EXIT } from '../errors.js';
import type { ExtractResult } from '../../model/schemas.js';
import { emitMany, EXTENSIONS, OUTPUT_FORMATS, type OutputFormat } from '../../emit/emit.js';
import { emitPieces } from '../../emit/pieces.js';
import { CSV_TABLES, type CsvTable } from '../../emit/csv.js';
import { processInput } from '../run-inputs.js';
import { encodingOption, maxBytesOption, redactOption } from '../options.js';

interface ExtractOptions {
  format: OutputFormat;
  table: CsvTable;
  outDir: string;
  stdout?: boolean;
  encoding: string;
  maxBytes: number;
  redact?: boolean;
}

export function extractCommand(io: CliIo, done: Done): Command {
  return new Command('extract')
    .description('extract documents, sections, targets, measures and responsibilities')
    .argument('<inputs...>', 'files or directories (text, HTML, DOCX, DOC and PDF files under a directory, recursively), or - for standard input')
    .addOption(new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS).default('yaml'))
    .addOption(new Option('--table <table>', 'the table that --format csv writes').choices(CSV_TABLES).default('targets'))
    .option('--out-dir <dir>', 'folder for the output files', 'out')
    .option('--stdout', 'print to standard output instead of writing files')
    .addOption(redactOption())
    .addOption(encodingOption())
    .addOption(maxBytesOption())
    .action(async (inputs: string[], opts: ExtractOptions) => {
      const { files, problems } = await findInputs(inputs, io.cwd);
      let failed = problems.length > 0;
      for (const p of problems) io.stderr.write(`plans: ${printable(p.display)}: ${p.reason}\n`);
      const results: ExtractResult[] = [];
      const outDir = path.resolve(io.cwd, opts.outDir);
      const inputPaths = new Set(files.map((f) => f.absolute));
      const targets = outputPaths(files, outDir, opts.format);
      const writeOutput = runWriter();
      for (const file of files) {
        const outcome = await processInput(file, opts, io.stdin);
        if ('error' in outcome) {
          io.stderr.write(`plans: ${printable(file.display)}: ${outcome.error}\n`);
          failed = true;
          continue;
        }
        if (opts.stdout) {
          results.push(outcome.result);
          continue;
        }
        const target = targets.get(file)!;
        if (inputPaths.has(target)) {
          io.stderr.write(`plans: ${printable(file.display)}: output ${target} would overwrite an input; skipped\n`);
          failed = true;
          continue;
        }
        try {
          await writeOutput(target, emitPieces(outcome.result, opts.format, opts.table));
        } catch (error) {
          // A folder or name the file system refuses fails this input only.
          io.stderr.write(`plans: ${printable(file.display)}: cannot write ${shownPath(io.cwd, target)}: ${error instanceof RangeError ? 'output too large to build in memory' : describeFsError(error)}\n`);
          failed = true;
        }
      }
      if (opts.stdout && results.length > 0) await write(io.stdout, emitMany(results, opts.format, opts.table));
      done(failed ? EXIT.usage : EXIT.ok);
    });
}

/** A path as the user would write it: relative to the working folder when under it, else absolute. */
function shownPath(cwd: string, target: string): string {
  const relative = path.relative(cwd, target);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? target : relative;
}

/**
 * The output path of an input: its path under the directory argument it was found in (just its
 * name for a file argument) with the format's extension, inside outDir. Parts that could climb
 * out of outDir (`..`) are dropped and control and reserved characters replaced. With
 * `keepExtension` the input's own extension stays in the name (`plan.pdf.yaml`).
 */
export function outputPath(file: InputFile, outDir: string, format: OutputFormat, keepExtension = false): string {
  const parts = file.relative
    .split(/[\\/]+/)
    .filter((p) => p !== '' && p !== '.' && p !== '..')
    .map((p) => p.replace(/[\u0000-\u001f<>:"|?*]/g, '_'));
  const name = parts.pop() ?? 'input';
  const stem = keepExtension ? name : name.replace(/\.[^.]*$/, '') || name;
  return path.join(outDir, ...parts, stem + EXTENSIONS[format]);
}

/**
 * The output path of every input of a run, no two alike: inputs that would share one (`plan.pdf`
 * and `plan.docx` both `plan.yaml`) keep their extension in the name (`plan.pdf.yaml`,
 * `plan.docx.yaml`), and any that still collide (the same name under two directory arguments)
 * get `-2`, `-3` … in input order.
 */
export function outputPaths(files: readonly InputFile[], outDir: string, format: OutputFormat): Map<InputFile, string> {
  const plain = files.map((file) => outputPath(file, outDir, format));
  const count = new Map<string, number>();
  for (const target of plain) count.set(target, (count.get(target) ?? 0) + 1);
  const chosen = files.map((file, k) => ((count.get(plain[k]) ?? 0) > 1 ? outputPath(file, outDir, format, true) : plain[k]));
  const taken = new Map<string, number>();
  const out = new Map<InputFile, string>();
  files.forEach((file, k) => {
    const seen = taken.get(chosen[k]) ?? 0;
    taken.set(chosen[k], seen + 1);
    const ext = EXTENSIONS[format];
    out.set(file, seen === 0 ? chosen[k] : `${chosen[k].slice(0, -ext.length)}-${seen + 1}${ext}`);
  });
  return out;
}
