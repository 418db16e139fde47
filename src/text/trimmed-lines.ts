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
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== '\n') continue;
    let s = start;
    let e = i;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    lines.push({ start: s, end: e, text: text.slice(s, e) });
    start = i + 1;
  }
  return lines;
}
