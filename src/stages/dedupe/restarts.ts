/**
 * Finds truncated restarts inside a line: a stretch of text cut short and immediately followed by
 * the same text from its beginning (`为认真落实…建设的实为认真落实…建设的实施意见》…`). The cut
 * stretch is a truncated copy of the complete text that follows it.
 */

/** Shortest cut stretch (UTF-16 code units) that counts: shorter immediate repeats may be wording. */
export const RESTART_MIN_CHARS = 12;
/** Longest cut stretch looked for (UTF-16 code units). */
export const RESTART_MAX_CHARS = 400;
const WINDOW = 8;
const BUCKETS = 1 << 14;

/** A truncated stretch `[start, end)` and where its complete copy starts (`end`). */
export interface Restart {
  start: number;
  end: number;
}

/** Whether the code unit ends a segment: a line end, 。, ！ or ？ (a code unit: a character string per position would be garbage). */
function isBoundary(code: number): boolean {
  return code === 0x0a || code === 0x3002 || code === 0xff01 || code === 0xff1f;
}

/**
 * Scans `text[from, to)` for truncated restarts. Linear: one rolling hash per position, a fixed
 * table of last positions per hash, and a total comparison budget proportional to the length.
 */
export function findRestarts(text: string, from = 0, to = text.length): Restart[] {
  const restarts: Restart[] = [];
  const last = new Int32Array(BUCKETS).fill(-1);
  let budget = 16 * (to - from) + 1024;
  let hash = 0;
  let power = 1;
  for (let k = 1; k < WINDOW; k++) power = Math.imul(power, 31);
  let segmentStart = from;
  for (let b = from; b < to; b++) {
    const code = text.charCodeAt(b);
    if (isBoundary(code)) {
      segmentStart = b + 1;
      hash = 0;
      continue;
    }
    hash = (Math.imul(hash, 31) + code) | 0;
    if (b - segmentStart + 1 > WINDOW) hash = (hash - Math.imul(text.charCodeAt(b - WINDOW), Math.imul(power, 31))) | 0;
    if (b - segmentStart + 1 < WINDOW) continue;
    const windowStart = b - WINDOW + 1;
    const bucket = (hash >>> 0) & (BUCKETS - 1);
    const a = last[bucket];
    last[bucket] = windowStart;
    const length = windowStart - a;
    if (a < segmentStart || length < RESTART_MIN_CHARS || length > RESTART_MAX_CHARS) continue;
    if (budget <= 0 || windowStart + length > to) continue;
    budget -= length;
    // The stretch [a, windowStart) must be an exact prefix of what follows it.
    if (text.startsWith(text.slice(a, windowStart), windowStart)) {
      restarts.push({ start: a, end: windowStart });
      // Continue after the complete copy's start, within the same segment.
      segmentStart = windowStart;
      hash = 0;
      b = windowStart - 1;
    }
  }
  return restarts;
}
