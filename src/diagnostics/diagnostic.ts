/** Turns stage diagnostics (source offsets) into output diagnostics (line and column). */
import type { Diagnostic } from '../model/schemas.js';
import type { StageDiagnostic } from '../model/stages.js';
import type { LineIndex } from '../text/line-index.js';
import { CODES } from './codes.js';

/** Resolves severity from the catalogue and the offset to a 1-based line and column. */
export function toDiagnostic(d: StageDiagnostic, lines: LineIndex, file: string): Diagnostic {
  const { line, column } = lines.position(d.offset);
  const out: Diagnostic = {
    code: d.code,
    severity: d.severity ?? CODES[d.code].severity,
    message: d.message,
    file,
    line,
    column,
  };
  if (d.actual !== undefined) out.actual = d.actual;
  return out;
}
