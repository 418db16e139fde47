/**
 * read, text and HTML reader: bytes → SourceFile. Detects the encoding, rejects input that is not
 * text, and reduces HTML pages to their main text (./html.ts). The other formats have their own
 * readers beside this one; ./read.ts chooses among them.
 *
 * Positions: `source` never holds a byte-order mark. Editors hide the BOM and count columns from
 * the first character after it, so offset 0 of `source` is line 1, column 1 whether or not the
 * file has a BOM, and columns (UTF-16 code units) match what an editor shows.
 *
 * Bounded work: one validating pass per candidate encoding (at most UTF-8 and GB18030), sniffing
 * only looks at the first kilobytes, and a scan stops recording invalid runs past what any
 * plausible decoding could hold.
 */
import { createHash } from 'node:crypto';
import type { SourceFile, StageContext } from '../../model/stages.js';
import { InputError } from '../../model/stages.js';
import { identityText } from '../../text/mapped-text.js';
import { htmlMainText } from './html.js';
import { ENCODING_CHOICES } from './encodings.js';
import { lazyModule } from '../../lazy-module.js';

/** iconv-lite, loaded when the first GB18030 text is decoded: UTF-8 and UTF-16 need only TextDecoder. */
const iconv = lazyModule<typeof import('iconv-lite')>('iconv-lite');

export interface DecodeOptions {
  /**
   * 'auto' (default) detects the encoding; any other of ENCODING_CHOICES forces it. 'utf-16'
   * follows the byte-order mark and means little-endian without one.
   */
  encoding?: string;
}

/** An encoding decode can read. */
type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

const DISPLAY_NAME: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  gb18030: 'GB18030',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
};

/** Bytes looked at to sniff HTML and its <meta charset> (the HTML standard's prescan reads 1024). */
const SNIFF_BYTES = 4096;
/** A file is binary when more than this share of its bytes (or code units) are control codes. */
const CONTROL_MAX_SHARE = 0.05;
/**
 * Of GB18030 text that has invalid bytes, at least this share of the two-byte characters must lie
 * in the GB2312 area (lead A1–F7, trail A1–FE), as in real Chinese text; random bytes give ~0.5.
 */
const GB2312_MIN_SHARE = 0.6;
/**
 * UTF-16 forced on a file without a BOM must give mostly text characters; other bytes read as
 * UTF-16 (UTF-8 or GBK text) give code units spread over the whole range, ~25% of them text.
 */
const UTF16_TEXT_MIN_SHARE = 0.6;

/**
 * Invalid byte runs are tolerated (replaced and reported) up to this many, or up to one per
 * VALID_PER_INVALID valid multi-byte characters: a damaged copy of a real text still has far more
 * good characters than bad runs; text in another encoding (or random bytes) does not.
 */
const MIN_TOLERATED_RUNS = 8;
const VALID_PER_INVALID = 4;

/** A run of invalid bytes, replaced by U+FFFD at `offset` of the decoded text. */
interface Replacement {
  /** 0-based offset of the U+FFFD in the decoded text. */
  offset: number;
  /** 0-based byte offset of the run in the file; `byteEnd` is exclusive. */
  byteStart: number;
  byteEnd: number;
}

interface Decoded {
  text: string;
  encoding: TextEncoding;
  /** The file starts with this encoding's byte-order mark (not part of `text`). */
  bom: boolean;
  replacements: Replacement[];
}

/** A validating pass over the bytes. */
interface Scan {
  /** Invalid runs as flat byte ranges [start0, end0, start1, end1, …], up to `storeLimit` runs. */
  runs: number[];
  /** Invalid runs in all (also those past the store limit). */
  count: number;
  /** Where the last invalid run ends (to merge an adjacent invalid byte into it). */
  lastEnd: number;
  storeLimit: number;
  /** Valid characters of more than one byte (two code units in UTF-16: any non-ASCII unit). */
  multiByte: number;
  /** GB18030 only: two-byte characters, and those in the GB2312 area. */
  doubleByte: number;
  gb2312: number;
  /** UTF-16 only: code units, and those in the ranges of text (see isTextUnit). */
  units: number;
  textUnits: number;
}

/**
 * Decodes one input file. `path` is used for messages and to recognise HTML by its extension.
 * Reports PLN005 for each run of invalid bytes replaced by U+FFFD, PLN006 for an HTML page without
 * a main element, PLN008 for a <meta charset> the bytes contradict.
 * Throws InputError (with a one-line reason) for binary data, an empty or white-space-only file,
 * and bytes that are not text in any supported encoding (or in the forced one).
 */
export function decode(bytes: Uint8Array, path: string, options: DecodeOptions, ctx: StageContext): SourceFile {
  if (bytes.length === 0) throw new InputError('empty file', 'PLN003');
  const forced = forcedEncoding(options.encoding);
  const bom = byteOrderMark(bytes);
  const wide = forced ? forced.startsWith('utf-16') : bom !== null && bom !== 'utf-8';
  if (!wide) rejectBinaryBytes(bytes);

  const prefix = latin1(bytes.subarray(bom === 'utf-8' ? 3 : 0, SNIFF_BYTES));
  let isHtml = /\.(?:html?|xhtml|shtml)$/i.test(path) || (!wide && looksLikeHtml(prefix));
  let metaProblem: string | null = null;
  let decoded: Decoded;
  if (forced) {
    decoded = decodeForced(bytes, forced, bom);
  } else if (bom) {
    decoded = decodeOrExplain(bytes, bom, true, `after its ${DISPLAY_NAME[bom]} byte-order mark`);
  } else {
    const declared = isHtml ? metaCharset(prefix) : null;
    const fromMeta = declared ? decodeAsDeclared(bytes, declared.label) : null;
    decoded = fromMeta ?? detect(bytes);
    if (declared && !fromMeta) metaProblem = declared.label;
  }
  const source = decoded.text;
  if (wide) rejectBinaryText(source, decoded.bom ? 2 : 0);
  if (!/\S/.test(source)) throw new InputError('only white space, no text', 'PLN003');
  isHtml ||= wide && looksLikeHtml(source.slice(0, SNIFF_BYTES));

  for (const r of decoded.replacements) {
    ctx.report({
      code: 'PLN005',
      message: `Unexpected bytes ${hex(bytes, r.byteStart, r.byteEnd)} at byte ${r.byteStart}, expected valid ${DISPLAY_NAME[decoded.encoding]}; replaced by U+FFFD`,
      offset: r.offset,
      actual: hex(bytes, r.byteStart, r.byteEnd),
    });
  }
  if (metaProblem !== null) {
    const problem = encodingOfLabel(metaProblem)
      ? `bytes that are not valid in the charset "${metaProblem}" the page's <meta> declares`
      : `charset "${metaProblem}" in the page's <meta>`;
    ctx.report({
      code: 'PLN008',
      message: `Unexpected ${problem}, expected UTF-8 or GBK/GB2312/GB18030 text as declared; decoded as ${DISPLAY_NAME[decoded.encoding]} instead`,
      offset: metaCharset(source.slice(0, SNIFF_BYTES))?.index ?? 0,
      actual: metaProblem,
    });
  }

  const content = isHtml ? htmlMainText(source, ctx) : identityText(source);
  if (isHtml && !/\S/.test(content.text)) throw new InputError('HTML page without text', 'PLN003');
  return {
    path,
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    encoding: decoded.encoding === 'utf-8' && decoded.bom ? 'utf-8-bom' : decoded.encoding,
    format: isHtml ? 'html' : 'text',
    pages: null,
    pageStarts: null,
    source,
    content,
  };
}

/** The encoding an `--encoding` value forces ('utf-16' stays open until the BOM is seen), or null for auto. */
function forcedEncoding(name: string | undefined): TextEncoding | 'utf-16' | null {
  switch ((name ?? 'auto').toLowerCase()) {
    case 'auto':
      return null;
    case 'utf-8':
    case 'utf8':
      return 'utf-8';
    case 'gb18030':
    case 'gbk':
    case 'gb2312':
      return 'gb18030';
    case 'utf-16':
      return 'utf-16';
    case 'utf-16le':
      return 'utf-16le';
    case 'utf-16be':
      return 'utf-16be';
    default:
      throw new InputError(`unknown encoding "${name}", expected one of ${ENCODING_CHOICES.join(', ')}`);
  }
}

/** The encoding named by a file's byte-order mark, or null. */
function byteOrderMark(bytes: Uint8Array): TextEncoding | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function bomLength(encoding: TextEncoding): number {
  return encoding === 'utf-8' ? 3 : 2;
}

function decodeForced(bytes: Uint8Array, forced: TextEncoding | 'utf-16', bom: TextEncoding | null): Decoded {
  const encoding = forced === 'utf-16' ? (bom === 'utf-16be' ? 'utf-16be' : 'utf-16le') : forced;
  return decodeOrExplain(bytes, encoding, bom === encoding, '(forced with --encoding)');
}

/**
 * Why the bytes do not read as text in the scanned encoding, or null when they do: no invalid
 * run, or few of them among many good characters (and, for GB18030, characters that look like
 * Chinese text); UTF-16 without a BOM must give mostly characters of text.
 */
function whyNotText(scan: Scan, encoding: TextEncoding, bom: boolean): string | null {
  const utf16 = encoding === 'utf-16le' || encoding === 'utf-16be';
  if (utf16 && !bom && scan.textUnits < scan.units * UTF16_TEXT_MIN_SHARE) {
    return `${scan.units - scan.textUnits} of its ${scan.units} characters are in no script of text`;
  }
  if (scan.count === 0) return null;
  const invalid = `${scan.count} invalid byte sequences, the first at byte ${scan.runs[0]}`;
  if (scan.count > Math.max(MIN_TOLERATED_RUNS, scan.multiByte / VALID_PER_INVALID)) return invalid;
  if (encoding === 'gb18030' && scan.gb2312 < scan.doubleByte * GB2312_MIN_SHARE) return `${invalid}, among characters that are not Chinese text`;
  return null;
}

/** Decodes in one encoding, or throws InputError saying where it fails. */
function decodeOrExplain(bytes: Uint8Array, encoding: TextEncoding, bom: boolean, why: string): Decoded {
  const start = bom ? bomLength(encoding) : 0;
  const scan = scanBytes(bytes, start, encoding);
  const problem = whyNotText(scan, encoding, bom);
  if (problem) {
    throw new InputError(`not valid ${DISPLAY_NAME[encoding]} ${why}: ${problem}`);
  }
  return decodeRuns(bytes, start, encoding, bom, scan.runs);
}

/**
 * Decodes in the charset a page's <meta> declares, or returns null when the declaration cannot be
 * trusted: an unsupported label, any invalid byte, or a GB label on bytes that are valid UTF-8
 * with multi-byte characters (pages re-saved as UTF-8 keep their old <meta>; GBK text that is also
 * valid UTF-8 does not occur beyond a few characters).
 */
function decodeAsDeclared(bytes: Uint8Array, label: string): Decoded | null {
  const encoding = encodingOfLabel(label);
  if (!encoding) return null;
  if (scanBytes(bytes, 0, encoding).count > 0) return null;
  if (encoding === 'gb18030' && scanBytes(bytes, 0, 'utf-8').count === 0 && hasHighBytes(bytes)) return null;
  return decodeRuns(bytes, 0, encoding, false, []);
}

/** Maps a charset label (WHATWG Encoding names) to a supported encoding. */
function encodingOfLabel(label: string): TextEncoding | null {
  const name = label.toLowerCase();
  if (name === 'utf-8' || name === 'utf8' || name === 'unicode-1-1-utf-8') return 'utf-8';
  // A <meta> cannot declare UTF-16 (the page would not be readable as ASCII): the standard reads UTF-8.
  if (name.startsWith('utf-16') || name === 'unicode') return 'utf-8';
  if (/^(?:gbk|gb2312|gb18030|x-gbk|cp936|windows-936|csgb2312|chinese|gb_2312(?:-80)?|iso-ir-58|csiso58gb231280)$/.test(name)) {
    return 'gb18030';
  }
  return null;
}

/**
 * Detects UTF-8 or GB18030 (which reads GBK and GB2312): valid UTF-8 wins; otherwise the
 * plausible encoding with fewer invalid runs (see whyNotText).
 */
function detect(bytes: Uint8Array): Decoded {
  // Most files are valid UTF-8: the platform's validating decoder says so and decodes in one pass.
  const valid = validUtf8(bytes);
  if (valid !== null) return { text: valid, encoding: 'utf-8', bom: false, replacements: [] };
  const utf8 = scanBytes(bytes, 0, 'utf-8');
  const gb = scanBytes(bytes, 0, 'gb18030');
  const gbPlausible = whyNotText(gb, 'gb18030', false) === null;
  const utf8Plausible = whyNotText(utf8, 'utf-8', false) === null;
  if (gbPlausible && (!utf8Plausible || gb.count < utf8.count)) return decodeRuns(bytes, 0, 'gb18030', false, gb.runs);
  if (utf8Plausible) return decodeRuns(bytes, 0, 'utf-8', false, utf8.runs);
  throw new InputError(
    `not text in UTF-8, GB18030/GBK or UTF-16: ${utf8.count} invalid UTF-8 sequences (the first at byte ${utf8.runs[0]}) and ${gb.count} invalid GB18030 sequences`,
  );
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

function scanBytes(bytes: Uint8Array, start: number, encoding: TextEncoding): Scan {
  // A plausible decoding has at most one run per VALID_PER_INVALID characters of two or more bytes.
  const scan: Scan = {
    runs: [],
    count: 0,
    lastEnd: -1,
    storeLimit: Math.max(MIN_TOLERATED_RUNS, Math.ceil(bytes.length / (2 * VALID_PER_INVALID))) + 1,
    multiByte: 0,
    doubleByte: 0,
    gb2312: 0,
    units: 0,
    textUnits: 0,
  };
  if (encoding === 'utf-8') scanUtf8(bytes, start, scan);
  else if (encoding === 'gb18030') scanGb18030(bytes, start, scan);
  else scanUtf16(bytes, start, encoding === 'utf-16le', scan);
  return scan;
}

/** Adds the invalid bytes `[at, end)` to the scan, merging them with a run that ends at `at`. */
function addInvalid(scan: Scan, at: number, end: number): void {
  const stored = scan.runs.length;
  if (scan.lastEnd === at) {
    if (stored > 0 && scan.runs[stored - 1] === at) scan.runs[stored - 1] = end;
  } else {
    scan.count++;
    if (stored < scan.storeLimit * 2) scan.runs.push(at, end);
  }
  scan.lastEnd = end;
}

/** Validates UTF-8 (the well-formed sequences of Unicode table 3-7); one byte per invalid step. */
function scanUtf8(bytes: Uint8Array, start: number, scan: Scan): void {
  const n = bytes.length;
  const inRange = (i: number, lo: number, hi: number) => i < n && bytes[i] >= lo && bytes[i] <= hi;
  let i = start;
  while (i < n) {
    const b = bytes[i];
    let len = 0;
    if (b < 0x80) len = 1;
    else if (b >= 0xc2 && b <= 0xdf) len = inRange(i + 1, 0x80, 0xbf) ? 2 : 0;
    else if (b >= 0xe0 && b <= 0xef) {
      const lo = b === 0xe0 ? 0xa0 : 0x80;
      const hi = b === 0xed ? 0x9f : 0xbf;
      len = inRange(i + 1, lo, hi) && inRange(i + 2, 0x80, 0xbf) ? 3 : 0;
    } else if (b >= 0xf0 && b <= 0xf4) {
      const lo = b === 0xf0 ? 0x90 : 0x80;
      const hi = b === 0xf4 ? 0x8f : 0xbf;
      len = inRange(i + 1, lo, hi) && inRange(i + 2, 0x80, 0xbf) && inRange(i + 3, 0x80, 0xbf) ? 4 : 0;
    }
    if (len === 0) {
      addInvalid(scan, i, i + 1);
      i++;
      continue;
    }
    if (len > 1) scan.multiByte++;
    i += len;
  }
}

/**
 * Validates GB18030: ASCII; two bytes (lead 81–FE, trail 40–7E or 80–FE); four bytes (81–84 or
 * 90–E3, 30–39, 81–FE, 30–39: the ranges that map to Unicode). Counts the two-byte characters in
 * the GB2312 area for plausibility.
 */
function scanGb18030(bytes: Uint8Array, start: number, scan: Scan): void {
  const n = bytes.length;
  let i = start;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const t = i + 1 < n ? bytes[i + 1] : -1;
    if (b >= 0x81 && b <= 0xfe && ((t >= 0x40 && t <= 0x7e) || (t >= 0x80 && t <= 0xfe))) {
      scan.doubleByte++;
      scan.multiByte++;
      if (b >= 0xa1 && b <= 0xf7 && t >= 0xa1) scan.gb2312++;
      i += 2;
      continue;
    }
    const fourByteLead = (b >= 0x81 && b <= 0x84) || (b >= 0x90 && b <= 0xe3);
    if (fourByteLead && t >= 0x30 && t <= 0x39 && i + 3 < n && bytes[i + 2] >= 0x81 && bytes[i + 2] <= 0xfe && bytes[i + 3] >= 0x30 && bytes[i + 3] <= 0x39) {
      scan.multiByte++;
      i += 4;
      continue;
    }
    addInvalid(scan, i, i + 1);
    i++;
  }
}

/** Validates UTF-16: lone surrogates and an odd last byte are invalid. */
function scanUtf16(bytes: Uint8Array, start: number, littleEndian: boolean, scan: Scan): void {
  const unitAt = (i: number) => (littleEndian ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1]);
  let i = start;
  for (; i + 1 < bytes.length; i += 2) {
    const u = unitAt(i);
    scan.units++;
    if (isTextUnit(u)) scan.textUnits++;
    if (u >= 0x80) scan.multiByte++;
    if (u < 0xd800 || u > 0xdfff) continue;
    if (u <= 0xdbff && i + 3 < bytes.length) {
      const next = unitAt(i + 2);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i += 2;
        continue;
      }
    }
    addInvalid(scan, i, i + 2);
  }
  if (i < bytes.length) addInvalid(scan, i, bytes.length);
}

/**
 * Code units of the scripts plans are written in: ASCII and Latin, Greek and Cyrillic, general and
 * CJK punctuation, kana, CJK ideographs, full-width forms, and surrogates (checked as pairs).
 */
function isTextUnit(u: number): boolean {
  return (
    (u >= 0x09 && u <= 0x04ff) ||
    (u >= 0x2000 && u <= 0x33ff) ||
    (u >= 0x3400 && u <= 0x9fff) ||
    (u >= 0xd800 && u <= 0xdfff) ||
    (u >= 0xfe30 && u <= 0xffef)
  );
}

/** Decodes `bytes[start…]`, one U+FFFD per invalid run (per invalid code unit in UTF-16). */
function decodeRuns(bytes: Uint8Array, start: number, encoding: TextEncoding, bom: boolean, runs: readonly number[]): Decoded {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    // The platform decoder replaces each lone surrogate (and an odd last byte) by one U+FFFD, in place.
    const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(start));
    const replacements: Replacement[] = [];
    for (let k = 0; k < runs.length; k += 2) {
      replacements.push({ offset: (runs[k] - start) >> 1, byteStart: runs[k], byteEnd: runs[k + 1] });
    }
    return { text, encoding, bom, replacements };
  }
  const pieces: string[] = [];
  const replacements: Replacement[] = [];
  let length = 0;
  let cursor = start;
  const take = (end: number) => {
    if (end <= cursor) return;
    const piece = decodeValid(bytes.subarray(cursor, end), encoding);
    pieces.push(piece);
    length += piece.length;
  };
  for (let k = 0; k < runs.length; k += 2) {
    const byteStart = runs[k];
    const byteEnd = runs[k + 1];
    take(byteStart);
    replacements.push({ offset: length, byteStart, byteEnd });
    pieces.push('\uFFFD');
    length += 1;
    cursor = byteEnd;
  }
  take(bytes.length);
  return { text: pieces.join(''), encoding, bom, replacements };
}

/** `bytes` decoded when they are well-formed UTF-8 throughout (as scanUtf8 reads it: Unicode table 3-7), else null. */
function validUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeValid(bytes: Uint8Array, encoding: 'utf-8' | 'gb18030'): string {
  if (encoding === 'utf-8') return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return iconv().decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030', { stripBOM: false });
}

/** Control codes other than tab, line feed, vertical tab, form feed and carriage return. */
function isControl(c: number): boolean {
  return (c < 0x20 && (c < 0x09 || c > 0x0d)) || c === 0x7f;
}

/** A control byte other than tab, line feed, vertical tab, form feed and carriage return (see isControl), or NUL. */
const CONTROL_BYTE = /[\x00-\x08\x0e-\x1f\x7f]/;

/** Throws for a NUL byte or a high share of control bytes (files in byte encodings only). */
function rejectBinaryBytes(bytes: Uint8Array): void {
  // Text mostly holds none: one compiled search over the bytes (read as Latin-1) says so.
  if (!CONTROL_BYTE.test(latin1(bytes))) return;
  let controls = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === 0) throw new InputError(`binary data, not text (NUL byte at offset ${i})`, 'PLN002');
    if (isControl(c)) controls++;
  }
  if (controls > 4 && controls > bytes.length * CONTROL_MAX_SHARE) {
    throw new InputError(`binary data, not text (${controls} control bytes in ${bytes.length})`, 'PLN002');
  }
}

/** As rejectBinaryBytes, for UTF-16 text: `byteBase` is the BOM's length, offsets are bytes. */
function rejectBinaryText(text: string, byteBase: number): void {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) throw new InputError(`binary data, not text (NUL character at byte offset ${byteBase + 2 * i})`, 'PLN002');
    if (isControl(c)) controls++;
  }
  if (controls > 4 && controls > text.length * CONTROL_MAX_SHARE) {
    throw new InputError(`binary data, not text (${controls} control characters in ${text.length})`, 'PLN002');
  }
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** True when the text starts like an HTML document (its first kilobyte is looked at). */
function looksLikeHtml(prefix: string): boolean {
  const head = prefix.slice(0, 1024).trimStart().toLowerCase();
  return head.startsWith('<') && (head.includes('<!doctype html') || head.includes('<html') || head.includes('<head') || head.includes('<meta'));
}

/**
 * The charset a page declares in its first <meta charset="…"> or <meta http-equiv="Content-Type"
 * content="…; charset=…">, with the offset of that <meta> in `prefix`.
 */
function metaCharset(prefix: string): { label: string; index: number } | null {
  const lower = prefix.toLowerCase();
  for (let at = lower.indexOf('<meta'); at >= 0; at = lower.indexOf('<meta', at + 5)) {
    const end = lower.indexOf('>', at);
    const tag = lower.slice(at, end < 0 ? lower.length : end);
    const match = /charset\s*=\s*["']?\s*([a-z0-9_.:-]{1,40})/.exec(tag);
    if (match) return { label: match[1], index: at };
    if (end < 0) break;
  }
  return null;
}

/** The bytes `[start, end)` as hex, at most 8 of them: 'ff fe 80…'. */
function hex(bytes: Uint8Array, start: number, end: number): string {
  const shown = Array.from(bytes.subarray(start, Math.min(end, start + 8)), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return end - start > 8 ? `${shown}…` : shown;
}
