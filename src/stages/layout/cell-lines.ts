/**
 * Tables printed one cell per line: a header group of short lines (指标, 基线, 2020年, 属性 …),
 * then one group of lines per row, the groups separated by blank lines. This is how a text with
 * a linearised table (each cell a tab-indented line) comes back from a PDF: the tab became
 * indentation, and on a page where the whole table is indented alike, not even that. The
 * indentation of each cell line is turned back into the tab that marks a cell; a line indented
 * less than the block's cells continues the cell above (a cell printed over two lines).
 */
import type { KindedEdit } from '../../text/edit-pass.js';
import { mostCommon, type PrintedLine } from './lines.js';
import { NATURE_CELL } from './values.js';

/** Words of an indicator table's header cells. */
const HEADER_CELL = /^(?:序号|领域|类别|指标|主要指标|指标名称|单位|基线|基期|基线值|现状|目标|目标值|预期值|属性|指标属性|指标性质|性质|(?:19|20)\d\d ?年)/;
/** A header line ending in a year, and the rest of its label on the next line. */
const YEAR_LABEL_END = /(?:19|20)\d\d ?年$/;
const VALUE_LABEL_REST = /^(?:指标值|目标值|预期值|基线值|现状值|基期值|数值|值)$/;
/** Header words of a first column whose cell spans a group of rows. */
const GROUP_COLUMN = /^(?:领域|类别|分类|维度|方面)$/;
/** Most display columns a cell line can take (a prose line is wider). */
const MAX_CELL_WIDTH = 60;
/** A header group has at least this many cells, this many of them header words. */
const MIN_CELLS = 3;
const MIN_HEADER_WORDS = 2;
/** A row group holds up to this many lines more than the header has cells (cells over two lines). */
const MAX_EXTRA_LINES = 3;
/** At least this many row groups follow the header. */
const MIN_ROWS = 2;
/** Blank lines allowed between groups (a page break between rows leaves a few). */
const MAX_BLANKS_BETWEEN = 6;

/** A run of consecutive non-empty lines of one page: indices into the line list. */
interface Group {
  first: number;
  last: number;
}

/**
 * Returns the edits that mark each cell line of a one-cell-per-line table with a tab (kind
 * `table-cells`) and join the parts of a row a page break cut (kind `page-break`).
 */
export function cellLineEdits(_text: string, lines: readonly PrintedLine[]): KindedEdit[] {
  const isCellLine = (line: PrintedLine) =>
    line.content.length > 0 && line.width - line.indent <= MAX_CELL_WIDTH && !line.content.includes('\t') && !/[。；]$/.test(line.content);
  const groups = groupsOf(lines);
  const edits: KindedEdit[] = [];
  let g = 0;
  while (g < groups.length) {
    // The header is the run of cell lines that ends the group (prose or a title may come first).
    let headerStart = groups[g].last + 1;
    while (headerStart > groups[g].first && isCellLine(lines[headerStart - 1])) headerStart--;
    // …and starts at its first header word: a caption or lead-in line above it is not a cell.
    // (A lead-in ends with a colon: `主要指标：`.)
    while (headerStart <= groups[g].last && (!HEADER_CELL.test(lines[headerStart].content.replace(/\s+/g, '')) || /[：:]$/.test(lines[headerStart].content))) headerStart++;
    const header: Group = { first: headerStart, last: groups[g].last };
    const headerLines = range(header).map((k) => lines[k]);
    const cellIndent = mostCommonIndent(headerLines);
    const headerCells = headerLines.filter((l, k) => l.indent >= cellIndent - 1 && !(k > 0 && continuesLabel(headerLines[k - 1], l)));
    const isHeader =
      headerCells.length >= MIN_CELLS &&
      headerCells.filter((l) => HEADER_CELL.test(l.content.replace(/\s+/g, ''))).length >= MIN_HEADER_WORDS;
    if (!isHeader) {
      g++;
      continue;
    }
    let end = g;
    const pageCuts: KindedEdit[] = [];
    const emptyCells: KindedEdit[] = [];
    // A grouping first column (领域) is printed once for its rows: the rows below it lack that
    // cell, which the text form writes as an empty cell line.
    const grouped = GROUP_COLUMN.test(headerCells[0].content.replace(/\s+/g, ''));
    // A row of such a table that lacks one cell more, ending in its nature: its baseline is empty
    // (a new indicator), and its empty cells printed as nothing.
    const missesBaseline = (row: Group) =>
      grouped && headerCells.length >= 5 && row.last - row.first + 1 === headerCells.length - 2 && NATURE_CELL.test(lines[row.last].content);
    // Groups that continue the row of the group before them (after a page cut or an empty cell).
    const joined = new Set<number>();
    // The first part of a row cut by a page break: the number of lines of the whole row.
    const cutSizes = new Map<number, number>();
    while (end + 1 < groups.length) {
      const row = groups[end + 1];
      const size = row.last - row.first + 1;
      const blanks = row.first - groups[end].last - 1;
      if (blanks > MAX_BLANKS_BETWEEN || !range(row).every((k) => isCellLine(lines[k]))) break;
      const fits = (n: number) => n >= headerCells.length - 1 && n <= headerCells.length + MAX_EXTRA_LINES;
      // A row cut by a page break: its two parts are two groups, the second too small for a row.
      const rest = groups[end + 2];
      const restSize = rest ? rest.last - rest.first + 1 : 0;
      // (A row that ends in its nature cell is whole.)
      const cut =
        rest !== undefined &&
        !NATURE_CELL.test(lines[row.last].content) &&
        lines[rest.first].page > lines[row.last].page &&
        fits(size + restSize) &&
        !fits(restSize) &&
        rest.first - row.last - 1 <= MAX_BLANKS_BETWEEN &&
        range(rest).every((k) => isCellLine(lines[k]));
      // An empty cell prints as an empty line: a row too small, one blank line, then the rest.
      const gapped =
        !cut &&
        !fits(size) &&
        rest !== undefined &&
        rest.first === row.last + 2 &&
        size + 1 + restSize >= headerCells.length &&
        fits(size + 1 + restSize) &&
        range(rest).every((k) => isCellLine(lines[k]));
      if (gapped) {
        const blank = lines[row.last + 1];
        emptyCells.push({ start: blank.start, end: blank.end, replacement: '\t', kind: 'table-cells' });
        end += 2;
        joined.add(rest.first);
        continue;
      }
      if (!cut) {
        if (!fits(size) && !missesBaseline(row)) break;
        end++;
        continue;
      }
      // One row: the blank lines the page break left inside it go.
      pageCuts.push({ start: lines[row.last].end, end: lines[rest.first].start, replacement: '\n', kind: 'page-break' });
      joined.add(rest.first);
      cutSizes.set(row.first, size + restSize);
      end += 2;
    }
    if (end - g >= MIN_ROWS) {
      edits.push(...groupEdits(lines, header, headerCells.length));
      for (let k = g + 1; k <= end; k++) {
        const group = groups[k];
        const at = lines[group.first].start;
        if (joined.has(group.first)) {
          edits.push(...groupEdits(lines, group, Infinity));
          continue;
        }
        // Rows are separated by a blank line; a page break between two rows may have left none.
        let inserted = group.first === groups[k - 1].last + 1 ? '\n' : '';
        const short = missesBaseline(group);
        if (grouped && (short || (cutSizes.get(group.first) ?? group.last - group.first + 1) === headerCells.length - 1)) inserted += '\t\n';
        if (inserted) edits.push({ start: at, end: at, replacement: inserted, kind: 'table-cells' });
        edits.push(...groupEdits(lines, group, headerCells.length));
        // The empty baseline: a cell line of its own after the indicator's.
        if (short) edits.push({ start: lines[group.first].end, end: lines[group.first].end, replacement: '\n\t', kind: 'table-cells' });
      }
      edits.push(...pageCuts, ...emptyCells);
    }
    g = end + 1;
  }
  return edits.sort((a, b) => a.start - b.start);
}

/**
 * The tab edits of one group of `cells` cells: its cell lines (indented as most of the group) get
 * a tab. Where all its lines are indented alike (a page whose lines are all cells), indentation
 * tells nothing: a header line that continues a year label (`2020年` / `指标值`) and, in a group of
 * more lines than cells, the lines after the first that make the surplus (a wrapped group label,
 * `健康` / `水平`) continue the cell above.
 */
function groupEdits(lines: readonly PrintedLine[], group: Group, cells: number): KindedEdit[] {
  const members = range(group).map((k) => lines[k]);
  const edits: KindedEdit[] = [];
  // Per page: the indentation is lost on a page whose lines are all cells.
  const byPage = new Map<number, PrintedLine[]>();
  for (const line of members) (byPage.get(line.page) ?? byPage.set(line.page, []).get(line.page)!).push(line);
  const alike = members.every((line) => line.indent === members[0].indent);
  const continued = new Set<PrintedLine>();
  members.forEach((line, k) => {
    if (alike && k > 0 && continuesLabel(members[k - 1], line)) continued.add(line);
  });
  const surplus = members.length - continued.size - cells;
  if (alike && surplus > 0) members.slice(1, 1 + surplus).forEach((line) => continued.add(line));
  for (const pageLines of byPage.values()) {
    const cellIndent = mostCommonIndent(pageLines);
    for (const line of pageLines) {
      if (line.indent < cellIndent - 1 || continued.has(line)) continue; // continues the cell above
      edits.push({ start: line.start, end: line.contentStart, replacement: '\t', kind: 'table-cells' });
    }
  }
  return edits.sort((a, b) => a.start - b.start);
}

/** True when `line` continues a year label printed over two lines (`2020年` / `指标值`). */
function continuesLabel(previous: PrintedLine, line: PrintedLine): boolean {
  return YEAR_LABEL_END.test(previous.content) && VALUE_LABEL_REST.test(line.content.replace(/\s+/g, ''));
}

/** The runs of consecutive non-empty lines on one page. */
function groupsOf(lines: readonly PrintedLine[]): Group[] {
  const groups: Group[] = [];
  let k = 0;
  while (k < lines.length) {
    if (lines[k].content.length === 0) {
      k++;
      continue;
    }
    const first = k;
    // A page break ends a group too: the next page may start the next row without a blank line.
    while (k + 1 < lines.length && lines[k + 1].content.length > 0 && lines[k + 1].page === lines[k].page) k++;
    groups.push({ first, last: k });
    k++;
  }
  return groups;
}

function range(group: Group): number[] {
  return Array.from({ length: group.last - group.first + 1 }, (_, i) => group.first + i);
}

/** The most common indentation of the lines (the largest of equals: cells are indented, continuations not). */
const mostCommonIndent = (lines: readonly PrintedLine[]): number => mostCommon(lines.map((line) => line.indent));
