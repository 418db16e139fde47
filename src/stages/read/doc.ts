/**
 * DOC reader (Word 97–2003) with word-extractor, which reads the compound file's piece table and
 * turns Word's control marks into text: a paragraph mark or a manual line break ends a line, a
 * table cell mark becomes a TAB, fields keep their shown result. Footnotes and endnotes follow the
 * body; page headers and footers are not read.
 *
 * Table rows: Word ends every cell and then the row with the same mark (0x07), which
 * word-extractor writes as a TAB each, with no line break between rows; see splitTableRows.
 */
import { InputError } from '../../model/stages.js';
import { describeBytes, OLE2_SIGNATURE } from './read.js';

/** Reads a Word 97–2003 file to its text (lines end with \n). Throws InputError for a file that is not one. */
export async function readDoc(bytes: Uint8Array): Promise<string> {
  if (!OLE2_SIGNATURE.every((b, i) => bytes[i] === b)) {
    throw new InputError(`not a Word 97–2003 (.doc) file: it is ${describeBytes(bytes)}`, 'PLN009');
  }
  const { default: WordExtractor } = await import('word-extractor');
  let document;
  try {
    document = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new InputError(`damaged or unsupported Word 97–2003 file (${reason})`, 'PLN009');
  }
  const keep = { filterUnicode: false };
  const parts = [document.getBody(keep), document.getFootnotes(keep), document.getEndnotes(keep)];
  const lines = parts.flatMap((part) => part.split(/\r\n|\r|\n/).flatMap(splitTableRows));
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  return lines.map((l) => l + '\n').join('');
}

/**
 * A table as word-extractor writes it: each cell followed by a TAB, each row's end by one more
 * TAB, rows run together on one line (`A\tB\t\tC\tD\t\t`). A line that ends with two TABs is such
 * a table: it is cut after each double TAB into rows of cells; a row's own last TAB is dropped.
 * (A row whose last cell is empty cannot be told from a row end: the cut errs toward more rows.)
 */
export function splitTableRows(line: string): string[] {
  if (!line.endsWith('\t\t')) return [line];
  return line
    .slice(0, -2)
    .split('\t\t')
    .map((row) => row);
}
