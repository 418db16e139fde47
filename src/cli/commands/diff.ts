/** `plans diff`: TEMPORARY placeholder, replaced by the diff command implementation. */
import { Command } from 'commander';
import type { CliIo } from '../io.js';
import type { Done } from '../main.js';
import { EXIT } from '../errors.js';

export function diffCommand(io: CliIo, done: Done): Command {
  return new Command('diff').description('not implemented yet').action(() => {
    io.stderr.write('plans: diff is not implemented yet\n');
    done(EXIT.usage);
  });
}
