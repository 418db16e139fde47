/** `plans schema`: TEMPORARY placeholder, replaced by the schema command implementation. */
import { Command } from 'commander';
import type { CliIo } from '../io.js';
import type { Done } from '../main.js';
import { EXIT } from '../errors.js';

export function schemaCommand(io: CliIo, done: Done): Command {
  return new Command('schema').description('not implemented yet').action(() => {
    io.stderr.write('plans: schema is not implemented yet\n');
    done(EXIT.usage);
  });
}
