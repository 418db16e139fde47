/** The lines of a text without their surrounding blanks, as split and the TOC finder read them. */

/** One line: its text trimmed, and `[start, end)` of that text (0-based offsets). */
export interface TrimmedLine {
  start: number;
  end: number;
  text: string;
}

/** The lines of `text`, each trimmed of white space at both ends. Linear. */
export function trimmedLines(text: string): TrimmedLine[] {
  const lines: TrimmedLine[] = [];
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    lines.push({ start: s, end: e, text: text.slice(s, e) });
    start = end + 1;
  }
  return lines;
}
