/**
 * The corpus configuration of `plans check`: a file named `plans.config.json` in a corpus folder
 * (or any folder above an input, up to the repository root — the folder holding `.git` — or the
 * filesystem root) sets severities per code and switches codes off for some files, as linters do.
 *
 *   {
 *     "$schema": "./node_modules/plans/schemas/plans-config.schema.json",
 *     "rules": { "PLN401": "off", "PLN702": "error" },
 *     "overrides": [ { "files": ["legacy/**", "*.{htm,html}"], "rules": { "PLN404": "info" } } ]
 *   }
 *
 * `files` are picomatch globs matched against the input's path relative to the config's folder.
 * Later overrides win over earlier ones, and a config nearer to the input wins over one further up.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { Diagnostic } from '../model/schemas.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import { CheckConfigSchema, type CheckConfig, type RuleSettingValue } from '../model/check-config.js';

export const CONFIG_FILE = 'plans.config.json';

/** A loaded config with the folder it applies to. */
export interface LoadedConfig {
  dir: string;
  config: CheckConfig;
}

/** Thrown for a config file that is not valid JSON or not of the documented form. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The config files that apply in each folder met so far in a run (see configsFor). */
export type ConfigCache = Map<string, Promise<LoadedConfig[]>>;

/**
 * Reads the config files that apply to `file`, nearest last: from its folder up to the first folder
 * holding `.git` (a folder, or a file in a git worktree) or the filesystem root. Each folder is
 * looked at once per run (`cache`): the files of a corpus share their folders and those above.
 */
export function configsFor(file: string, cache: ConfigCache): Promise<LoadedConfig[]> {
  return configsIn(path.dirname(path.resolve(file)), cache);
}

function configsIn(dir: string, cache: ConfigCache): Promise<LoadedConfig[]> {
  let configs = cache.get(dir);
  if (configs === undefined) {
    configs = (async () => {
      const own = await loadConfig(dir);
      const parent = path.dirname(dir);
      const above = parent === dir || (await exists(path.join(dir, '.git'))) ? [] : await configsIn(parent, cache);
      return own ? [...above, own] : above;
    })();
    cache.set(dir, configs);
  }
  return configs;
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(() => true, () => false);
}

async function loadConfig(dir: string): Promise<LoadedConfig | null> {
  const file = path.join(dir, CONFIG_FILE);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
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
  return { dir, config: parsed.data };
}

/** The matcher of a `files` glob, compiled once per pattern (picomatch: full glob syntax, `{a,b}` included). */
const matchers = new Map<string, (relative: string) => boolean>();
function matcherOf(pattern: string): (relative: string) => boolean {
  let match = matchers.get(pattern);
  if (!match) matchers.set(pattern, (match = picomatch(pattern, { dot: true })));
  return match;
}

/** The setting each config gives `code` for `file`, the last one that says anything winning. */
function settingFor(code: string, file: string, configs: readonly LoadedConfig[]): RuleSettingValue | undefined {
  let setting: RuleSettingValue | undefined;
  for (const { dir, config } of configs) {
    setting = config.rules?.[code as DiagnosticCode] ?? setting;
    const relative = path.relative(dir, file).split(path.sep).join('/');
    for (const override of config.overrides ?? []) {
      if (override.files.some((p) => matcherOf(p)(relative))) setting = override.rules[code as DiagnosticCode] ?? setting;
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
