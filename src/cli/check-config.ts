/**
 * The corpus configuration of `plans check`: a file named `plans.config.json` in a corpus folder
 * (or any folder above an input, up to the working directory) sets severities per code and
 * switches codes off for some files, as linters do.
 *
 *   {
 *     "rules": { "PLN401": "off", "PLN702": "error" },
 *     "overrides": [ { "files": ["legacy/**", "*.html"], "rules": { "PLN404": "info" } } ]
 *   }
 *
 * `files` patterns are matched against the input's path relative to the config's folder, with
 * `*` (any characters but /) and `**` (anything). Later overrides win over earlier ones, and a
 * config nearer to the input wins over one further up.
 */
import { z } from 'zod';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from '../model/schemas.js';

export const CONFIG_FILE = 'plans.config.json';

const RuleSetting = z.enum(['off', 'info', 'warning', 'error']);
const Rules = z.record(z.string().regex(/^PLN\d{3}$/, 'a code like PLN401'), RuleSetting);

export const CheckConfigSchema = z.strictObject({
  rules: Rules.optional(),
  overrides: z.array(z.strictObject({ files: z.array(z.string()).min(1), rules: Rules })).optional(),
});
export type CheckConfig = z.infer<typeof CheckConfigSchema>;
type RuleSettingValue = z.infer<typeof RuleSetting>;

/** A loaded config with the folder it applies to. */
export interface LoadedConfig {
  dir: string;
  config: CheckConfig;
}

/** Thrown for a config file that is not valid JSON or not of the documented form. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads the config files that apply to `file`, nearest last; stops at `root`. */
export async function configsFor(file: string, root: string, cache: Map<string, LoadedConfig | null>): Promise<LoadedConfig[]> {
  const found: LoadedConfig[] = [];
  let dir = path.dirname(file);
  const top = path.resolve(root);
  for (;;) {
    const config = await loadConfig(dir, cache);
    if (config) found.unshift(config);
    const parent = path.dirname(dir);
    if (dir === top || parent === dir || !dir.startsWith(top)) break;
    dir = parent;
  }
  return found;
}

async function loadConfig(dir: string, cache: Map<string, LoadedConfig | null>): Promise<LoadedConfig | null> {
  if (cache.has(dir)) return cache.get(dir)!;
  const file = path.join(dir, CONFIG_FILE);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    cache.set(dir, null);
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = CheckConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const loaded = { dir, config: parsed.data };
  cache.set(dir, loaded);
  return loaded;
}

/** Converts a `files` pattern to a regular expression (linear: only literal text, [^/]* and .*). */
export function patternToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*' && pattern[i + 1] === '*') {
      source += '.*';
      i++;
      if (pattern[i + 1] === '/') i++;
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** The setting each config gives `code` for `file`, the last one that says anything winning. */
function settingFor(code: string, file: string, configs: readonly LoadedConfig[]): RuleSettingValue | undefined {
  let setting: RuleSettingValue | undefined;
  for (const { dir, config } of configs) {
    setting = config.rules?.[code] ?? setting;
    const relative = path.relative(dir, file).split(path.sep).join('/');
    for (const override of config.overrides ?? []) {
      if (override.files.some((p) => patternToRegExp(p).test(relative))) setting = override.rules[code] ?? setting;
    }
  }
  return setting;
}

/** Applies the configs to one file's diagnostics: drops those switched off, resets severities. */
export function applyConfig(diagnostics: readonly Diagnostic[], file: string, configs: readonly LoadedConfig[]): Diagnostic[] {
  if (configs.length === 0) return [...diagnostics];
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const setting = settingFor(d.code, file, configs);
    if (setting === 'off') continue;
    out.push(setting ? { ...d, severity: setting } : d);
  }
  return out;
}
