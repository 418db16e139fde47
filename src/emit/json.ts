/**
 * Indented JSON with small leaves on one line: an object or array of a few primitives (a span's
 * `{ "line": 3, "column": 1 }`, a baseline) is written as `JSON.stringify` writes it without
 * indentation, everything else indented by two spaces as `JSON.stringify(value, null, 2)`. The
 * value is the same to any JSON parser; the text is a third shorter on plans (spans are in every
 * section, target and measure) and keeps output proportional to input (issue 17).
 */

/** A leaf holds at most this many primitives (nested leaves counted), and prints this short. */
const LEAF_VALUES = 6;
const LEAF_WIDTH = 80;

/** The JSON text of `value`, its lines after the first indented by `depth` levels. */
export function prettyJson(value: unknown, depth = 0): string {
  const out: string[] = [];
  write(value, depth, out);
  return out.join('');
}

function write(value: unknown, depth: number, out: string[]): void {
  if (value === null || typeof value !== 'object') {
    out.push(JSON.stringify(value) ?? 'null');
    return;
  }
  const leaf = leafText(value);
  if (leaf !== null) {
    out.push(leaf);
    return;
  }
  const inner = '\n' + '  '.repeat(depth + 1);
  if (Array.isArray(value)) {
    out.push('[');
    value.forEach((item, k) => {
      out.push(k === 0 ? inner : ',' + inner);
      write(item === undefined || typeof item === 'function' ? null : item, depth + 1, out);
    });
    out.push('\n' + '  '.repeat(depth) + ']');
    return;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function');
  if (entries.length === 0) {
    out.push('{}');
    return;
  }
  out.push('{');
  entries.forEach(([key, v], k) => {
    out.push((k === 0 ? inner : ',' + inner) + JSON.stringify(key) + ': ');
    write(v, depth + 1, out);
  });
  out.push('\n' + '  '.repeat(depth) + '}');
}

/** The one-line text of a small object or array (see LEAF_VALUES), or null for a larger one. */
function leafText(value: object): string | null {
  let values = 0;
  const small = (v: unknown): boolean => {
    if (v === null || typeof v !== 'object') return ++values <= LEAF_VALUES;
    const items = Array.isArray(v) ? v : Object.values(v);
    if (items.length === 0) return true;
    return items.length <= LEAF_VALUES && items.every(small);
  };
  if (!small(value)) return null;
  const text = JSON.stringify(value);
  return text.length <= LEAF_WIDTH ? text : null;
}
