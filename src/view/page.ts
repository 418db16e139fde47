/**
 * `plans view`: one self-contained page to review every extraction of one input in its source —
 * the source text with each target, measure and responsibility highlighted (a card on hover or
 * focus), the documents' heading trees, sortable and filterable tables of targets and
 * responsibilities, normalisation fixes, removed duplicates and diagnostics marked in the text.
 * Nothing is fetched: the CSP allows only the page's own style and script, by hash.
 */
import type { Department, ExtractResult, Measure, PlanDocument, Responsibility, Section, Target } from '../model/schemas.js';
import { cspMeta, escapeHtml, jsonForScript } from '../emit/html.js';
import { collectMarks, viewSourceOf, type ViewSource } from './marks.js';
import { anchorId, renderSource } from './source-html.js';
import { VIEW_SCRIPT, VIEW_STYLE } from './assets.js';

export { viewSourceOf, type ViewSource };

export interface ViewOptions {
  /** Hide personal contact data in the source text, as --redact does in every output. */
  redact?: boolean;
}

/** A card: a title and label/value rows, rendered by the page's script with textContent. */
interface Card {
  title: string;
  fields: [string, string][];
}

export function renderView(result: ExtractResult, source: ViewSource, options: ViewOptions = {}): string {
  const marks = collectMarks(result, source, options.redact === true);
  const text = renderSource(source.text, marks, source.pageStarts === null ? null : 1);
  const items: Record<string, Card> = {};
  for (const doc of result.documents) {
    const sections = sectionLabels(doc.sections);
    const responsibilities = new Map(doc.responsibilities.map((r) => [r.id, r]));
    for (const t of doc.targets) items[`${doc.id}/${t.id}`] = targetCard(t, sections);
    for (const r of doc.responsibilities) items[`${doc.id}/${r.id}`] = responsibilityCard(r, sections);
    for (const m of doc.measures) items[`${doc.id}/${m.id}`] = measureCard(m, sections, responsibilities);
  }
  const targetOrder = marks
    .filter((m) => m.kind === 'target')
    .sort((a, b) => a.start - b.start)
    .map((m) => anchorId(m.ref!));
  const data = jsonForScript({ items, targetOrder });
  const title = `plans view · ${result.source.path}`;
  const counts = result.documents.reduce(
    (c, d) => ({ t: c.t + d.targets.length, m: c.m + d.measures.length, r: c.r + d.responsibilities.length }),
    { t: 0, m: 0, r: 0 },
  );
  const pages = result.source.pages === null ? '' : ` · ${result.source.pages} pages`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
${cspMeta([VIEW_STYLE], [VIEW_SCRIPT])}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${VIEW_STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(result.source.format)}${pages} · ${result.documents.length} documents · ${counts.t} targets · ${counts.m} measures · ${counts.r} responsibilities · ${result.diagnostics.length} diagnostics · keys j/k: next/previous target</p>
<p class="meta legend"><span class="hl k-target">target</span><span class="hl k-measure">measure</span><span class="hl k-responsibility">responsibility</span><span class="fix">normalised</span><span class="dup">removed repeat</span></p>
</header>
<div class="layout">
<nav class="panel" aria-label="Documents and extractions">
<div class="tabs" role="tablist">
<button type="button" role="tab" aria-selected="true" aria-controls="tab-contents">Contents</button>
<button type="button" role="tab" aria-selected="false" aria-controls="tab-targets">Targets (${counts.t})</button>
<button type="button" role="tab" aria-selected="false" aria-controls="tab-responsibilities">Responsibilities (${counts.r})</button>
</div>
<section class="tab" id="tab-contents" role="tabpanel">
${result.documents.map(documentTree).join('\n')}
</section>
<section class="tab" id="tab-targets" role="tabpanel" hidden>
${targetTable(result.documents)}
</section>
<section class="tab" id="tab-responsibilities" role="tabpanel" hidden>
${responsibilityTable(result.documents)}
</section>
</nav>
<main class="text">
<pre class="source">
${text}</pre>
</main>
</div>
<div id="card" class="card" role="tooltip" hidden></div>
<script type="application/json" id="plans-data">${data}</script>
<script>${VIEW_SCRIPT}</script>
</body>
</html>
`;
}

/** `（一）指导思想` for every section id of a document. */
function sectionLabels(sections: readonly Section[]): Map<string, string> {
  const labels = new Map<string, string>();
  const visit = (s: Section): void => {
    labels.set(s.id, `${s.marker}${s.title}`);
    s.children.forEach(visit);
  };
  sections.forEach(visit);
  return labels;
}

/** `5` or, for a range, `5–8`; empty without a value. */
const formatValue = (t: Target) => (t.value === null ? '' : t.valueMax !== null ? `${t.value}–${t.valueMax}` : String(t.value));

const names = (list: readonly Department[]) => list.map((d) => d.name).join('、');

function targetCard(t: Target, sections: Map<string, string>): Card {
  // yearFrom is read when the model has it (DESIGN.md lists it; older results lack it).
  const yearFrom = (t as { yearFrom?: string | null }).yearFrom;
  const baseline = t.baseline ? [t.baseline.value, t.baseline.unit, t.baseline.year === null ? null : `(${t.baseline.year})`].filter((x) => x !== null).join(' ') : '';
  const fields: [string, string][] = [
    ['indicator', t.indicator],
    ['comparator', t.comparator],
    ['value', formatValue(t)],
    ['unit', t.unit ?? ''],
    ['year', t.year === null ? '' : String(t.year)],
    ...(yearFrom === undefined ? [] : [['yearFrom', yearFrom ?? ''] as [string, string]]),
    ['baseline', baseline],
    ['nature', t.nature ?? ''],
    ['source', t.tableId === null ? t.source : `${t.source} ${t.tableId}`],
    ['section', t.sectionId === null ? '' : (sections.get(t.sectionId) ?? t.sectionId)],
  ];
  return { title: `target ${t.id}`, fields: fields.filter((f) => f[1] !== '') };
}

function responsibilityCard(r: Responsibility, sections: Map<string, string>): Card {
  const fields: [string, string][] = [
    ['lead', names(r.lead)],
    ['support', names(r.support)],
    ['as written', [...r.lead, ...r.support].map((d) => d.raw).join('、')],
    ['form', r.form],
    ['measure', r.measureId ?? ''],
    ['section', r.sectionId === null ? '' : (sections.get(r.sectionId) ?? r.sectionId)],
  ];
  return { title: `responsibility ${r.id}`, fields: fields.filter((f) => f[1] !== '') };
}

function measureCard(m: Measure, sections: Map<string, string>, responsibilities: Map<string, Responsibility>): Card {
  const linked = m.responsibilityIds.map((id) => responsibilities.get(id)).filter((r): r is Responsibility => r !== undefined);
  const fields: [string, string][] = [
    ['title', m.title],
    ['lead', names(linked.flatMap((r) => r.lead))],
    ['support', names(linked.flatMap((r) => r.support))],
    ['section', sections.get(m.sectionId) ?? m.sectionId],
  ];
  return { title: `measure ${m.id}`, fields: fields.filter((f) => f[1] !== '') };
}

const link = (ref: string, label: string) => `<a href="#${anchorId(ref)}" data-goto="${anchorId(ref)}">${escapeHtml(label)}</a>`;

function documentTree(doc: PlanDocument): string {
  const entries = (list: readonly Section[]): string =>
    list.map((s) => `<li>${link(`${doc.id}/${s.id}`, `${s.marker} ${s.title}`)}${s.children.length > 0 ? `<ul>${entries(s.children)}</ul>` : ''}</li>`).join('');
  const label = `${doc.label ? `${doc.label} ` : ''}${doc.title || '(untitled)'}`;
  return `<div class="doc">${escapeHtml(doc.id)} · ${escapeHtml(doc.kind)} · ${link(`${doc.id}/doc`, label)}</div>
<ul class="tree">${entries(doc.sections)}</ul>`;
}

/** A table of items, one row per item that scrolls to its highlight; a filter box under each header. */
function itemTable(kind: string, header: readonly string[], rows: readonly { ref: string; cells: readonly string[]; line: number }[]): string {
  const ths = header.map((h, i) => `<th data-col="${i}" scope="col">${escapeHtml(h)}</th>`).join('');
  const filters = header.map((h, i) => `<td><input data-col="${i}" aria-label="filter ${escapeHtml(h)}"></td>`).join('');
  const body = rows
    .map((r) => `<tr data-goto="${anchorId(r.ref)}" tabindex="0">${r.cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}<td data-sort="${r.line}">${r.line}</td></tr>`)
    .join('\n');
  return `<div class="scroll"><table class="items ${kind}">
<thead><tr>${ths}<th data-col="${header.length}" scope="col">line</th></tr><tr>${filters}<td></td></tr></thead>
<tbody>
${body}
</tbody>
</table></div>`;
}

function targetTable(documents: readonly PlanDocument[]): string {
  const rows = documents.flatMap((doc) => {
    const sections = sectionLabels(doc.sections);
    return doc.targets.map((t) => {
      const yearFrom = (t as { yearFrom?: string | null }).yearFrom ?? '';
      return {
        ref: `${doc.id}/${t.id}`,
        line: t.span.start.line,
        cells: [doc.id, t.sectionId === null ? '' : (sections.get(t.sectionId) ?? ''), t.indicator, t.comparator, formatValue(t), t.unit ?? '', t.year === null ? '' : String(t.year), yearFrom, t.nature ?? ''],
      };
    });
  });
  return itemTable('targets', ['doc', 'section', 'indicator', 'comparator', 'value', 'unit', 'year', 'yearFrom', 'nature'], rows);
}

function responsibilityTable(documents: readonly PlanDocument[]): string {
  const rows = documents.flatMap((doc) => {
    const sections = sectionLabels(doc.sections);
    return doc.responsibilities.map((r) => ({
      ref: `${doc.id}/${r.id}`,
      line: r.span.start.line,
      cells: [doc.id, r.sectionId === null ? '' : (sections.get(r.sectionId) ?? ''), names(r.lead), names(r.support), r.form],
    }));
  });
  return itemTable('responsibilities', ['doc', 'section', 'lead', 'support', 'form'], rows);
}
