/**
 * The form of `plans.config.json`, the corpus configuration of `plans check` (published as
 * schemas/plans-config.schema.json). Strict: an unknown key, code or severity is an error naming it.
 */
import * as z from 'zod';
import { CODES, type DiagnosticCode } from '../diagnostics/codes.js';

const RuleSetting = z.enum(['off', 'info', 'warning', 'error']);
export type RuleSettingValue = z.infer<typeof RuleSetting>;

const Rules = z.partialRecord(z.enum(Object.keys(CODES) as [DiagnosticCode, ...DiagnosticCode[]]), RuleSetting);

export const CheckConfigSchema = z.strictObject({
  /** The JSON Schema the file declares, for editors; not read. */
  $schema: z.string().optional(),
  rules: Rules.optional(),
  overrides: z.array(z.strictObject({ files: z.array(z.string()).min(1), rules: Rules })).optional(),
});
export type CheckConfig = z.infer<typeof CheckConfigSchema>;
