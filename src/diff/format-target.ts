/** Short human forms of targets for the diff reports (text, CSV, HTML). */
import type { Target } from '../model/schemas.js';

/** How many characters of a qualitative target's text a report shows. */
const QUALITATIVE_CHARS = 24;

const SYMBOL: Record<Exclude<Target['comparator'], 'range' | 'qualitative'>, string> = {
  gte: '≥',
  gt: '>',
  lte: '≤',
  lt: '<',
  eq: '=',
  decrease: '↓',
  increase: '↑',
};

/**
 * A target's commitment in a few characters: `≥95%`, `↓10%`, `10–20‰`, `≤8.5/10万`, or the start of the text
 * of a qualitative target. An empty string for null.
 */
export function formatTarget(target: Target | null): string {
  if (target === null) return '';
  // 8.5 with unit 1/10万 reads 8.5/10万 (not 8.51/10万); a ratio is written as the number alone.
  const unit = target.unit === null || target.unit === 'ratio' ? '' : target.unit.replace(/^1\//, '/');
  if (target.comparator === 'qualitative' || target.value === null) {
    const text = target.text.trim();
    return text.length > QUALITATIVE_CHARS ? text.slice(0, QUALITATIVE_CHARS) + '…' : text;
  }
  if (target.comparator === 'range') return `${target.value}–${target.valueMax ?? '?'}${unit}`;
  return `${SYMBOL[target.comparator]}${target.value}${unit}`;
}
