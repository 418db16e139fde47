/**
 * YAML that every common parser loads to the same value as the JSON output: the `yaml` package
 * (YAML 1.2), PyYAML `safe_load` and libyaml (`yq`), which read YAML 1.1. Where 1.1 and 1.2 differ, or
 * where PyYAML and libyaml are stricter than the spec, strings are double-quoted:
 * - a string a 1.1 resolver could read as another type (`2017-12-21` a date, `yes` a boolean,
 *   `1:20` a sexagesimal number, `010` octal, `=` and `<<` special keys);
 * - a string holding a tab (PyYAML refuses tabs in plain scalars, libyaml in a block scalar's
 *   indentation) or a character either treats as a line break or refuses unescaped;
 * - multi-line text with a line of only spaces, which no block scalar keeps.
 * Other multi-line text stays a block literal (`|-`), the most readable form.
 */
import { lazyModule } from '../lazy-module.js';

/** The yaml package, loaded when the first YAML is written. */
const yaml = lazyModule<typeof import('yaml')>('yaml');

/** A plain scalar YAML 1.1 might resolve to a non-string: a number, date, boolean, null or special key. */
const YAML11_TYPED = /^(?:[-+]?\.?\d|[-+]?\.(?:inf|nan)$|(?:y|n|yes|no|true|false|on|off|null|~|=|<<)$)/i;

/** Characters that force double quotes: tabs, CR, other C0/C1 controls, line and paragraph separators, BOM, non-characters. */
const NEEDS_ESCAPES = /[\t\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;

/**
 * Raw characters the `yaml` package leaves unescaped inside double quotes (it escapes only what
 * JSON.stringify does) but PyYAML reads as a line break or refuses. They occur only inside the
 * double-quoted scalars chosen above (keys are ASCII field names), so escaping them in the text is safe.
 */
const RAW_UNSAFE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

const escapeUnsafe = (ch: string): string => {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/**
 * A line of only spaces: a block literal cannot hold it (readers take it for an empty line, or for
 * indentation), so such text is double-quoted. Linear: each try starts at a line start.
 */
const BLANK_LINE = /(?:^|\n) +(?:\n|$)/;

/** Whether a string value must be double-quoted to load the same everywhere. */
export function needsDoubleQuotes(value: string): boolean {
  return YAML11_TYPED.test(value) || NEEDS_ESCAPES.test(value) || BLANK_LINE.test(value);
}

/**
 * YAML without anchors, aliases or tags (a consumer must not misread shared objects), long lines
 * kept whole so that source text is not folded, and a double-quoted string on one line (`\n`
 * escaped) rather than folded over several, which readers misjudge easily.
 */
export function toYaml(value: unknown): string {
  const { Document, isScalar, visit } = yaml();
  const doc = new Document(value, { aliasDuplicateObjects: false });
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && needsDoubleQuotes(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString({ lineWidth: 0, minContentWidth: 0, doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER }).replace(RAW_UNSAFE, escapeUnsafe);
}
