/** The terminal report of `plans diff`: one block per document pair, one line per aligned item. */
import { SUMMARY_KEYS, type DiffResult, type DocumentDiff, type MeasurePair, type TargetPair, type TextChange } from './model.js';
import { formatTarget } from './format-target.js';

export interface TextReportOptions {
  /** Colour verdicts with ANSI escapes (only for a terminal, and not under NO_COLOR). */
  color: boolean;
}

// ANSI SGR colours per verdict; `same` is dimmed so that differences stand out.
const COLOURS: Record<string, string> = {
  same: '2',
  stricter: '32',
  looser: '31',
  changed: '33',
  edited: '33',
  added: '36',
  dropped: '35',
};

// Control characters from the source must not reach the terminal as escapes.
const printable = (text: string) => text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '�').replace(/\s*\n\s*/g, ' ');

/** Renders the whole result as a readable report (ends with a newline). */
export function renderText(result: DiffResult, options: TextReportOptions): string {
  const paint = (verdict: string, text: string) => (options.color ? `\u001b[${COLOURS[verdict] ?? '0'}m${text}\u001b[0m` : text);
  const label = (verdict: string) => paint(verdict, verdict.padEnd(8));
  const lines: string[] = [];
  for (const pair of result.pairs) lines.push(...renderPair(pair, label), '');
  if (result.unpaired.child.length > 0) lines.push(`Unpaired in child: ${result.unpaired.child.join(', ')}`);
  if (result.unpaired.parent.length > 0) lines.push(`Unpaired in parent: ${result.unpaired.parent.join(', ')}`);
  return lines.join('\n').replace(/\n+$/, '') + '\n';
}

function renderPair(pair: DocumentDiff, label: (verdict: string) => string): string[] {
  const lines = [
    `${printable(pair.child.title)}  (${pair.child.file} ${pair.child.documentId})`,
    `  vs ${printable(pair.parent.title)}  (${pair.parent.file} ${pair.parent.documentId}; paired by ${pair.pairedBy})`,
    '',
    `Targets (${pair.targets.length})`,
    ...pair.targets.map((t) => `  ${label(t.verdict)}  ${targetLine(t)}`),
    '',
    `Measures (${pair.measures.length})`,
    ...pair.measures.flatMap((m) => [`  ${label(m.verdict)}  ${measureLine(m)}`, ...(m.textDiff ? [`            ${wordDiff(m.textDiff)}`] : [])]),
    '',
    `Summary: ${SUMMARY_KEYS.map((k) => `${pair.summary[k]} ${k}`).join(', ')} (measures edited count as changed)`,
  ];
  return lines;
}

function targetLine(t: TargetPair): string {
  const year = t.year === null ? '' : ` [${t.year}]`;
  const values = [
    t.child ? `child ${printable(formatTarget(t.child))} :${t.child.span.start.line}` : '',
    t.parent ? `parent ${printable(formatTarget(t.parent))} :${t.parent.span.start.line}` : '',
  ].filter(Boolean);
  return `${printable(t.indicator)}${year}  ${values.join('  ')}${t.match === 'compound' ? '  (part of a compound indicator)' : ''}`;
}

function measureLine(m: MeasurePair): string {
  const parts = [printable(m.title) || '(untitled)'];
  if (m.child && m.parent) parts.push(`similarity ${m.similarity.toFixed(2)}`);
  const lines = [m.child && `child :${m.child.span.start.line}`, m.parent && `parent :${m.parent.span.start.line}`].filter(Boolean);
  parts.push(lines.join(' '));
  const r = m.responsibilities;
  if (r && (r.added.length > 0 || r.removed.length > 0)) {
    parts.push(`departments ${[...r.added.map((d) => `+${d}`), ...r.removed.map((d) => `-${d}`)].map(printable).join(' ')}`);
  }
  return parts.join('  ');
}

/** Characters of unchanged text kept on each side of a change; longer unchanged runs are elided. */
const CONTEXT_CHARS = 12;

/**
 * An edited measure's text in wdiff notation, parent → child: `[-deleted words-]{+inserted words+}`,
 * unchanged runs shortened to {@link CONTEXT_CHARS} characters around each change.
 */
export function wordDiff(changes: readonly TextChange[]): string {
  return changes
    .map((c, i) => {
      const text = printable(c.text);
      if (c.op === 'insert') return `{+${text}+}`;
      if (c.op === 'delete') return `[-${text}-]`;
      const chars = Array.from(text);
      const head = i === 0 ? 0 : CONTEXT_CHARS;
      const tail = i === changes.length - 1 ? 0 : CONTEXT_CHARS;
      return chars.length > head + tail + 1 ? `${chars.slice(0, head).join('')}…${chars.slice(chars.length - tail).join('')}` : text;
    })
    .join('');
}
