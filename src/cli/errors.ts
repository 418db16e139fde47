/** Exit codes of every command (DESIGN.md). */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A usage error: printed as one line, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
