/**
 * validate: checks an assembled result against the zod schema. An invalid result is a bug in
 * plans: it is never emitted; the file's result is replaced by one that carries the bug as an
 * error diagnostic, so a corpus run goes on and CI fails.
 */
import { ExtractResultSchema, type ExtractResult } from '../model/schemas.js';
import { CODES } from '../diagnostics/codes.js';

/** Returns the parsed result, or a result without documents that reports why it was invalid. */
export function validate(result: ExtractResult, path: string): ExtractResult {
  const parsed = ExtractResultSchema.safeParse(result);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return {
    ...result,
    documents: [],
    diagnostics: [
      ...result.diagnostics,
      {
        code: 'PLN701',
        severity: CODES.PLN701.severity,
        message: `Unexpected invalid result at ${issue.path.join('.') || '(root)'}: ${issue.message}`,
        file: path,
        line: 1,
        column: 1,
      },
    ],
  };
}
