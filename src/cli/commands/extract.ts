/** `plans extract <file|dir>...`: structured data of every input, one output file per input. */
import { Command, Option } from 'commander';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CliIo, InputFile } from '../io.js';
import { describeFsError, findInputs, runWriter, write } from '../io.js';
import { printable } from '../../diagnostics/printable.js';
import type { Done } from '../main.js';
import { EXIT, UsageError } from '../errors.js';
import type { ExtractResult } from '../../model/schemas.js';
import { emitMany, EXTENSIONS, EXTRACT_FORMATS, type ExtractFormat } from '../../emit/emit.js';
import { CSV_TABLES, type CsvTable } from '../../emit/csv.js';
import { encodingOption, jobsOption, maxBytesOption, redactOption } from '../options.js';
import { Progress, showsProgress } from '../progress.js';

interface ExtractOptions {
  format: ExtractFormat;
  table: CsvTable;
  outDir: string;
  stdout?: boolean;
  encoding: string;
  maxBytes: number;
  redact?: boolean;
  bom?: boolean;
  quiet?: boolean;
  jobs: number;
}

export function extractCommand(io: CliIo, done: Done): Command {
  return new Command('extract')
    .description('extract documents, sections, targets, measures and responsibilities')
    .argument('<inputs...>', 'files or directories (text, HTML, DOCX, DOC and PDF files under a directory, recursively), or - for standard input')
    .addOption(new Option('--format <format>', 'output format (html: the review page of plans view)').choices(EXTRACT_FORMATS).default('yaml'))
    .addOption(new Option('--table <table>', 'the table that --format csv writes').choices(CSV_TABLES).default('targets'))
    .option('--out-dir <dir>', 'folder for the output files', 'out')
    .option('--stdout', 'print to standard output instead of writing files (json: an array for a folder or several files, an object for one file)')
    .option('--quiet', 'no progress line or summary on a terminal')
    .option('--bom', 'start CSV output with a UTF-8 byte-order mark, so that Excel reads the Chinese text correctly')
    .addOption(redactOption())
    .addOption(encodingOption())
    .addOption(maxBytesOption())
    .addOption(jobsOption(io.cpus ?? 1, 'extract this many files in parallel (output as with --jobs 1)'))
    .action(async (inputs: string[], opts: ExtractOptions) => {
      if (opts.bom && opts.format !== 'csv') throw new UsageError('--bom applies to --format csv only');
      const { extractAll } = await import('../extract-one.js');
      const { files, problems } = await findInputs(inputs, io.cwd);
      if (opts.format === 'html' && opts.stdout && files.length > 1) {
        io.stderr.write('plans: --format html with --stdout prints one page: give one input, or write files with --out-dir\n');
        return done(EXIT.usage);
      }
      let failed = problems.length > 0;
      for (const p of problems) io.stderr.write(`plans: ${printable(p.display)}: ${p.reason}\n`);
      const results: ExtractResult[] = [];
      const outDir = path.resolve(io.cwd, opts.outDir);
      const inputPaths = new Set(files.map((f) => f.absolute));
      const targets = outputPaths(files, outDir, opts.format);
      const progress = new Progress(io.stderr, files.length, showsProgress(io.stderrIsTTY, files.length, opts.quiet));
      progress.missing(problems.length);
      const writeOutput = runWriter();
      for await (const [file, outcome] of extractAll(files, opts, opts.jobs, io.stdin)) {
        progress.record('error' in outcome ? null : outcome.counts);
        if ('error' in outcome) {
          progress.note(`plans: ${printable(file.display)}: ${outcome.error}\n`);
          failed = true;
          continue;
        }
        if (outcome.output === null) {
          results.push(outcome.result);
          continue;
        }
        // Written piece by piece (see emitPieces): no string need hold a large input's whole result.
        const output = outcome.output;
        if (opts.stdout) {
          await write(io.stdout, typeof output === 'string' || output instanceof Uint8Array ? output : [...output].join(''));
          continue;
        }
        const target = targets.get(file)!;
        if (inputPaths.has(target)) {
          progress.note(`plans: ${printable(file.display)}: output ${target} would overwrite an input; skipped\n`);
          failed = true;
          continue;
        }
        try {
          await writeOutput(target, output);
        } catch (error) {
          // A folder or name the file system refuses fails this input only.
          progress.note(`plans: ${printable(file.display)}: cannot write ${shownPath(io.cwd, target)}: ${error instanceof RangeError ? 'output too large to build in memory' : describeFsError(error)}\n`);
          failed = true;
        }
      }
      if (opts.stdout && opts.format !== 'html' && results.length > 0) {
        // One JSON shape per invocation: decided by the arguments, not by how many inputs were read.
        const array = inputs.length > 1 || (inputs[0] !== '-' && (await isFolder(path.resolve(io.cwd, inputs[0]))));
        await write(io.stdout, emitMany(results, opts.format, opts, array));
      }
      progress.finish();
      done(failed ? EXIT.usage : EXIT.ok);
    });
}

/** A path as the user would write it: relative to the working folder when under it, else absolute. */
function shownPath(cwd: string, target: string): string {
  const relative = path.relative(cwd, target);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? target : relative;
}

async function isFolder(absolute: string): Promise<boolean> {
  return (await fs.stat(absolute).catch(() => null))?.isDirectory() ?? false;
}

/**
 * The output path of an input: its path under the arguments' common base (findInputs) with the
 * format's extension, inside outDir. Parts that could climb
 * out of outDir (`..`) are dropped and control and reserved characters replaced. With
 * `keepExtension` the input's own extension stays in the name (`plan.pdf.yaml`).
 */
export function outputPath(file: InputFile, outDir: string, format: ExtractFormat, keepExtension = false): string {
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
 * `plan.docx.yaml`), and any that still collide (names that differ only in characters replaced
 * by outputPath, `a?.txt` and `a_.txt`) get `-2`, `-3` … in input order.
 */
export function outputPaths(files: readonly InputFile[], outDir: string, format: ExtractFormat): Map<InputFile, string> {
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
