/**
 * Recovers a title whose line was cut (` 项目实施方案`): the body usually names the document in
 * full (`按照《东胜区创建慢性病综合防控示范区项目实施方案》要求`), as a longer phrase ending with
 * the same words.
 */

/** A cut title is at most this long (UTF-16 code units): shorter than any full title names its region. */
export const CUT_TITLE_MAX = 8;

/** The full title and its range `[start, end)` in `body`, or null when the body does not name it. */
export function recoverTitle(body: string, cut: string): { title: string; start: number; end: number } | null {
  const words = cut.replace(/\s/g, '');
  if (words.length === 0 || words.length > CUT_TITLE_MAX) return null;
  // A citation `《…words》` names the document exactly.
  for (const match of body.matchAll(/《([^《》\n]{1,80})》/g)) {
    const inner = match[1];
    if (inner.length > words.length && inner.endsWith(words) && !inner.includes('关于')) {
      const start = match.index + 1;
      return { title: inner, start, end: start + inner.length };
    }
  }
  return null;
}
