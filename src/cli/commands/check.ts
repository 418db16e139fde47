/** `plans check`: TEMPORARY placeholder, replaced by the check command implementation. */
import { Command } from 'commander';
import type { CliIo } from '../io.js';
import type { Done } from '../main.js';
import { EXIT } from '../errors.js';

export function checkCommand(io: CliIo, done: Done): Command {
  return new Command('check').description('not implemented yet').action(() => {
    io.stderr.write('plans: check is not implemented yet\n');
    done(EXIT.usage);
  });
}
