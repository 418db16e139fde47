// The one-file build of the CLI that bin/plans and the workers of `extract --jobs` run
// (src/cli/load-main.ts), made after tsc from dist/: esbuild joins dist/cli/bundle-entry.js and the
// modules it imports into dist/bundle/plans.cjs; the libraries loaded only for some formats stay
// outside and are loaded when needed. Then the bundle
// runs a few commands on the sample plans and V8's code cache of what they compiled is saved
// beside it (dist/bundle/plans.cache), so that a command compiles little of it again.
// Usage: node scripts/bundle.mjs [DIST]   (DIST: the folder tsc wrote, by default ./dist)
import { build } from 'esbuild';
import { readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dist = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
const { BUNDLE, CODE_CACHE, compileBundle } = await import(path.join(dist, 'cli/load-main.js'));

await build({
  entryPoints: [path.join(dist, 'cli/bundle-entry.js')],
  outfile: BUNDLE,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  charset: 'utf8',
  // Loaded on first use, for some formats and commands only (src/lazy-module.ts, dynamic imports).
  external: ['pdfjs-dist', 'word-extractor', 'tinypool', 'cheerio', 'iconv-lite', 'opencc-js', 'csv-stringify'],
  // The bundle sits two folders below the package, as dist/cli does, so URLs made from it name the same files.
  define: { 'import.meta.url': '__plansBundleUrl' },
  banner: { js: "const __plansBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  // import() cannot run in the bundle, a script compiled from a code cache: src/import-library.ts
  // becomes the import() that src/cli/load-main.ts hands the bundle.
  plugins: [{
    name: 'import-library',
    setup: (build) => build.onLoad({ filter: /[\\/]import-library\.js$/ }, () => ({ contents: 'export const importLibrary = (specifier) => __plansImport(specifier);' })),
  }],
  logLevel: 'warning',
});

const { main, script, hash } = compileBundle();
const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });
const samples = readdirSync(path.join(root, 'fixtures')).filter((f) => f.endsWith('.txt')).map((f) => path.join(root, 'fixtures', f));
const warmUps = [['--help'], ['extract', '--help'], ...samples.flatMap((f) => [['extract', f, '--stdout', '--quiet'], ['extract', f, '--stdout', '--quiet', '--format', 'json']])];
for (const argv of warmUps) {
  const status = await main({ argv, stdout: sink(), stderr: sink(), cwd: root, isTTY: false, stderrIsTTY: false, env: {}, cpus: 1 });
  if (status !== 0) throw new Error(`bundle warm-up: plans ${argv.join(' ')} exited ${status}`);
}
writeFileSync(CODE_CACHE, Buffer.concat([hash, script.createCachedData()]));
