/**
 * DOCX reader (Word 2007+): unzips the file with fflate and reads word/document.xml in order with
 * a small tokenizer (./xml.ts). Written on the zip and the XML rather than with mammoth because
 * mammoth drops Word's automatic list numbering, and official .docx number their headings that
 * way (`一、`, `（一）`); see ./numbering.ts.
 *
 * Output lines: one paragraph per line (a manual line break inside a paragraph also ends a line);
 * a table row as its cells joined by TAB, a cell's own paragraphs joined by a space, a cell merged
 * across columns (`w:gridSpan`) followed by empty cells and a cell merged down from the row above
 * (`w:vMerge`) empty, so that every row has all the table's columns; text boxes as their own
 * lines; deleted text (tracked changes), field codes and page headers and footers (which live in
 * other parts) are not read; footnotes and endnotes follow the body.
 *
 * Bounded: the uncompressed sizes the zip declares are checked against the limit before anything
 * is inflated, and inflating never writes past the declared size.
 */
import { unzipSync } from 'fflate';
import { InputError } from '../../model/stages.js';
import { DEFAULT_MAX_UNPACKED_BYTES, describeBytes, OLE2_SIGNATURE, type ReadOptions } from './read.js';
import { ListNumbering } from './numbering.js';
import { scanXml, XmlError, type XmlToken } from './xml.js';

const DOCUMENT = 'word/document.xml';
/** The parts read; every other part (media, headers, footers, comments) stays compressed. */
const PARTS = new Set([DOCUMENT, 'word/numbering.xml', 'word/styles.xml', 'word/footnotes.xml', 'word/endnotes.xml']);

/** Reads a DOCX to its text (lines end with \n). Throws InputError for a file that is not a readable DOCX. */
export function readDocx(bytes: Uint8Array, options: ReadOptions): string {
  const parts = unpack(bytes, options.maxBytes ?? DEFAULT_MAX_UNPACKED_BYTES);
  try {
    const numbering = new ListNumbering(parts.get('word/numbering.xml') ?? null);
    const styles = styleNumbering(parts.get('word/styles.xml') ?? null);
    const lines = bodyLines(parts.get(DOCUMENT)!, numbering, styles, null);
    for (const notes of ['word/footnotes.xml', 'word/endnotes.xml']) {
      const xml = parts.get(notes);
      if (xml) lines.push(...bodyLines(xml, numbering, styles, notes.endsWith('footnotes.xml') ? 'w:footnote' : 'w:endnote'));
    }
    return lines.map((l) => l + '\n').join('');
  } catch (error) {
    if (error instanceof XmlError) throw new InputError(`damaged DOCX: its XML is not well-formed (${error.message})`, 'PLN009');
    throw error;
  }
}

/** Unzips the parts read, refusing a file that is not a zip, lacks word/document.xml or unpacks past `limit`. */
function unpack(bytes: Uint8Array, limit: number): Map<string, string> {
  if (OLE2_SIGNATURE.every((b, i) => bytes[i] === b)) {
    // Word writes a password-protected .docx as an OLE2 container holding the encrypted package.
    if (new TextDecoder('utf-16le').decode(bytes).includes('EncryptedPackage')) {
      throw new InputError('encrypted (password-protected) DOCX; save it without a password first', 'PLN010');
    }
    throw new InputError('not a DOCX file: it is a Word 97–2003 (OLE2) file; name it .doc', 'PLN009');
  }
  let declared = 0;
  let found = false;
  let files;
  try {
    files = unzipSync(bytes, {
      filter(file) {
        if (!PARTS.has(file.name)) return false;
        found ||= file.name === DOCUMENT;
        declared += file.originalSize;
        if (declared > limit) {
          throw new InputError(`DOCX unpacks to more than ${limit} bytes (--max-bytes); a zip bomb?`, 'PLN013');
        }
        // A compression ratio no text reaches: deflate gives at most ~1:1032.
        if (file.size > 0 && file.originalSize / file.size > 1100) {
          throw new InputError(`DOCX part ${file.name} claims a compression ratio over 1:1100; a zip bomb?`, 'PLN013');
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof InputError) throw error;
    const what = describeBytes(bytes);
    throw new InputError(
      what === 'a zip archive' || what === 'a DOCX file' ? 'damaged DOCX: the zip archive cannot be read' : `not a DOCX file: it is not a zip archive (${what})`,
      'PLN009',
    );
  }
  if (!found || !files[DOCUMENT]) throw new InputError(`not a DOCX file: the zip archive has no ${DOCUMENT}`, 'PLN009');
  const parts = new Map<string, string>();
  for (const [name, data] of Object.entries(files)) parts.set(name, xmlText(data));
  return parts;
}

/** A part's bytes as a string: UTF-8, or UTF-16 when the part starts with its byte-order mark. */
function xmlText(data: Uint8Array): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data);
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data);
  return new TextDecoder('utf-8').decode(data);
}

/** A paragraph style's list numbering: numId and level (styles.xml, `w:pPr/w:numPr`, following `w:basedOn`). */
interface StyleNumbering {
  numId?: string;
  ilvl?: number;
  basedOn?: string;
}

function styleNumbering(xml: string | null): Map<string, StyleNumbering> {
  const styles = new Map<string, StyleNumbering>();
  if (xml === null) return styles;
  let current: StyleNumbering | null = null;
  scanXml(xml, (t) => {
    if (t.kind === 'open' && t.name === 'w:style') {
      current = {};
      styles.set(t.attributes['w:styleId'] ?? '', current);
    } else if (t.kind === 'close' && t.name === 'w:style') {
      current = null;
    } else if (t.kind === 'open' && current) {
      const style: StyleNumbering = current;
      if (t.name === 'w:basedOn') style.basedOn = t.attributes['w:val'];
      else if (t.name === 'w:numId') style.numId = t.attributes['w:val'];
      else if (t.name === 'w:ilvl') style.ilvl = Number(t.attributes['w:val'] ?? 0);
    }
  });
  return styles;
}

/** The numbering a style gives its paragraphs, looked up through at most 10 `basedOn` steps. */
function numberingOfStyle(styles: Map<string, StyleNumbering>, id: string | undefined): { numId?: string; ilvl?: number } {
  const out: { numId?: string; ilvl?: number } = {};
  for (let step = 0; id !== undefined && step < 10; step++) {
    const style = styles.get(id);
    if (!style) break;
    out.numId ??= style.numId;
    out.ilvl ??= style.ilvl;
    id = style.basedOn;
  }
  return out;
}

interface Paragraph {
  text: string;
  numId?: string;
  ilvl?: number;
  style?: string;
}

interface Cell {
  parts: string[];
  span: number;
  continuesMerge: boolean;
}

interface TableState {
  rows: string[][];
  columns: number;
  row: string[] | null;
  /** Empty cells to add after the row's last cell (`w:gridAfter`). */
  after: number;
  cell: Cell | null;
}

/** Elements whose content is not text of the document. */
const SKIPPED = new Set(['w:del', 'w:moveFrom', 'w:delText', 'w:instrText', 'mc:Fallback', 'w:pPr', 'w:rPr', 'w:sdtPr', 'w:tblPr', 'w:trPr', 'w:tcPr', 'w:tblGrid', 'w:sectPr']);

/**
 * The lines of document.xml's body, or of footnotes.xml/endnotes.xml (`noteElement`: each note
 * read as body text, the separator notes skipped).
 */
function bodyLines(xml: string, numbering: ListNumbering, styles: Map<string, StyleNumbering>, noteElement: string | null): string[] {
  const lines: string[] = [];
  const paragraphs: Paragraph[] = [];
  const tables: TableState[] = [];
  let skip: { name: string; depth: number } | null = null;
  let inText = false;
  // Properties read inside skipped elements: paragraph style and numbering, cell and row merges.
  const properties = (t: Extract<XmlToken, { kind: 'open' }>): void => {
    const val = t.attributes['w:val'];
    const paragraph = paragraphs[paragraphs.length - 1];
    const table = tables[tables.length - 1];
    switch (t.name) {
      case 'w:pStyle':
        if (paragraph) paragraph.style = val;
        break;
      case 'w:numId':
        if (paragraph) paragraph.numId = val;
        break;
      case 'w:ilvl':
        if (paragraph) paragraph.ilvl = Number(val ?? 0);
        break;
      case 'w:gridSpan':
        if (table?.cell) table.cell.span = Math.max(1, Math.min(Number(val) || 1, 1000));
        break;
      case 'w:vMerge':
        if (table?.cell) table.cell.continuesMerge = val === undefined || val === 'continue';
        break;
      case 'w:gridCol':
        if (table) table.columns++;
        break;
      case 'w:gridBefore':
        if (table?.row) for (let i = Math.min(Number(val) || 0, 1000); i > 0; i--) table.row.push('');
        break;
      case 'w:gridAfter':
        if (table) table.after = Math.min(Number(val) || 0, 1000);
        break;
    }
  };
  const append = (text: string): void => {
    const paragraph = paragraphs[paragraphs.length - 1];
    if (paragraph) paragraph.text += text;
  };
  let inNote = noteElement === null;
  scanXml(xml, (t) => {
    if (skip) {
      if (t.kind === 'open') {
        if (t.name === skip.name && !t.empty) skip.depth++;
        properties(t);
      } else if (t.kind === 'close' && t.name === skip.name && --skip.depth === 0) {
        skip = null;
      }
      return;
    }
    if (t.kind === 'text') {
      if (inText && inNote) append(t.text);
      return;
    }
    if (t.kind === 'open') {
      if (SKIPPED.has(t.name) && !t.empty) {
        skip = { name: t.name, depth: 1 };
        return;
      }
      switch (t.name) {
        case 'w:footnote':
        case 'w:endnote':
          // Separator and continuation notes are the rule above the notes, not text.
          inNote = t.name === noteElement && (t.attributes['w:type'] ?? 'normal') === 'normal';
          break;
        case 'w:p':
          paragraphs.push({ text: '' });
          if (t.empty) closeParagraph();
          break;
        case 'w:t':
          inText = !t.empty;
          break;
        case 'w:tab':
          append('\t');
          break;
        case 'w:br':
        case 'w:cr':
          if ((t.attributes['w:type'] ?? 'textWrapping') === 'textWrapping') append('\n');
          break;
        case 'w:noBreakHyphen':
          append('-');
          break;
        case 'w:tbl':
          tables.push({ rows: [], columns: 0, row: null, after: 0, cell: null });
          break;
        case 'w:tr':
          if (tables.length) Object.assign(tables[tables.length - 1], { row: [], after: 0 });
          break;
        case 'w:tc':
          if (tables.length) tables[tables.length - 1].cell = { parts: [], span: 1, continuesMerge: false };
          break;
        default:
          properties(t);
      }
    } else {
      switch (t.name) {
        case 'w:t':
          inText = false;
          break;
        case 'w:p':
          closeParagraph();
          break;
        case 'w:tc': {
          const table = tables[tables.length - 1];
          if (!table?.cell || !table.row) break;
          const cell = table.cell;
          table.row.push(cell.continuesMerge ? '' : cell.parts.filter((p) => p !== '').join(' '));
          for (let i = 1; i < cell.span; i++) table.row.push('');
          table.cell = null;
          break;
        }
        case 'w:tr': {
          const table = tables[tables.length - 1];
          if (!table?.row) break;
          for (let i = 0; i < table.after; i++) table.row.push('');
          while (table.row.length < table.columns) table.row.push('');
          table.rows.push(table.row);
          table.row = null;
          break;
        }
        case 'w:tbl': {
          const table = tables.pop();
          if (!table) break;
          const outer = tables[tables.length - 1];
          if (outer?.cell) {
            // A table inside a cell: its text stays in the cell, rows and cells separated by spaces.
            outer.cell.parts.push(table.rows.map((r) => r.filter((c) => c !== '').join(' ')).join(' '));
          } else {
            for (const row of table.rows) lines.push(row.join('\t'));
          }
          break;
        }
      }
    }
  });
  return lines;

  function closeParagraph(): void {
    const paragraph = paragraphs.pop();
    if (!paragraph || !inNote) return;
    const fromStyle = numberingOfStyle(styles, paragraph.style);
    const numId = paragraph.numId ?? fromStyle.numId;
    const marker = numId === undefined ? '' : numbering.next(numId, paragraph.ilvl ?? fromStyle.ilvl ?? 0);
    // A marker ending in a letter or digit (`Article 1`) is set off by a space; `一、`, `（一）`, `1.` are not.
    const text = marker + (/[A-Za-z0-9]$/.test(marker) && paragraph.text !== '' ? ' ' : '') + paragraph.text;
    const table = tables[tables.length - 1];
    if (table?.cell) {
      table.cell.parts.push(text.replace(/[\t\n]+/g, ' ').trim());
    } else {
      lines.push(...text.split('\n'));
    }
  }
}
