/**
 * The source text as HTML with its marks as elements. Marks may nest (a measure holds its
 * responsibilities, they their targets) or cross (a target running past the end of a
 * responsibility); a crossing mark is closed and reopened as a continuation fragment
 * (`class="… cont"`, the same `data-ref`, no id), so the page stays well-formed and a highlight's
 * text is still exactly the text its span covers, fragments joined.
 */
import { escapeHtml } from '../emit/html.js';
import { NESTING, type Mark } from './marks.js';

/** The element id of an item's highlight or a heading's anchor: `d1/t3` → `v-d1_t3` (only [A-Za-z0-9_-]). */
export function anchorId(ref: string): string {
  return `v-${ref.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** Renders `text` with `marks` (offsets into it); `firstPage` numbers the page a form feed starts, or is null without pages. */
export function renderSource(text: string, marks: readonly Mark[], firstPage: number | null): string {
  const rank = (m: Mark) => NESTING.indexOf(m.kind);
  const valid = marks.filter((m) => m.start >= 0 && m.end >= m.start && m.end <= text.length);
  // Outer first at one start: the longer mark, then the outer kind.
  const sorted = [...valid].sort((a, b) => a.start - b.start || b.end - a.end || rank(a) - rank(b));
  const boundaries = [...new Set(valid.flatMap((m) => [m.start, m.end]))].sort((a, b) => a - b);
  const out: string[] = [];
  let page = firstPage ?? 1;
  const stack: Mark[] = [];
  let hidden = 0;
  let pos = 0;
  let next = 0;
  const emitText = (from: number, to: number) => {
    if (hidden > 0 || to <= from) return;
    out.push(
      escapeHtml(text.slice(from, to)).replace(/\r\n?|\f/g, (ch) =>
        ch === '\f' ? `<span class="pb" data-page="${++page}">\f</span>` : '\n',
      ),
    );
  };
  const open = (m: Mark, continuation: boolean) => {
    if (m.kind === 'redact') hidden++;
    out.push(openTag(m, continuation));
  };
  const close = (m: Mark) => {
    if (m.kind === 'redact') hidden--;
    out.push(closeTag(m));
  };
  for (const at of boundaries) {
    emitText(pos, at);
    pos = at;
    if (stack.some((m) => m.end === at)) {
      const reopen: Mark[] = [];
      while (stack.some((m) => m.end === at)) {
        const m = stack.pop()!;
        close(m);
        if (m.end !== at) reopen.unshift(m);
      }
      for (const m of reopen) {
        open(m, true);
        stack.push(m);
      }
    }
    for (; next < sorted.length && sorted[next].start === at; next++) {
      const m = sorted[next];
      if (m.end === m.start) {
        if (hidden === 0) out.push(openTag(m, false) + closeTag(m));
        continue;
      }
      open(m, false);
      stack.push(m);
    }
  }
  emitText(pos, text.length);
  return out.join('');
}

const attr = (name: string, value: string | undefined) => (value === undefined ? '' : ` ${name}="${escapeHtml(value)}"`);

function openTag(m: Mark, continuation: boolean): string {
  const ref = m.ref ?? '';
  switch (m.kind) {
    case 'anchor':
      return `<span class="anchor" id="${anchorId(ref)}">`;
    case 'measure':
    case 'responsibility':
    case 'target':
      return continuation
        ? `<mark class="hl k-${m.kind} cont"${attr('data-ref', ref)}>`
        : `<mark class="hl k-${m.kind}" id="${anchorId(ref)}"${attr('data-ref', ref)} tabindex="0">`;
    case 'duplicate':
      return `<del class="dup"${attr('title', m.note)}>`;
    case 'fix':
      return `<span class="fix${m.start === m.end ? ' ins' : ''}"${attr('title', m.note)}>`;
    case 'redact':
      return `<span class="redacted">${continuation ? '' : escapeHtml(m.note ?? '')}`;
    case 'diagnostic':
      return `<span class="diag sev-${escapeHtml(m.severity ?? 'info')}"${attr('data-note', m.note)}${attr('title', m.note)} tabindex="0">`;
  }
}

function closeTag(m: Mark): string {
  return m.kind === 'measure' || m.kind === 'responsibility' || m.kind === 'target' ? '</mark>' : m.kind === 'duplicate' ? '</del>' : '</span>';
}
