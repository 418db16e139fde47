/**
 * A minimal XML tokenizer for the parts of a DOCX: start tags (with attributes), end tags and
 * text, in document order. It is not a validating parser: it needs only what WordprocessingML
 * writes. Linear: every scan moves forward with indexOf, so a malformed part (an unterminated
 * comment or tag) ends the scan instead of being re-scanned from every later position.
 */

/** One token: a start tag (self-closing when `empty`), an end tag, or character data (entities decoded). */
export type XmlToken =
  | { kind: 'open'; name: string; attributes: Record<string, string>; empty: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

/** Thrown for a part that is not well-formed enough to read. */
export class XmlError extends Error {
  override readonly name = 'XmlError';
}

/** Calls `onToken` for each token of `xml`, in order. Throws XmlError for an unterminated construct. */
export function scanXml(xml: string, onToken: (token: XmlToken) => void): void {
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      onToken({ kind: 'text', text: decodeEntities(xml.slice(i)) });
      return;
    }
    if (lt > i) onToken({ kind: 'text', text: decodeEntities(xml.slice(i, lt)) });
    if (xml.startsWith('<!--', lt)) {
      i = after(xml, '-->', lt + 4);
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = after(xml, ']]>', lt + 9);
      onToken({ kind: 'text', text: xml.slice(lt + 9, end - 3) });
      i = end;
    } else if (xml.startsWith('<?', lt)) {
      i = after(xml, '?>', lt + 2);
    } else if (xml.startsWith('<!', lt)) {
      // A DOCTYPE: parts of a DOCX have none; skip to its end (no internal subset is read).
      i = after(xml, '>', lt + 2);
    } else {
      const end = tagEnd(xml, lt + 1);
      const body = xml.slice(lt + 1, end);
      i = end + 1;
      if (body.startsWith('/')) {
        onToken({ kind: 'close', name: body.slice(1).trim() });
      } else {
        const empty = body.endsWith('/');
        const inner = empty ? body.slice(0, -1) : body;
        const nameEnd = inner.search(/[\s]|$/);
        onToken({ kind: 'open', name: inner.slice(0, nameEnd), attributes: parseAttributes(inner.slice(nameEnd)), empty });
      }
    }
  }
}

/** The offset just past the next `marker` at or after `from`. */
function after(xml: string, marker: string, from: number): number {
  const at = xml.indexOf(marker, from);
  if (at < 0) throw new XmlError(`unterminated ${marker === '-->' ? 'comment' : 'markup'}`);
  return at + marker.length;
}

/** The offset of the `>` that closes a tag opened before `from`, skipping quoted attribute values. */
function tagEnd(xml: string, from: number): number {
  let quote = '';
  for (let i = from; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return i;
    }
  }
  throw new XmlError('unterminated tag');
}

const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function parseAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const m of text.matchAll(ATTRIBUTE)) attributes[m[1]] = decodeEntities(m[2] ?? m[3] ?? '');
  return attributes;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five predefined entities and character references; others stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref] ?? whole;
  });
}
