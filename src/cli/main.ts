/** The command line: main({argv, stdout, stderr, cwd}) → exit code. Never throws. */
import { Command, CommanderError } from 'commander';
import type { CliIo } from './io.js';
import { EXIT, UsageError, type ExitCode } from './errors.js';
import { normalizeCommand } from './commands/normalize.js';
import { extractCommand } from './commands/extract.js';
import { diffCommand } from './commands/diff.js';
import { checkCommand } from './commands/check.js';
import { schemaCommand } from './commands/schema.js';
import { VERSION } from './version.js';
import { seriesCommand } from './commands/series.js';
import { viewCommand } from './commands/view.js';

export interface MainOptions extends CliIo {
  /** Arguments after the program name. */
  argv: readonly string[];
}

/** A command's action reports its exit code through this. */
export type Done = (code: ExitCode) => void;

/** Builds the program; each subcommand lives in its own module under commands/. */
function program(io: CliIo, done: Done): Command {
  const root = new Command('plans')
    .description('Turn Chinese government policy-plan texts into validated structured data.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
    })
    .exitOverride();
  for (const make of [extractCommand, normalizeCommand, diffCommand, seriesCommand, viewCommand, checkCommand, schemaCommand]) {
    root.addCommand(make(io, done).exitOverride().configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
    }));
  }
  return root;
}

/** Runs one invocation. Usage errors exit 2, as do unreadable inputs; no stack trace is printed. */
export async function main(options: MainOptions): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const done: Done = (c) => {
    code = c;
  };
  try {
    if (options.argv.length === 0) {
      program(options, done).outputHelp({ error: true });
      return EXIT.usage;
    }
    await program(options, done).parseAsync([...options.argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with exit code 0; usage errors were already printed.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      options.stderr.write(`plans: ${error.message}\n`);
      return EXIT.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    options.stderr.write(`plans: internal error: ${message}\n`);
    return EXIT.usage;
  }
}
