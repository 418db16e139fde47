// Preloaded with `node --import` by test/startup.test.ts: at exit, writes every module the process
// loaded (ES modules through a resolve hook, CommonJS from the require cache) to PLANS_LOADS.
import { appendFileSync, writeFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const out = process.env.PLANS_LOADS;
writeFileSync(out, '');
register('./record-loads-hooks.mjs', import.meta.url, { data: { out } });
process.on('exit', () => appendFileSync(out, Object.keys(createRequire(import.meta.url).cache).map((f) => `${f}\n`).join('')));
