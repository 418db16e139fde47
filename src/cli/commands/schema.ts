/** `plans schema [--out-dir DIR]`: write the JSON Schema of every output type. */
import { Command } from 'commander';
import * as path from 'node:path';
import type { CliIo } from '../io.js';
import { describeFsError, write, writeAtomic } from '../io.js';
import type { Done } from '../main.js';
import { EXIT } from '../errors.js';
import { PUBLISHED_SCHEMA_NAMES } from '../../model/schema-names.js';

/** The `schema` command: one `<name>.schema.json` per published schema, each written atomically. */
export function schemaCommand(io: CliIo, done: Done): Command {
  return new Command('schema')
    .description('write the JSON Schema (draft 2020-12) of every output type, generated from the zod schemas')
    .option('--out-dir <dir>', 'folder to write <name>.schema.json files into', 'schemas')
    .addHelpText('after', `\nSchemas: ${PUBLISHED_SCHEMA_NAMES.join(', ')}. The written paths are printed to stdout.`)
    .action(async (opts: { outDir: string }) => {
      const { renderJsonSchema, schemaFileName } = await import('../../model/json-schemas.js');
      for (const name of PUBLISHED_SCHEMA_NAMES) {
        const shown = path.join(opts.outDir, schemaFileName(name));
        try {
          await writeAtomic(path.resolve(io.cwd, shown), renderJsonSchema(name));
        } catch (error) {
          io.stderr.write(`plans: ${shown}: ${describeFsError(error)}\n`);
          return done(EXIT.usage);
        }
        await write(io.stdout, `${shown}\n`);
      }
      done(EXIT.ok);
    });
}
