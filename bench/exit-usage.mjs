// Preloaded with `node --import` into a measured process: at exit it appends that process's CPU
// time and peak RSS (worker threads included) as one JSON line to the file in PLANS_BENCH_USAGE.
import { appendFileSync } from 'node:fs';

process.on('exit', () => {
  const usage = process.resourceUsage();
  const line = JSON.stringify({ cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssKb: usage.maxRSS });
  appendFileSync(process.env.PLANS_BENCH_USAGE, `${line}\n`);
});
