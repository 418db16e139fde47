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
  // Appended to one string: V8 joins the pieces once, when the text is first read.
  const out = { text: '' };
  write(value, depth, out);
  return out.text;
}

/** A line break and the indentation of `depth` levels, made once per depth. */
const breaks: string[] = [];
const lineBreak = (depth: number): string => (breaks[depth] ??= '\n' + '  '.repeat(depth));

/** `"key": ` of the keys met so far: the output model has a few dozen, each written thousands of times. */
const keyTexts = new Map<string, string>();
const MAX_KEY_TEXTS = 1000;
function keyText(key: string): string {
  let text = keyTexts.get(key);
  if (text === undefined) {
    text = JSON.stringify(key) + ': ';
    if (keyTexts.size < MAX_KEY_TEXTS) keyTexts.set(key, text);
  }
  return text;
}

function write(value: unknown, depth: number, out: { text: string }): void {
  if (value === null || typeof value !== 'object') {
    out.text += typeof value === 'number' && Number.isFinite(value) ? String(value) : (JSON.stringify(value) ?? 'null');
    return;
  }
  const leaf = leafText(value);
  if (leaf !== null) {
    out.text += leaf;
    return;
  }
  const inner = lineBreak(depth + 1);
  if (Array.isArray(value)) {
    out.text += '[';
    for (let k = 0; k < value.length; k++) {
      const item: unknown = value[k];
      out.text += k === 0 ? inner : ',' + inner;
      write(item === undefined || typeof item === 'function' ? null : item, depth + 1, out);
    }
    out.text += lineBreak(depth) + ']';
    return;
  }
  let written = 0;
  for (const key of Object.keys(value)) {
    const v: unknown = (value as Record<string, unknown>)[key];
    if (v === undefined || typeof v === 'function') continue;
    out.text += (written++ === 0 ? '{' : ',') + inner + keyText(key);
    write(v, depth + 1, out);
  }
  out.text += written === 0 ? '{}' : lineBreak(depth) + '}';
}

/** The one-line text of a small object or array (see LEAF_VALUES), or null for a larger one. */
function leafText(value: object): string | null {
  if (!isSmall(value, { values: 0 })) return null;
  const text = JSON.stringify(value);
  return text.length <= LEAF_WIDTH ? text : null;
}

/** Whether `value` and what it holds add up to at most LEAF_VALUES primitives (`count.values` so far), no collection longer than that. */
function isSmall(value: unknown, count: { values: number }): boolean {
  if (value === null || typeof value !== 'object') return ++count.values <= LEAF_VALUES;
  if (Array.isArray(value)) {
    if (value.length > LEAF_VALUES) return false;
    for (const item of value) if (!isSmall(item, count)) return false;
    return true;
  }
  const keys = Object.keys(value);
  if (keys.length > LEAF_VALUES) return false;
  for (const key of keys) if (!isSmall((value as Record<string, unknown>)[key], count)) return false;
  return true;
}
