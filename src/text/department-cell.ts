/** Telling a table cell that names departments, for the tables stage and the responsibilities stage. */
import { isDepartmentName } from '../model/departments.js';

/** A column label naming departments (`责任部门`, `牵头单位`), which reads like a department name. */
const DEPARTMENT_LABEL = /^(?:责任|牵头|配合|协办|参与|主责|主办|承办|实施|负责|相关|有关)?(?:部门|单位)$/;

/** A mark after a name in a list that it leads: `（牵头）`, `(牵头单位)`. */
export const LEAD_MARK = /[（(](?:牵头|牵头单位|牵头部门)[)）]$/;

/** A name as a cell or list writes it, without the mark that it leads (`县卫健局（牵头）`). */
const isMarkedName = (piece: string): boolean => isDepartmentName(piece.replace(LEAD_MARK, ''));

/**
 * Whether a cell names one or more departments (`区卫健委`, `区人社局 区医保局`, `区教育局、区体育局`,
 * `县卫健局（牵头）、县教育局`), not a column label. Each name is told by the department table or a
 * department's generic ending.
 */
export function isDepartmentCell(text: string): boolean {
  const pieces = text.trim().split(/[\s、，,；;]+/).filter((p) => p !== '');
  return pieces.length > 0 && !DEPARTMENT_LABEL.test(text.trim()) && pieces.every(isMarkedName);
}

/** Whether text starts with a department's name, marked or not (`县卫健局（牵头）、县教育局、县` as a narrow column wraps it). */
export function startsWithDepartment(text: string): boolean {
  return isMarkedName(text.split(/[\s、，,；;]/)[0]);
}

/**
 * Whether a department cell read so far, line by line, is unfinished — the next line's part
 * continues it: it ends in a list mark or in a piece that names no department (`县人社局、县医保`
 * over `局`, as a narrow column wraps it).
 */
export function isUnfinishedDepartmentCell(written: string): boolean {
  // Only the last piece counts, and a name is at most 30 characters: the tail is enough.
  const pieces = written.slice(-40).split(/[\s、，,；;]+/).filter((p) => p !== '');
  return /[、，,]$/.test(written) || !isMarkedName(pieces[pieces.length - 1] ?? '');
}
