#!/usr/bin/env node
// Measures how much of a plan survives its renderings (fixtures/rendered/<stem>.{lo,cr}.layout.txt,
// .lo.docx, .lo.doc, .lo.pdf, .cr.pdf) compared with its plain text, or (--expect) how well the plain text and
// its renderings match the hand-read fixtures/styles/<stem>.expect.json.
//
//   npm run build && node scripts/measure-renderings.mjs            # rendering vs plain text
//   npm run build && node scripts/measure-renderings.mjs --expect   # plain + renderings vs expect.json
//   … --expect --verbose                                              # and what each reading missed
//
// Default mode, one row per rendering: documents (same count and titles: y/n), kept targets % (a plain
// target is kept when the rendering has one with the same normalised indicator, value and year), kept
// headings % (same level and title), extra headings (rendering headings with no plain counterpart), and
// furniture: titles, headings or indicators holding running-header/footer/page-number text.
// A rendering the library cannot read (InputError, e.g. PDF/DOCX before the read stage) is "unreadable".
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join, basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lib = await loadLibrary();
const RENDERINGS = ['lo.layout.txt', 'cr.layout.txt', 'lo.docx', 'lo.doc', 'lo.pdf', 'cr.pdf'];
const expectMode = process.argv.includes('--expect');
/** --verbose (with --expect): list the expected headings, targets and duties each reading missed. */
const verbose = process.argv.includes('--verbose');

/** The built library: dist/index.js when the package has one, else the pipeline module it re-exports. */
async function loadLibrary() {
  for (const entry of ['dist/index.js', 'dist/pipeline.js']) {
    const file = join(root, entry);
    if (existsSync(file)) return import(file);
  }
  console.error('measure-renderings: no dist/ — run `npm run build` first');
  process.exit(2);
}

// ---- reading --------------------------------------------------------------------------------------

/** Extracts one file (any format); `{ error }` says why it could not be read (InputError) or crashed. */
async function run(path) {
  try {
    return { result: await (lib.extractAsync ?? lib.extract)(new Uint8Array(readFileSync(path)), path) };
  } catch (err) {
    const unreadable = lib.InputError && err instanceof lib.InputError;
    return { error: `${unreadable ? 'unreadable' : 'crash'}: ${String(err.message).split('\n')[0].slice(0, 80)}` };
  }
}

function flattenSections(sections, out = []) {
  for (const s of sections) {
    out.push(s);
    flattenSections(s.children ?? [], out);
  }
  return out;
}

/** Comparable text: NFKC (full-width → ASCII punctuation and digits), no whitespace, no closing 。/. */
function norm(text) {
  return String(text ?? '').normalize('NFKC').replace(/\s+/gu, '').replace(/[。.;；:：]+$/u, '');
}

/** An indicator without a trailing unit in parentheses, so 婴儿死亡率（‰） and 婴儿死亡率 compare equal. */
function normIndicator(text) {
  return norm(text).replace(/\((%|‰|岁|人|个|张|天|名|元|万元|亿元|万亿元|1\/10万|[^()]{0,6}\/[^()]{0,6})\)$/u, '');
}

/** Running-header/footer/page-number text that must never reach a title, heading or indicator. */
const FURNITURE = [
  /file:\/\//iu,
  /\b\d{1,2}:\d{2}\s*[AP]M\b/u,
  /\b\d{1,2}\/\d{1,2}\/\d{2,4},/u, // Chromium's date 12/1/26,
  /(^|\s)[-—–]\s*\d{1,4}\s*[-—–](\s|$)/u, // - 12 -  —12—
  /(^|\s)\d{1,4}\s*\/\s*\d{1,4}(\s|$)/u, // 1/44 (not 1/10万)
  /第\s*\d+\s*页/u,
];
const isFurniture = (text) => FURNITURE.some((re) => re.test(String(text ?? '')));

/** What the measures need from one ExtractResult. */
function summarise(result) {
  const docs = result.documents.map((d) => ({
    kind: d.kind,
    title: d.title,
    label: d.label ?? null,
    docNumber: d.docNumber ?? null,
    headings: flattenSections(d.sections).map((s) => ({ level: s.level, marker: s.marker, title: s.title })),
    targets: d.targets,
    // A department as its canonical name and as written: the expect files write names as written (区卫健局).
    duties: d.responsibilities.map((r) => ({ lead: r.lead.map((x) => [x.name, x.raw]), support: r.support.map((x) => [x.name, x.raw]), form: r.form })),
  }));
  const furniture = [];
  for (const d of docs) {
    if (isFurniture(d.title)) furniture.push(`title «${d.title}»`);
    for (const h of d.headings) if (isFurniture(h.title)) furniture.push(`heading «${h.marker}${h.title}»`);
    for (const t of d.targets) if (isFurniture(t.indicator)) furniture.push(`indicator «${t.indicator}»`);
  }
  return { docs, furniture };
}

/** Size of the multiset intersection of two key lists. */
function commonCount(a, b) {
  const counts = new Map();
  for (const k of b) counts.set(k, (counts.get(k) ?? 0) + 1);
  let n = 0;
  for (const k of a) {
    const c = counts.get(k) ?? 0;
    if (c > 0) {
      n++;
      counts.set(k, c - 1);
    }
  }
  return n;
}

const pct = (num, den) => (den === 0 ? '  n/a' : `${((100 * num) / den).toFixed(1).padStart(5)}`);
const targetKey = (t) => `${normIndicator(t.indicator)}|${t.value}|${t.year}`;
const headingKey = (h) => `${h.level}|${norm(h.title)}`;

function plainFixtures() {
  const samples = readdirSync(join(root, 'fixtures'))
    .filter((f) => /^0.*\.txt$/u.test(f))
    .map((f) => join('fixtures', f));
  const styles = existsSync(join(root, 'fixtures/styles'))
    ? readdirSync(join(root, 'fixtures/styles'))
        .filter((f) => /\.(txt|html)$/u.test(f))
        .map((f) => join('fixtures/styles', f))
    : [];
  return [...samples.sort(), ...styles.sort()];
}

const stemOf = (path) => basename(path).replace(/\.(txt|html)$/u, '');
const renderingsOf = (stem) =>
  RENDERINGS.map((r) => join('fixtures/rendered', `${stem}.${r}`)).filter((p) => existsSync(join(root, p)));

function printTable(header, rows) {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells) => cells.map((c, i) => pad(String(c), widths[i])).join('  ').trimEnd();
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}
/** Display width: CJK counts two columns. */
function width(s) {
  let w = 0;
  for (const ch of String(s)) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}
const pad = (s, w) => s + ' '.repeat(Math.max(0, w - width(s)));

// ---- mode 1: renderings against their plain text -------------------------------------------------------

async function compareWithPlain() {
  const rows = [];
  const stats = { renderings: 0, read: 0, sameDocs: 0, targetPct: [], headingPct: [], furniture: 0, unreadable: 0 };
  for (const plainPath of plainFixtures()) {
    const plainRun = await run(join(root, plainPath));
    if (plainRun.error) {
      rows.push([plainPath, '-', '-', '-', '-', '-', plainRun.error]);
      continue;
    }
    const plain = summarise(plainRun.result);
    const plainTargets = plain.docs.flatMap((d) => d.targets.map(targetKey));
    const plainHeadings = plain.docs.flatMap((d) => d.headings.map(headingKey));
    rows.push([
      plainPath,
      `${plain.docs.length}`,
      `${plainTargets.length} targets`,
      `${plainHeadings.length} headings`,
      '',
      plain.furniture.length ? `yes (${plain.furniture.length})` : 'no',
      '(plain text)',
    ]);
    for (const rendering of renderingsOf(stemOf(plainPath))) {
      stats.renderings++;
      const r = await run(join(root, rendering));
      if (r.error) {
        stats.unreadable++;
        rows.push([`  ${basename(rendering)}`, '-', '-', '-', '-', '-', r.error]);
        continue;
      }
      stats.read++;
      const got = summarise(r.result);
      const sameDocs =
        got.docs.length === plain.docs.length && got.docs.every((d, i) => norm(d.title) === norm(plain.docs[i].title));
      const gotTargets = got.docs.flatMap((d) => d.targets.map(targetKey));
      const gotHeadings = got.docs.flatMap((d) => d.headings.map(headingKey));
      const keptT = commonCount(plainTargets, gotTargets);
      const keptH = commonCount(plainHeadings, gotHeadings);
      const extra = gotHeadings.length - commonCount(gotHeadings, plainHeadings);
      if (sameDocs) stats.sameDocs++;
      if (plainTargets.length) stats.targetPct.push((100 * keptT) / plainTargets.length);
      if (plainHeadings.length) stats.headingPct.push((100 * keptH) / plainHeadings.length);
      if (got.furniture.length) stats.furniture++;
      rows.push([
        `  ${basename(rendering)}`,
        `${sameDocs ? 'y' : 'n'} (${got.docs.length})`,
        `${pct(keptT, plainTargets.length)}% (${keptT}/${plainTargets.length}, got ${gotTargets.length})`,
        `${pct(keptH, plainHeadings.length)}% (${keptH}/${plainHeadings.length})`,
        `${extra}`,
        got.furniture.length ? `yes (${got.furniture.length}) ${got.furniture[0].slice(0, 40)}` : 'no',
        '',
      ]);
    }
  }
  printTable(['rendering', 'docs same', 'kept targets', 'kept headings', 'extra h.', 'furniture', 'note'], rows);
  const mean = (xs) => (xs.length ? (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1) : 'n/a');
  const min = (xs) => (xs.length ? Math.min(...xs).toFixed(1) : 'n/a');
  console.log(
    `summary: ${stats.renderings} renderings, ${stats.read} read, ${stats.unreadable} unreadable; ` +
      `same documents ${stats.sameDocs}/${stats.read}; kept targets mean ${mean(stats.targetPct)}% (min ${min(stats.targetPct)}%); ` +
      `kept headings mean ${mean(stats.headingPct)}% (min ${min(stats.headingPct)}%); furniture in ${stats.furniture}/${stats.read}`,
  );
}

// ---- mode 2: plain texts and renderings against the hand-read expectations ------------------------------

/** Indicators match when equal once normalised, or when one holds the other (a scope word like 全县 kept or dropped). */
function sameIndicator(a, b) {
  const x = normIndicator(a);
  const y = normIndicator(b);
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 3 && long.includes(short);
}

/** Values agree, counting 1.5 万张 and 15000 张 as one value. */
function sameValue(exp, got) {
  const scaled = (t) => (typeof t.unit === 'string' && /^万[^/]/u.test(t.unit) ? t.value * 10000 : t.value);
  return got.value === exp.value || (got.value != null && exp.value != null && Math.abs(scaled(got) - scaled(exp)) < 1e-9);
}

/** A got target matches an expected one: same indicator and value, and year (a period-only year may be left null). */
function targetMatches(exp, got) {
  if (!sameValue(exp, got) || !sameIndicator(exp.indicator, got.indicator)) return false;
  return got.year === exp.year || (exp.yearFrom === 'period' && got.year == null);
}

/**
 * Pairs each expected document with a got one, in three passes so that a looser match never takes a
 * document a stricter one wants: a title that holds the expected one (equal, or with a label or
 * furniture stuck to it); then a title the expected one holds (truncated); then the same index when
 * the kind agrees. Among several candidates the one
 * with the most headings and targets wins (a stub split off an attachment list does not hide the
 * real plan). Whether titles are exactly right is scored separately.
 */
function pairDocuments(expDocs, gotDocs) {
  const used = new Set();
  const pairs = expDocs.map(() => null);
  const weight = (g) => g.headings.length + g.targets.length;
  const passes = [
    (e, g) => e.title != null && g.title != null && norm(g.title).includes(norm(e.title)),
    (e, g) => e.title != null && g.title != null && norm(g.title).length >= 4 && norm(e.title).includes(norm(g.title)),
    (e, g, i, j) => i === j && g.kind === e.kind,
  ];
  for (const fits of passes) {
    expDocs.forEach((e, i) => {
      if (pairs[i]) return;
      const candidates = gotDocs
        .map((g, j) => ({ g, j }))
        .filter(({ g, j }) => !used.has(j) && fits(e, g, i, j))
        .sort((x, y) => weight(y.g) - weight(x.g));
      if (!candidates.length) return;
      used.add(candidates[0].j);
      pairs[i] = candidates[0].g;
    });
  }
  return pairs;
}

/** True when the departments read (each as [name, raw]) are the expected names: as many, each one of them. */
const sameDepartments = (read, names) => read.length === names.length && read.every((forms) => forms.some((f) => names.map(norm).includes(norm(f))));

/**
 * Expected duties matched by duties read (each read duty used once), and those missed: the same
 * number of leads, each expected lead the canonical name or the written form of one of them.
 * `supported`: the matched duties whose supporting departments are the expected ones too.
 */
function matchDuties(expected, got) {
  const free = new Set(got.map((_, j) => j));
  const missed = [];
  let supported = 0;
  for (const e of expected) {
    const j = [...free].find((k) => sameDepartments(got[k].lead, e.lead));
    if (j === undefined) missed.push(e);
    else {
      free.delete(j);
      if (sameDepartments(got[j].support, e.support)) supported++;
    }
  }
  return { matched: expected.length - missed.length, supported, missed };
}

/** Scores one reading against an expect file; returns the row cells and the counts for the summary. */
function scoreAgainstExpect(expect, got) {
  const c = { missed: [], docsOk: 0, docs: expect.documents.length, hTP: 0, hExp: 0, hGot: 0, tTP: 0, tExp: 0, tGot: 0, cmpOk: 0, dTP: 0, dSupport: 0, dExp: 0, meta: 0, metaN: 0 };
  const pairs = pairDocuments(expect.documents, got.docs);
  expect.documents.forEach((e, i) => {
    const g = pairs[i];
    const titleOk = g && (e.title == null || norm(g.title) === norm(e.title));
    if (g && g.kind === e.kind && titleOk) c.docsOk++;
    for (const field of ['label', 'docNumber']) {
      if (e[field] == null) continue;
      c.metaN++;
      if (g && norm(g[field]) === norm(e[field])) c.meta++;
    }
    c.hExp += e.headings.length;
    c.tExp += e.targets.length;
    c.dExp += e.duties.length;
    if (!g) return;
    const expH = e.headings.map((h) => `${h.level}|${norm(h.marker)}|${norm(h.title)}`);
    const gotH = g.headings.map((h) => `${h.level}|${norm(h.marker)}|${norm(h.title)}`);
    c.hGot += gotH.length;
    c.hTP += commonCount(expH, gotH);
    const gotT = g.targets.filter((t) => t.value != null);
    c.tGot += gotT.length;
    const free = new Set(gotT.map((_, j) => j));
    for (const t of e.targets) {
      const j = [...free].find((k) => targetMatches(t, gotT[k]));
      if (j === undefined) continue;
      free.delete(j);
      c.tTP++;
      if (gotT[j].comparator === t.comparator) c.cmpOk++;
    }
    const duties = matchDuties(e.duties, g.duties);
    c.dTP += duties.matched;
    c.dSupport += duties.supported;
    if (verbose) {
      const gotHSet = new Set(gotH);
      for (const h of expH) if (!gotHSet.has(h)) c.missed.push(`heading ${h}`);
      for (const t of e.targets) if (!gotT.some((x) => targetMatches(t, x))) c.missed.push(`target ${t.indicator} ${t.comparator} ${t.value} ${t.unit} ${t.year}`);
      const taken = new Set(e.targets.flatMap((t) => gotT.filter((x) => targetMatches(t, x))));
      for (const x of gotT) if (!taken.has(x)) c.missed.push(`  extra target ${x.indicator} ${x.comparator} ${x.value} ${x.unit} ${x.year}`);
      for (const d of duties.missed) c.missed.push(`duty ${d.lead.join('+')}`);
    }
  });
  return c;
}

async function compareWithExpect() {
  const dir = join(root, 'fixtures/styles');
  const expects = readdirSync(dir).filter((f) => f.endsWith('.expect.json')).sort();
  const rows = [];
  const total = { n: 0, docsOk: 0, docs: 0, hTP: 0, hExp: 0, hGot: 0, tTP: 0, tExp: 0, tGot: 0, dTP: 0, dSupport: 0, dExp: 0 };
  for (const file of expects) {
    const expect = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const stem = file.replace(/\.expect\.json$/u, '');
    for (const path of [expect.source, ...renderingsOf(stem)]) {
      const r = await run(join(root, path));
      const name = path === expect.source ? path : `  ${basename(path)}`;
      if (r.error) {
        rows.push([name, '-', '-', '-', '-', '-', '-', r.error]);
        continue;
      }
      const c = scoreAgainstExpect(expect, summarise(r.result));
      if (verbose) for (const m of c.missed) console.log(`${path}: missed ${m}`);
      total.n++;
      for (const k of Object.keys(total)) if (k !== 'n') total[k] += c[k];
      rows.push([
        name,
        `${c.docsOk}/${c.docs} (got ${r.result.documents.length})`,
        c.metaN ? `${c.meta}/${c.metaN}` : '-',
        `P ${pct(c.hTP, c.hGot)} R ${pct(c.hTP, c.hExp)}`,
        `P ${pct(c.tTP, c.tGot)} R ${pct(c.tTP, c.tExp)}`,
        c.tTP ? `${pct(c.cmpOk, c.tTP)}%` : '-',
        c.dExp ? `R ${pct(c.dTP, c.dExp)} (${c.dTP}/${c.dExp}, support ok ${c.dSupport})` : '-',
        '',
      ]);
    }
  }
  printTable(['reading', 'documents', 'label/文号', 'headings %', 'targets %', 'cmp ok', 'duties %', 'note'], rows);
  console.log(
    `summary (--expect): ${total.n} readings scored; documents ${total.docsOk}/${total.docs}; ` +
      `headings P ${pct(total.hTP, total.hGot).trim()}% R ${pct(total.hTP, total.hExp).trim()}%; ` +
      `targets P ${pct(total.tTP, total.tGot).trim()}% R ${pct(total.tTP, total.tExp).trim()}%; ` +
      `duties R ${pct(total.dTP, total.dExp).trim()}% (support ok in ${pct(total.dSupport, total.dTP).trim()}% of them)`,
  );
}

if (expectMode) await compareWithExpect();
else await compareWithPlain();
