/**
 * DOC reader (Word 97–2003) with word-extractor, which reads the compound file's piece table and
 * turns Word's control marks into text: a paragraph mark or a manual line break ends a line, a
 * table cell mark becomes a TAB, fields keep their shown result. Footnotes and endnotes follow the
 * body; page headers and footers are not read.
 *
 * Table rows: word-extractor writes each cell mark as a TAB, so a row is a line ending with a TAB
 * (its last cell's mark) that has another one; a cell's own paragraphs come as lines of their own.
 * See tableLines. Word 97 keeps automatic list numbers in its list tables, which word-extractor
 * does not read: auto-numbered headings of a .doc come without their markers.
 */
import { InputError } from '../../model/stages.js';
import { describeBytes, OLE2_SIGNATURE } from './read.js';
import { importLibrary } from '../../import-library.js';

/** Reads a Word 97–2003 file to its text (lines end with \n). Throws InputError for a file that is not one. */
export async function readDoc(bytes: Uint8Array): Promise<string> {
  if (!OLE2_SIGNATURE.every((b, i) => bytes[i] === b)) {
    throw new InputError(`not a Word 97–2003 (.doc) file: it is ${describeBytes(bytes)}`, 'PLN009');
  }
  const { default: WordExtractor } = await importLibrary<typeof import('word-extractor')>('word-extractor');
  let document;
  try {
    document = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new InputError(`damaged or unsupported Word 97–2003 file (${reason})`, 'PLN009');
  }
  const keep = { filterUnicode: false };
  const parts = [document.getBody(keep), document.getFootnotes(keep), document.getEndnotes(keep)];
  const lines = parts.flatMap((part) => tableLines(part.split(/\r\n|\r|\n/).flatMap(runOfRows)));
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  return lines.map((l) => l + '\n').join('');
}

const cellMarks = (line: string): number => line.split('\t').length - 1;

/** A run of rows has at least this many rows. */
const MIN_RUN_ROWS = 2;
/** Widest row looked for in a run of rows (cells). */
const MAX_RUN_CELLS = 40;

/**
 * A line holding several table rows, each row's end mark written as one more TAB instead of a line
 * break (word-extractor does so for the rows after a header cell that spans rows): rows of N cells
 * each, where every (N+1)th field is the empty one between a row's last cell mark and its end mark.
 * Split into one line per row (each ending with its last cell mark, as word-extractor writes a
 * row), and the text after the last row (a 注 paragraph) on a line of its own. N is the smallest
 * width that fits; a line that is no such run comes back as it is.
 */
export function runOfRows(line: string): string[] {
  if (!line.includes('\t\t')) return [line];
  const fields = line.split('\t');
  for (let width = 2; width <= MAX_RUN_CELLS; width++) {
    const step = width + 1;
    const rows = Math.floor((fields.length - 1) / step);
    if (rows < MIN_RUN_ROWS || (fields.length - 1) % step !== 0) continue;
    let fits = true;
    for (let r = 0; r < rows && fits; r++) fits = fields[r * step + width] === '';
    if (!fits) continue;
    const out: string[] = [];
    for (let r = 0; r < rows; r++) out.push(fields.slice(r * step, r * step + width).join('\t') + '\t');
    const rest = fields[fields.length - 1];
    if (rest !== '') out.push(rest);
    return out;
  }
  return [line];
}

/** A row is followed by its next row within this many lines (a cell's paragraphs in between). */
const MAX_CELL_PARAGRAPHS = 8;

/**
 * Table rows as the other readers write them: a row's line without the TAB of its last cell mark,
 * and inside a table (right after a row) the lines up to the next row joined to it by spaces when
 * together they have the row above's number of cells: they are the paragraphs of its cells. (A
 * first cell of several paragraphs cannot be told from the text before it and stays as it is.)
 */
export function tableLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  // A row has two cells at least: a lone TAB at a line's end is a typed one (kept), not a cell mark.
  const isRowEnd = (line: string | undefined) => line !== undefined && line.endsWith('\t') && cellMarks(line) >= 2;
  let inTable = false;
  for (let i = 0; i < lines.length; i++) {
    if (inTable && !isRowEnd(lines[i])) {
      // Up to the next row end, when it comes soon and no empty line stands between.
      let end = i;
      while (end < lines.length && end - i < MAX_CELL_PARAGRAPHS && lines[end] !== '' && !isRowEnd(lines[end])) end++;
      const row = lines.slice(i, end + 1).join(' ');
      // It is the next row when it has the cells of the row above (the same number of cell marks).
      if (isRowEnd(lines[end]) && lines[i].includes('\t') && cellMarks(row) === cellMarks(lines[i - 1])) {
        out.push(row.slice(0, -1));
        i = end;
        continue;
      }
    }
    inTable = isRowEnd(lines[i]);
    out.push(inTable ? lines[i].slice(0, -1) : lines[i]);
  }
  return out;
}
