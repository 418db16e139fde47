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
 * escaped) rather than folded over several, which readers misjudge easily. `value` is JSON data
 * (objects, arrays, strings, numbers, booleans, null; undefined fields left out) whose keys are
 * field names: short (the package would write a key past 1024 characters as an explicit `? key`).
 *
 * The text is, byte for byte, what the `yaml` package's `new Document(value, { aliasDuplicateObjects:
 * false }).toString({ lineWidth: 0, minContentWidth: 0, doubleQuotedMinMultiLineLength: Infinity })`
 * writes with the strings above marked QUOTE_DOUBLE (test/yaml-emit.test.ts compares the two), written
 * directly: building the package's node tree cost more than the whole pipeline on a small plan.
 */
export function toYaml(value: unknown): string {
  return `${node(value, '')}\n`;
}

/** A value at a place whose content is indented by `indent` (the package's `ctx.indent`). */
function node(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return value.map((item) => `- ${node(item, `${indent}  `)}`).join(`\n${indent}`);
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const inner = `${indent}  `;
    return entries.map(([key, v]) => pair(key, v, inner)).join(`\n${indent}`);
  }
  return scalar(value, indent, false);
}

/** `key: value`; a non-empty collection starts on the next line, indented. */
function pair(key: string, value: unknown, inner: string): string {
  const keyText = scalar(key, inner, true);
  if (value !== null && typeof value === 'object' && (Array.isArray(value) ? value.length > 0 : Object.values(value).some((v) => v !== undefined))) {
    return `${keyText}:\n${inner}${node(value, inner)}`;
  }
  return `${keyText}: ${node(value, inner)}`;
}

function scalar(value: unknown, indent: string, implicitKey: boolean): string {
  switch (typeof value) {
    case 'string':
      return needsDoubleQuotes(value) || FORCES_DOUBLE.test(value) ? doubleQuoted(value) : plain(value, indent, implicitKey);
    case 'number':
      if (Object.is(value, -0)) return '-0';
      if (Number.isFinite(value)) return JSON.stringify(value);
      return Number.isNaN(value) ? '.nan' : value < 0 ? '-.inf' : '.inf';
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return 'null';
  }
}

/** What the package double-quotes whatever the string's type: C0 and C1 controls (not tab or line feed) and lone surrogates. */
const FORCES_DOUBLE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;

/** Strings no plain scalar can hold: indicator characters at the start, `: ` and ` #`, white space at an end. */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;

/** A line a YAML 1.1 reader would take for a directive or a document marker. */
const DOCUMENT_MARKER = /^(%|---|\.\.\.)/m;

/** Plain scalars the YAML 1.2 core schema reads as null, a boolean or a number. */
const CORE_TYPED = /^(?:~|[Nn]ull|NULL)?$|^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$|^0o[0-7]+$|^[-+]?[0-9]+$|^0x[0-9a-fA-F]+$|^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$|^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$|^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A string left to the package's default (plain) style: plain where it can be, else a block literal or quotes. */
function plain(value: string, indent: string, implicitKey: boolean): string {
  const multiLine = value.includes('\n');
  if (implicitKey && multiLine) return quoted(value, indent, implicitKey);
  if (NOT_PLAIN.test(value)) return implicitKey || !multiLine ? quoted(value, indent, implicitKey) : blockLiteral(value, indent);
  if (multiLine) return blockLiteral(value, indent);
  if (DOCUMENT_MARKER.test(value)) {
    if (indent === '') return blockLiteral(value, '  ');
    if (implicitKey && indent === '  ') return quoted(value, indent, implicitKey);
  }
  return CORE_TYPED.test(value) ? quoted(value, indent, implicitKey) : value;
}

/** Single quotes for a string with double quotes and no single ones, else double quotes. */
function quoted(value: string, indent: string, implicitKey: boolean): string {
  const single = value.includes('"') && !value.includes("'");
  if (!single || (implicitKey && value.includes('\n')) || /[ \t]\n|\n[ \t]/.test(value)) return doubleQuoted(value);
  const lineIndent = indent || (DOCUMENT_MARKER.test(value) ? '  ' : '');
  return `'${value.replace(/'/g, "''").replace(/\n+/g, `$&\n${lineIndent}`)}'`;
}

/** The package's short escapes for what JSON writes as `\u00XX`. */
const SHORT_ESCAPES: Record<string, string> = { '0000': '\\0', '0007': '\\a', '000b': '\\v', '001b': '\\e' };

/**
 * A double-quoted string on one line: JSON's escapes, `\xXX` or a short escape for controls, a
 * space before a line break escaped (`\ `), and the characters RAW_UNSAFE escaped.
 */
function doubleQuoted(value: string): string {
  const json = JSON.stringify(value);
  let out = '';
  let start = 0;
  for (let i = 0; i < json.length; i++) {
    if (json[i] === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
      out += `${json.slice(start, i)}\\ `;
      start = ++i;
    }
    if (json[i] !== '\\') continue;
    if (json[i + 1] === 'u') {
      const code = json.slice(i + 2, i + 6);
      out += json.slice(start, i) + (SHORT_ESCAPES[code] ?? (code.startsWith('00') ? `\\x${code.slice(2)}` : json.slice(i, i + 6)));
      i += 5;
      start = i + 1;
    } else {
      i++;
    }
  }
  return (start === 0 ? json : out + json.slice(start)).replace(RAW_UNSAFE, escapeUnsafe);
}

/** Runs of line breaks in the white space a block literal ends with that are followed by more of it. */
const INNER_END_BREAKS = /(^|(?<!\n))\n+(?!\n|$)/g;

/** A block literal (`|`), with the chomping and indentation indicators its ends need. */
function blockLiteral(value: string, indent: string): string {
  if (/\n[\t ]+$/.test(value)) return quoted(value, indent, false);
  const lineIndent = indent || (DOCUMENT_MARKER.test(value) ? '  ' : '');
  let endStart = value.length;
  while (endStart > 0 && (value[endStart - 1] === '\n' || value[endStart - 1] === '\t' || value[endStart - 1] === ' ')) endStart--;
  let end = value.slice(endStart);
  const endBreak = end.indexOf('\n');
  const chomp = endBreak === -1 ? '-' : value === end || endBreak !== end.length - 1 ? '+' : '';
  let body = value;
  if (end) {
    body = body.slice(0, -end.length);
    if (end.endsWith('\n')) end = end.slice(0, -1);
    end = end.replace(INNER_END_BREAKS, `$&${lineIndent}`);
  }
  let startsWithSpace = false;
  let startEnd = 0;
  let startBreak = -1;
  for (; startEnd < body.length; startEnd++) {
    if (body[startEnd] === ' ') startsWithSpace = true;
    else if (body[startEnd] === '\n') startBreak = startEnd;
    else break;
  }
  let start = body.slice(0, startBreak < startEnd ? startBreak + 1 : startEnd);
  if (start) {
    body = body.slice(start.length);
    start = start.replace(/\n+/g, `$&${lineIndent}`);
  }
  const header = (startsWithSpace ? (lineIndent ? '2' : '1') : '') + chomp;
  return `|${header}\n${lineIndent}${start}${body.replace(/\n+/g, `$&${lineIndent}`)}${end}`;
}
