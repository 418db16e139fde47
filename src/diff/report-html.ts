/**
 * The HTML report of `plans diff`: one self-contained page (inline CSS, no scripts, no fonts or
 * anything else from the network — a Content-Security-Policy forbids it), with per pair a verdict
 * summary (each count in an element with `data-verdict`), a side-by-side target table coloured by
 * verdict, and the measures side by side (child | parent), edited ones with the words the child
 * inserted marked <ins> on its side and the words it deleted marked <del> on the parent's side.
 */
import { SUMMARY_KEYS, type DiffResult, type DocumentDiff, type MeasurePair, type TargetPair, type TextChange } from './model.js';
import { formatTarget } from './format-target.js';
import { CJK_FONTS, cspMeta, escapeHtml } from '../emit/html.js';

const STYLE = `
body{font-family:${CJK_FONTS};margin:2rem;color:#1f2328;background:#fff;line-height:1.5}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2.5rem}h3{font-size:1rem}
.meta{color:#59636e;font-size:.9rem}
.summary{display:flex;gap:.5rem;flex-wrap:wrap;padding:0;list-style:none}
.summary li{padding:.3rem .7rem;border-radius:.4rem;border:1px solid #d1d9e0}
.summary [data-verdict]{font-weight:700;margin-left:.3rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
th,td{border:1px solid #d1d9e0;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}
.v-same{background:#f6f8fa;color:#59636e}
.v-stricter{background:#dafbe1}
.v-looser{background:#ffebe9}
.v-changed,.v-edited{background:#fff8c5}
.v-added{background:#ddf4ff}
.v-dropped{background:#fbefff}
.measures td.text{white-space:pre-wrap;width:38%}
.side{display:inline-block;font-size:.75rem;color:#59636e;border:1px solid #d1d9e0;border-radius:.3rem;padding:0 .3rem;margin-right:.3rem}
.measures .title{font-weight:600}
ins{background:#aceebb;text-decoration:none}
del{background:#ffcecb}
.line{color:#59636e;font-size:.85rem}
`;

/**
 * A self-contained page: inline CSS only, and a Content-Security-Policy that forbids loading
 * anything (scripts, fonts, images other than data: URLs) and allows only its own style, by hash. `body` is HTML; `title` is text.
 */
export function htmlPage(title: string, body: string, style = ''): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
${cspMeta([STYLE + style])}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}${style}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
}

/** Renders the whole result as one HTML page. */
export function renderHtml(result: DiffResult): string {
  const sections = result.pairs.map((pair, index) => renderPair(pair, index)).join('\n');
  const unpaired = [
    result.unpaired.child.length > 0 ? `<p>Unpaired in child: ${escapeHtml(result.unpaired.child.join(', '))}</p>` : '',
    result.unpaired.parent.length > 0 ? `<p>Unpaired in parent: ${escapeHtml(result.unpaired.parent.join(', '))}</p>` : '',
  ].join('');
  return htmlPage('plans diff', `${sections}\n${unpaired}`);
}

function renderPair(pair: DocumentDiff, index: number): string {
  const summary = SUMMARY_KEYS.map(
    (k) => `<li class="v-${k}">${k}<span data-verdict="${k}">${pair.summary[k]}</span></li>`,
  ).join('');
  return `<section class="pair" data-pair="${index}">
<h2>${escapeHtml(pair.child.title)} ↔ ${escapeHtml(pair.parent.title)}</h2>
<p class="meta">child: ${escapeHtml(pair.child.file)} ${escapeHtml(pair.child.documentId)} · parent: ${escapeHtml(pair.parent.file)} ${escapeHtml(pair.parent.documentId)} · paired by ${escapeHtml(pair.pairedBy)}</p>
<ul class="summary">${summary}</ul>
<p class="meta">Targets and measures counted together; an edited measure counts as changed.</p>
<h3>Targets (${pair.targets.length})</h3>
<table class="targets">
<thead><tr><th>Indicator</th><th>Year</th><th>Child</th><th>Parent</th><th>Verdict</th></tr></thead>
<tbody>
${pair.targets.map(targetRow).join('\n')}
</tbody>
</table>
<h3>Measures (${pair.measures.length})</h3>
<table class="measures">
<thead><tr><th>Verdict</th><th>Child</th><th>Parent</th><th>Departments</th></tr></thead>
<tbody>
${pair.measures.map(measureRow).join('\n')}
</tbody>
</table>
</section>`;
}

const lineNote = (line: number | undefined) => (line === undefined ? '' : ` <span class="line">line ${line}</span>`);

function targetRow(t: TargetPair): string {
  const compound = t.match === 'compound' ? ' <span class="line">(compound indicator)</span>' : '';
  return `<tr class="v-${t.verdict}"><td>${escapeHtml(t.indicator)}${compound}</td><td>${t.year ?? ''}</td><td>${escapeHtml(formatTarget(t.child))}${lineNote(t.child?.span.start.line)}</td><td>${escapeHtml(formatTarget(t.parent))}${lineNote(t.parent?.span.start.line)}</td><td>${t.verdict}</td></tr>`;
}

function measureRow(m: MeasurePair): string {
  const r = m.responsibilities;
  const list = (label: string, names: readonly string[], mark: string) =>
    names.length === 0 ? '' : `<div data-departments="${label}">${label}: ${names.map((d) => (mark ? `<${mark}>${escapeHtml(d)}</${mark}>` : escapeHtml(d))).join('、')}</div>`;
  const departments = r ? list('added', r.added, 'ins') + list('removed', r.removed, 'del') + list('kept', r.kept, '') : '';
  const similarity = m.child && m.parent ? `<br><span class="line">similarity ${m.similarity.toFixed(2)}</span>` : '';
  return `<tr class="v-${m.verdict}"><td>${m.verdict}${similarity}</td>${measureSide(m, 'child')}${measureSide(m, 'parent')}<td>${departments}</td></tr>`;
}

/**
 * One side of a measure row: its label, title, source line and text. For an edited measure the
 * child's side shows the equal and inserted words, the parent's side the equal and deleted ones.
 */
function measureSide(m: MeasurePair, side: 'child' | 'parent'): string {
  const measure = m[side];
  if (!measure) return '<td class="text"></td>';
  const hidden = side === 'child' ? 'delete' : 'insert';
  const text = m.textDiff ? renderChanges(m.textDiff.filter((c) => c.op !== hidden)) : escapeHtml(measure.text);
  return `<td class="text"><span class="side">${side}</span><span class="title">${escapeHtml(measure.title)}</span>${lineNote(measure.span.start.line)}\n${text}</td>`;
}

function renderChanges(changes: readonly TextChange[]): string {
  return changes.map((c) => (c.op === 'insert' ? `<ins>${escapeHtml(c.text)}</ins>` : c.op === 'delete' ? `<del>${escapeHtml(c.text)}</del>` : escapeHtml(c.text))).join('');
}
