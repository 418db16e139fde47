/**
 * Text from an input, made safe to print to a terminal or a CI log: control characters (C0 but
 * tab, line feed and carriage return, which each reporter folds its own way; DEL; C1, ESC
 * included), bidirectional overrides and the Unicode line separators become visible `\xHH` /
 * `\uHHHH` escapes, so that an input cannot move the cursor, recolour the screen or reorder a line.
 * JSON output does not need this: JSON escapes control characters itself.
 */
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase()}`;
  });
}
