/**
 * toYaml writes its text directly; these tests hold it to the `yaml` package it replaced, whose
 * output the goldens were made with (test/golden.test.ts compares those): the same bytes for
 * arbitrary JSON data with strings made of the characters that decide a scalar's style.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Document, isScalar, parse, visit } from 'yaml';
import { needsDoubleQuotes, toYaml } from '../src/emit/yaml.js';

/** The `yaml` package with the options and quoting toYaml has always used. */
function packageYaml(value: unknown): string {
  const doc = new Document(value, { aliasDuplicateObjects: false });
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && needsDoubleQuotes(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc
    .toString({ lineWidth: 0, minContentWidth: 0, doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER })
    .replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, (ch) => {
      const code = ch.charCodeAt(0);
      return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    });
}

/** Characters that decide a scalar's style: indicators, white space, quotes, markers, controls, digits, ideographs. */
const STYLE_CHARACTERS = [...' \n\t\r:#-?,[]{}&*!|>\'"%@`.~+0159eExoINnulTtrfas', '中', '年', '：', '\u0000', '\u0007', '\u001b', '\u0085', '\u00a0', '\u2028', '\ufeff', '\ud800', '\udc00', '😀'];
const styleString = fc.array(fc.constantFrom(...STYLE_CHARACTERS), { maxLength: 12 }).map((chars) => chars.join(''));
/** Keys: field names (some a YAML 1.1 reader would take for a boolean or null) and, as toYaml is public, any string. */
const key = fc.oneof(fc.constantFrom('text', 'title', 'no', 'on', 'y', 'null', 'value2', 'a_b'), styleString);
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    styleString,
    fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -0, 1.5, 1e21, 1e-7)),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, fc.option(tie('value'), { nil: undefined }), { maxKeys: 4 }),
  ),
})).value;

describe('toYaml', () => {
  it('writes what the yaml package wrote for arbitrary JSON data, as a document and as a top-level list', () => {
    fc.assert(
      fc.property(jsonValue, (value) => {
        expect(toYaml({ value })).toBe(packageYaml({ value }));
        expect(toYaml([value])).toBe(packageYaml([value]));
      }),
      { numRuns: 3000 },
    );
  });

  it('writes strings that load back as themselves', () => {
    fc.assert(
      fc.property(fc.array(styleString, { maxLength: 5 }), (list) => {
        const value = { text: list.join(''), list };
        expect(parse(toYaml(value))).toEqual(value);
      }),
    );
  });
});
