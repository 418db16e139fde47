/**
 * HTML → main text, for the decode stage.
 *
 * A government web page holds one document between site chrome (menus, breadcrumb, side bars,
 * footer with copyright and ICP number). The page is parsed with cheerio (htmlparser2, with start
 * and end indices), boilerplate is pruned, the content element is picked by a generic rule, and its
 * text is laid out as lines: blocks and `<br>` end lines, a data table's rows become lines with
 * their cells joined by `\t`. Every character of the result keeps the offset, in the decoded HTML
 * string, of the character it came from (an entity's characters point at its `&`).
 */
import { lazyModule } from '../../lazy-module.js';
import type { AnyNode, Document, Element } from 'domhandler';
import type { StageContext } from '../../model/stages.js';
import type { MappedText } from '../../text/mapped-text.js';

/** cheerio, loaded when the first HTML page is read. */
const cheerio = lazyModule<typeof import('cheerio')>('cheerio');

/** Elements whose content is never text of the page. */
const SKIPPED_TAGS = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas',
  'select', 'option', 'button', 'input', 'textarea', 'map', 'audio', 'video',
]);

/** Elements that are site chrome by their tag. */
const CHROME_TAGS = new Set(['nav', 'aside', 'header', 'footer', 'menu']);

/** Block elements: they start and end a line (or, inside a table cell, a space). */
const BLOCK_TAGS = new Set([
  'address', 'article', 'blockquote', 'center', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'ul',
  'table', 'tbody', 'thead', 'tfoot', 'caption', 'tr', 'td', 'th', 'body', 'header', 'footer',
]);

/**
 * class/id words of site chrome. Whole words (split at `-`, `_`, space and case changes) match
 * the first list; the second list also matches inside a word (`topnav`, `sidemenu`, `crumbs`).
 * `dqwz` (当前位置) and `wzdh` (网站导航) are the pinyin initials common on Chinese sites.
 */
const CHROME_WORDS = new Set([
  'head', 'header', 'top', 'topbar', 'foot', 'bottom', 'side', 'sidebar', 'share', 'search',
  'position', 'location', 'login', 'banner', 'toolbar', 'links', 'dqwz', 'wzdh', 'print', 'related',
]);
const CHROME_PARTS = /nav|menu|crumb|footer|copyright|friendlink/;

/** class/id (or tag) hints of a content element: 正文 areas are named like this on most sites. */
const CONTENT_HINT = /content|article|artical|zoom|trs_?editor|detail|main|text|editor|zhengwen/;
/** Chrome words that, inside an article, name its own heading block rather than the site's. */
const HEADING_WORDS = new Set(['head', 'header', 'top']);
/** A content-hinted element with at least this much text protects its ancestors from pruning. */
const CONTENT_MIN_TEXT = 100;

/** A content element must hold at least this share of the page's non-link text. */
const HINTED_MIN_SHARE = 0.5;
/** Without a hint, the deepest element holding this share of the page's text is the content. */
const DENSE_MIN_SHARE = 0.8;

/** Per element: its visible non-link text (non-white-space code units) and link text. */
interface ElementStats {
  text: number;
  link: number;
  links: number;
  /** The subtree holds a `<table>` (a table holding tables is a layout table). */
  hasTable: boolean;
  /** The subtree holds a content-hinted element with text (it is never pruned as chrome). */
  holdsContent: boolean;
  /** Most cells in one row (tables only). */
  maxCells: number;
}

/** The `<body>`, or the document itself for a fragment without one. */
type Container = Element | Document;

/** The page analysed: counts per element, what was pruned, which tables hold data. */
interface PageAnalysis {
  stats: Map<Container, ElementStats>;
  /** Elements that never hold page text (script, style, hidden …). */
  skipped: Set<AnyNode>;
  /** `skipped` and site chrome. */
  pruned: Set<AnyNode>;
  dataTables: Set<Element>;
  /** The first few <h1> elements, in document order. */
  headings: Element[];
}

/**
 * Reduces a decoded HTML page to its main text. `html` is the whole decoded file; the origins of
 * the result are 0-based offsets into it. Reports PLN006 (at the `<body>`) when no content element
 * stands out and the whole body is used. Returns an empty text for a page without visible text.
 */
export function htmlMainText(html: string, ctx: StageContext): MappedText {
  // htmlparser2 rather than parse5: parse5's tree building is quadratic in the nesting depth.
  // Same length as `html`: offsets into it are offsets into the source.
  const parsed = flattenDeepNesting(html);
  const $ = cheerio().load(parsed, {
    xml: { xmlMode: false, decodeEntities: true, withStartIndices: true, withEndIndices: true },
  });
  const body: Container = ($('body')[0] as Element | undefined) ?? ($.root()[0] as Document);
  const page = analyse(body);
  const main = pickMainElement(body, page);
  const text = main ? layOut(parsed, withTitle(main, page), page, page.pruned) : layOut(parsed, [body], page, page.pruned);
  // A page of nothing but chrome (a list of links) still has its text: lay it all out.
  const whole = /\S/.test(text.text) ? null : layOut(parsed, [body], page, page.skipped);
  if (!main || whole) {
    ctx.report({
      code: 'PLN006',
      message: 'Unexpected page without a main content element, expected one element holding most of its text; the whole body was used',
      offset: startOf(body),
    });
  }
  return whole ?? text;
}

/** The content element, preceded by the page's <h1> when that stands above it (the title outside div#zoom). */
function withTitle(main: Element, page: PageAnalysis): Element[] {
  // An <h1> in pruned chrome is the site's name in its banner, not the document's title.
  const title = page.headings.find((h1) => startOf(h1) < startOf(main) && !isInside(h1, main) && !isLeftOut(h1, page.pruned));
  return title ? [title, main] : [main];
}

function isLeftOut(node: AnyNode, leaveOut: ReadonlySet<AnyNode>): boolean {
  for (let p: AnyNode | null = node; p; p = p.parent) if (leaveOut.has(p)) return true;
  return false;
}

/** <h1> elements looked at as the title of a page whose content element lacks one. */
const MAX_TITLE_CANDIDATES = 8;
/** Elements nested deeper than this are flattened before parsing (real pages nest < 100). */
const MAX_NESTING = 1000;
/** Elements without content, and those whose end tag is implied (they do not nest unboundedly). */
const NON_NESTING_TAGS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option',
]);

/**
 * Blanks out (with spaces, so every offset stays valid) the tags of elements nested deeper than
 * MAX_NESTING: the parsers' tree building is quadratic in the depth. One linear pass; the depth
 * is estimated from start and end tags without a full parse.
 */
function flattenDeepNesting(html: string): string {
  // The look-ahead ends the name where it ends, so the two runs of letters cannot trade characters.
  const TAG = /<(\/?)([A-Za-z][A-Za-z0-9:-]{0,40})(?![A-Za-z0-9:-])[^<>]{0,2000}?(\/?)>/g;
  const blanks: Array<[number, number]> = [];
  let depth = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    if (NON_NESTING_TAGS.has(m[2].toLowerCase()) || m[3] === '/') continue;
    if (m[1] === '/') {
      if (depth > MAX_NESTING) blanks.push([m.index, m.index + m[0].length]);
      if (depth > 0) depth--;
    } else {
      depth++;
      if (depth > MAX_NESTING) blanks.push([m.index, m.index + m[0].length]);
    }
  }
  if (blanks.length === 0) return html;
  const parts: string[] = [];
  let cursor = 0;
  for (const [start, end] of blanks) {
    parts.push(html.slice(cursor, start), ' '.repeat(end - start));
    cursor = end;
  }
  parts.push(html.slice(cursor));
  return parts.join('');
}

function startOf(node: AnyNode): number {
  return node.startIndex ?? 0;
}

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function isInside(node: AnyNode, ancestor: Element): boolean {
  for (let p: AnyNode | null = node; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

function isHidden(el: Element): boolean {
  if (el.attribs.hidden !== undefined || el.attribs['aria-hidden'] === 'true') return true;
  const style = el.attribs.style;
  return style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** The class and id words of an element, lowercased; `newsContent` gives `news`, `content`. */
function nameWords(el: Element): string[] {
  const names = `${el.attribs.id ?? ''} ${el.attribs.class ?? ''}`;
  return names
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_-]+/)
    .filter((w) => w !== '');
}

/** A content element by tag or name (and not named as chrome). */
function isContentElement(el: Element, insideContent: boolean): boolean {
  return isContentHinted(el) && !isChromeNamed(el, insideContent);
}

function isContentHinted(el: Element): boolean {
  if (el.name === 'article' || el.name === 'main' || el.attribs.role === 'main') return true;
  const names = `${el.attribs.id ?? ''} ${el.attribs.class ?? ''}`.toLowerCase();
  return CONTENT_HINT.test(names);
}

/** Site chrome by tag or name; inside an article (`insideContent`) a header is the article's own. */
function isChromeNamed(el: Element, insideContent: boolean): boolean {
  if (CHROME_TAGS.has(el.name)) return !(insideContent && el.name === 'header');
  return nameWords(el).some((w) => (CHROME_WORDS.has(w) && !(insideContent && HEADING_WORDS.has(w))) || CHROME_PARTS.test(w));
}

function countVisible(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 0xa0 && c !== 0x3000) n++;
  }
  return n;
}

/**
 * Counts text bottom-up (iteratively: pages may nest thousands of elements) and prunes chrome:
 * elements named or tagged as navigation, header, footer…, and link lists (three or more links
 * making up at least half of the element's text).
 */
function analyse(body: Container): PageAnalysis {
  const stats = new Map<Container, ElementStats>();
  const skipped = new Set<AnyNode>();
  const pruned = new Set<AnyNode>();
  const dataTables = new Set<Element>();
  const headings: Element[] = [];
  /** Open content elements (article, main, #zoom …) around the current one. */
  let contentDepth = 0;
  const stack: Array<{ el: Container; exit: boolean; opensContent?: boolean }> = [{ el: body, exit: false }];
  while (stack.length > 0) {
    const { el, exit, opensContent } = stack.pop()!;
    const name = 'name' in el ? el.name : '';
    if (!exit) {
      if (name === 'h1' && headings.length < MAX_TITLE_CANDIDATES && 'name' in el) headings.push(el);
      const opens = el !== body && 'name' in el && isContentElement(el, contentDepth > 0);
      if (opens) contentDepth++;
      stack.push({ el, exit: true, opensContent: opens });
      for (let i = el.children.length - 1; i >= 0; i--) {
        const child = el.children[i];
        if (!isElement(child)) continue;
        if (SKIPPED_TAGS.has(child.name) || child.type !== 'tag' || isHidden(child)) {
          skipped.add(child);
          pruned.add(child);
        }
        else stack.push({ el: child, exit: false });
      }
      continue;
    }
    // A table's entry may already hold the widest row its rows recorded (noteRowCells).
    if (opensContent) contentDepth--;
    const s: ElementStats = { text: 0, link: 0, links: 0, hasTable: false, holdsContent: false, maxCells: stats.get(el)?.maxCells ?? 0 };
    let cells = 0;
    for (const child of el.children) {
      if (child.type === 'text') {
        s.text += countVisible(child.data);
        continue;
      }
      if (!isElement(child) || pruned.has(child)) continue;
      const c = stats.get(child)!;
      s.text += c.text;
      s.link += c.link;
      s.links += c.links;
      s.hasTable ||= c.hasTable || child.name === 'table';
      s.holdsContent ||= c.holdsContent;
      if (child.name === 'td' || child.name === 'th') cells++;
    }
    stats.set(el, s);
    if (el === body || !('name' in el)) continue;
    if (name === 'a') {
      s.link += s.text;
      s.text = 0;
      s.links++;
    }
    if (name === 'tr') noteRowCells(el, cells, stats);
    if (name === 'table' && !s.hasTable && s.maxCells >= 2) dataTables.add(el);
    const chrome = !s.holdsContent && (isChromeNamed(el, contentDepth > 0) || (s.links >= 3 && s.link >= s.text));
    if (chrome) pruned.add(el);
    else if (opensContent && s.text >= CONTENT_MIN_TEXT) s.holdsContent = true;
  }
  return { stats, skipped, pruned, dataTables, headings };
}

/** Records a row's cell count on its table (tr → tbody/thead → table: a few steps up at most). */
function noteRowCells(tr: Element, cells: number, stats: Map<Container, ElementStats>): void {
  let p = tr.parent;
  for (let step = 0; step < 3 && p && isElement(p); step++, p = p.parent) {
    if (p.name !== 'table') continue;
    // The table is not counted yet (post-order): park the figure in a placeholder entry.
    const entry = stats.get(p) ?? { text: 0, link: 0, links: 0, hasTable: false, holdsContent: false, maxCells: 0 };
    entry.maxCells = Math.max(entry.maxCells, cells);
    stats.set(p, entry);
    return;
  }
}

/**
 * The content element: the content-hinted element (article, main, #zoom, .content, .TRS_Editor …)
 * holding the most non-link text, if it holds at least half of the page's; where nested hinted
 * elements hold nearly the same text, the innermost. Otherwise the deepest element holding 80% of
 * the page's text. Null when that is the body itself.
 */
function pickMainElement(body: Container, page: PageAnalysis): Element | null {
  const total = page.stats.get(body)?.text ?? 0;
  if (total === 0) return null;
  const hinted: Array<{ el: Element; text: number }> = [];
  const stack: Container[] = [body];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (el !== body && 'name' in el && isContentElement(el, false)) hinted.push({ el, text: page.stats.get(el)?.text ?? 0 });
    for (const child of el.children) if (isElement(child) && !page.pruned.has(child)) stack.push(child);
  }
  const most = hinted.reduce((m, h) => Math.max(m, h.text), 0);
  if (most > 0 && most >= total * HINTED_MIN_SHARE) {
    // Nested hinted elements (article > #zoom) hold nearly the same text: take the innermost.
    const near = hinted.filter((h) => h.text >= most * 0.9);
    return near.reduce((a, b) => (b.text <= a.text ? b : a)).el;
  }
  let node: Container = body;
  for (;;) {
    const next = node.children.find(
      (c): c is Element => isElement(c) && !page.pruned.has(c) && (page.stats.get(c)?.text ?? 0) >= total * DENSE_MIN_SHARE,
    );
    if (!next) break;
    node = next;
  }
  return node === body || !('name' in node) ? null : node;
}

const ENTITY = /&(?:#[xX][0-9a-fA-F]{1,8};?|#[0-9]{1,10};?|[A-Za-z][A-Za-z0-9]{1,31};?)/y;

/**
 * Calls `emit` for each code unit of a text node's decoded `data`, with its offset in the page:
 * `raw` is the node's source text starting at `base`. Entities map to their `&`, CR LF to its LF;
 * where the two cannot be aligned (an entity parse5 read differently), the rest maps to the last
 * aligned position.
 */
function alignText(raw: string, data: string, base: number, emit: (ch: string, origin: number) => void): void {
  let r = 0;
  for (let d = 0; d < data.length; d++) {
    if (raw[r] === '&') {
      ENTITY.lastIndex = r;
      const m = ENTITY.exec(raw);
      if (m && !data.startsWith(m[0], d)) {
        const after = r + m[0].length;
        // An entity gives one code unit, or two (an astral character): whichever re-aligns.
        const units = after >= raw.length ? Math.min(2, data.length - d) : data[d + 1] !== raw[after] && data[d + 2] === raw[after] ? 2 : 1;
        for (let k = 0; k < units; k++) emit(data[d + k], base + r);
        d += units - 1;
        r = after;
        continue;
      }
    }
    if (raw[r] === data[d]) {
      emit(data[d], base + r++);
      continue;
    }
    if (raw[r] === '\r' && data[d] === '\n') {
      emit('\n', base + r);
      r += raw[r + 1] === '\n' ? 2 : 1;
      continue;
    }
    const last = base + Math.max(0, Math.min(r, raw.length - 1));
    for (; d < data.length; d++) emit(data[d], last);
    return;
  }
}

/** White space that HTML collapses (NBSP too: pages indent paragraphs with runs of &nbsp;). */
function isCollapsible(ch: string): boolean {
  return ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\u00a0';
}

/** Wide (CJK) characters, between which a line break in the source is no space (CSS Text 3). */
function isWide(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0xd800 && c <= 0xdfff);
}

/** Builds the lines of the main text, collapsing white space the way a browser renders it. */
class LineBuilder {
  private readonly units: string[] = [];
  private readonly origins: number[] = [];
  /** 0: nothing pending, 1: a space, 2: a line break. */
  private pending = 0;
  private pendingOrigin = 0;
  /** The pending space holds a source line break (dropped between wide characters). */
  private pendingSegmentBreak = false;

  private get last(): string {
    return this.units[this.units.length - 1] ?? '';
  }

  private push(ch: string, origin: number): void {
    this.units.push(ch);
    this.origins.push(origin);
  }

  private lastOrigin(): number {
    return this.origins.length > 0 ? this.origins[this.origins.length - 1] + 1 : 0;
  }

  /** Adds a character of a text node. */
  char(ch: string, origin: number): void {
    if (isCollapsible(ch)) {
      if (this.pending === 0) {
        this.pending = 1;
        this.pendingOrigin = origin;
        this.pendingSegmentBreak = false;
      }
      if (this.pending === 1 && (ch === '\n' || ch === '\r')) this.pendingSegmentBreak = true;
      return;
    }
    this.flush(ch);
    this.push(ch, origin);
  }

  private flush(next: string): void {
    const atLineStart = this.units.length === 0 || this.last === '\n';
    if (this.pending === 2 && !atLineStart) this.push('\n', this.lastOrigin());
    // No space at the start of a line or a cell, nor for a source line break between CJK characters.
    const atCellStart = atLineStart || this.last === '\t';
    if (this.pending === 1 && !atCellStart && !(this.pendingSegmentBreak && isWide(this.last) && isWide(next))) {
      this.push(' ', this.pendingOrigin);
    }
    this.pending = 0;
  }

  /** A block boundary: the next text starts a new line. */
  lineBreak(): void {
    this.pending = 2;
  }

  /** A boundary that separates words only (a block inside a table cell). */
  space(origin: number): void {
    if (this.pending === 0) {
      this.pending = 1;
      this.pendingOrigin = origin;
      this.pendingSegmentBreak = false;
    }
  }

  /** `<br>`: ends the line here, even an empty one. */
  hardBreak(origin: number): void {
    this.pending = 0;
    if (this.units.length > 0) this.push('\n', origin);
  }

  /** A table row starts: a new line unless at one already. */
  rowStart(origin: number): void {
    this.pending = 0;
    if (this.units.length > 0 && this.last !== '\n') this.push('\n', origin);
  }

  /** The next cell of a row: a tab, so empty cells keep their column. */
  cellSeparator(origin: number): void {
    this.pending = 0;
    this.push('\t', origin);
  }

  /** The text built, without trailing line breaks. */
  finish(): MappedText {
    while (this.last === '\n') {
      this.units.pop();
      this.origins.pop();
    }
    const origin = new Int32Array(this.units.length + 1);
    origin.set(this.origins);
    origin[this.units.length] = this.lastOrigin();
    return { text: this.units.join(''), origin };
  }
}

/** Lays out the text of `roots` (in order), leaving out the elements in `leaveOut`. */
function layOut(html: string, roots: readonly Container[], page: PageAnalysis, leaveOut: ReadonlySet<AnyNode>): MappedText {
  const out = new LineBuilder();
  /** Per open table: is it a data table; and cells seen in the current row. */
  const tables: Array<{ data: boolean; cells: number }> = [];
  let cellDepth = 0;
  const emit = (ch: string, origin: number) => out.char(ch, origin);
  const boundary = (origin: number) => (cellDepth > 0 ? out.space(origin) : out.lineBreak());

  for (const root of roots) {
    out.lineBreak();
    const top: readonly AnyNode[] = isElement(root) ? [root] : root.children;
    const stack = top.map((node) => ({ node, exit: false })).reverse();
    while (stack.length > 0) {
      const { node, exit } = stack.pop()!;
      if (node.type === 'text') {
        const { startIndex, endIndex } = node;
        if (startIndex !== null && endIndex !== null) alignText(html.slice(startIndex, endIndex + 1), node.data, startIndex, emit);
        else for (const ch of node.data) emit(ch, startOf(node.parent ?? root));
        continue;
      }
      if (!isElement(node) || leaveOut.has(node)) continue;
      const at = startOf(node);
      const table = tables[tables.length - 1];
      const inDataTable = table?.data === true;
      if (exit) {
        if (node.name === 'table') tables.pop();
        if ((node.name === 'td' || node.name === 'th') && inDataTable) cellDepth--;
        if (BLOCK_TAGS.has(node.name)) boundary(node.endIndex ?? at);
        continue;
      }
      if (node.name === 'br') {
        if (cellDepth > 0) out.space(at);
        else out.hardBreak(at);
        continue;
      }
      stack.push({ node, exit: true });
      for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], exit: false });
      if (node.name === 'table') {
        tables.push({ data: page.dataTables.has(node) && cellDepth === 0, cells: 0 });
        boundary(at);
      } else if (node.name === 'tr' && inDataTable) {
        table.cells = 0;
        out.rowStart(at);
      } else if ((node.name === 'td' || node.name === 'th') && inDataTable) {
        if (table.cells++ > 0) out.cellSeparator(at);
        cellDepth++;
      } else if (BLOCK_TAGS.has(node.name)) {
        boundary(at);
      }
    }
  }
  return out.finish();
}
