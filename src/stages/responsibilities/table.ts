/**
 * Duty tables → responsibilities. A duty table has a department column (`部门`, `责任单位`,
 * `牵头单位`, `部门名称`) beside a duty column (`职责`, `任务`, `分工`, `工作任务`, `工作内容`) or a
 * supporting-units column (`配合单位`); without a header row, a column most of whose cells name
 * departments (`区卫健委`) beside a column of text is one. Each row gives one responsibility: the
 * department cell as lead (a cell naming two units, `区人社局 区医保局` or `区人社局、区医保局`,
 * gives two), the `配合单位` cell as support. When a note under the table says the first unit
 * leads (`注：排在第一位的为牵头单位`) or a unit is marked as leading (`市卫健委（牵头）`), the others of the cell support. An empty department cell
 * continues the department of the row above (a merged cell). Offsets are 0-based into the document text.
 */
import type { Range, TableCell, TableNode } from '../../model/stages.js';
import { isDepartmentCell } from '../../text/department-cell.js';
import { DUTY_LABEL, LEAD_LABEL, SUPPORT_LABEL } from '../../text/duty-labels.js';
import { canonicalizeDepartment } from '../../model/departments.js';
import { parseDepartmentList, splitAtLeadMarks, type DepartmentMention, type PrefixState } from './department-list.js';


/** One row of a duty table read as a responsibility. */
export interface DutyRow {
  range: Range;
  lead: DepartmentMention[];
  support: DepartmentMention[];
}

/** Longest name the department table is asked about when a cell is cut into names. */
const MAX_NAME = 20;

/**
 * Cuts a run of department names written without a separator (`县人社局县医保局`: the line break or
 * space between them in the cell removed) into names the department table knows, or null when
 * the run is no such sequence of two or more. Offsets are into `run`.
 */
function cutRun(run: string): Array<{ text: string; start: number }> | null {
  if (canonicalizeDepartment(run).known || run.length > 200) return null;
  // cut[i]: the names that read run[i..] to its end, fewest first (null: none).
  const cut: Array<Array<{ text: string; start: number }> | null> = Array(run.length + 1).fill(null);
  cut[run.length] = [];
  for (let i = run.length - 1; i >= 0; i--) {
    for (let j = Math.min(run.length, i + MAX_NAME); j > i + 1; j--) {
      const rest = cut[j];
      if (rest === null || !canonicalizeDepartment(run.slice(i, j)).known) continue;
      if (cut[i] === null || rest.length + 1 < cut[i]!.length) cut[i] = [{ text: run.slice(i, j), start: i }, ...rest];
    }
  }
  return cut[0] !== null && cut[0].length >= 2 ? cut[0] : null;
}

/** The departments a cell names, their `start` an offset into the document text. */
function cellDepartments(cell: TableCell, lenient: boolean): DepartmentMention[] {
  const out: DepartmentMention[] = [];
  const state: PrefixState = { prefix: '' };
  // Units side by side in one cell (`区人社局 区医保局`) are a list as much as `区人社局、区医保局`;
  // a 、 in brackets is inside a name (`各县（市、区）人民政府`).
  const piece = /(?:[^\s、，,；;（(]|[（(][^）)\n]{0,20}[）)])+/g;
  for (let m = piece.exec(cell.text); m !== null; m = piece.exec(cell.text)) {
    const names = cutRun(m[0]) ?? [{ text: m[0], start: 0 }];
    for (const name of names) {
      const mentions = parseDepartmentList(name.text, m.index + name.start, state, { lenient });
      for (const d of mentions ?? []) out.push({ ...d, start: cell.offsets[d.start] ?? cell.offsets[0] ?? 0 });
    }
  }
  return out;
}

/** The columns of a duty table, or null when the table is none. */
function dutyColumns(table: TableNode): { lead: number; support: number; lenient: boolean } | null {
  const heads = table.header.map((h) => h.replace(/\s/g, ''));
  const support = heads.findIndex((h) => SUPPORT_LABEL.test(h));
  const lead = heads.findIndex((h, k) => k !== support && LEAD_LABEL.test(h));
  if (lead >= 0 && (support >= 0 || heads.some((h, k) => k !== lead && DUTY_LABEL.test(h)))) return { lead, support, lenient: true };
  // No such header: the first of the first two columns most of whose cells name departments.
  const width = Math.max(0, ...table.rows.map((r) => r.cells.length));
  if (width < 2 || table.rows.length < 2) return null;
  for (let col = 0; col < Math.min(2, width - 1); col++) {
    const filled = table.rows.map((r) => r.cells[col]?.text.trim() ?? '').filter((t) => t !== '');
    const named = filled.filter(isDepartmentCell).length;
    if (filled.length >= 2 && named * 2 > filled.length) return { lead: col, support: -1, lenient: false };
  }
  return null;
}

/** A note saying the first unit of a cell leads (`注：排在第一位的为牵头单位`). */
const FIRST_LEADS = /(?:第一|首位|首个|最前)[^，。；]{0,8}(?:为|是)牵头/;

/** Reads a duty table, one responsibility per row; null when the table is no duty table. */
export function readDutyTable(table: TableNode): DutyRow[] | null {
  const cols = dutyColumns(table);
  if (!cols) return null;
  // Several units in one cell all lead, unless a note says the first one does.
  const firstLeads = table.notes.some((n) => FIRST_LEADS.test(n));
  const rows: DutyRow[] = [];
  let group: DepartmentMention[] = [];
  for (const row of table.rows) {
    const leadCell = row.cells[cols.lead];
    const written = leadCell && leadCell.text.trim() !== '';
    if (written) group = cols.lenient || isDepartmentCell(leadCell.text) ? cellDepartments(leadCell, cols.lenient) : [];
    const rest = row.cells.filter((c, k) => k !== cols.lead && k !== cols.support && c.text.trim() !== '');
    if (group.length === 0 || rest.length === 0) continue;
    const supportCell = cols.support >= 0 ? row.cells[cols.support] : undefined;
    const support = supportCell ? cellDepartments(supportCell, true) : [];
    // `市卫健委（牵头）、市民政局`: the marked unit leads, the others of the cell support.
    const parties = splitAtLeadMarks(group) ?? (firstLeads ? { lead: group.slice(0, 1), support: group.slice(1) } : { lead: group, support: [] });
    rows.push({ range: row.range, lead: parties.lead, support: [...parties.support, ...support] });
  }
  return rows;
}
