/**
 * split: one file's text → its documents (a notice, the plans it forwards, end matter). Each
 * document gets its own text made of slices of the input text, so origins survive. Where the plans
 * of a scrambled copy are interleaved, split/interleave.ts gives each plan back its own sentences.
 */
import type { DocumentPart, StageContext } from '../model/stages.js';
import { sliceText, type MappedText } from '../text/mapped-text.js';
import {
  compactText,
  endMatter,
  findForwardedTitle,
  forwardedTitles,
  inlineNotice,
  lineTitles,
  type CompactText,
  type DocumentStart,
} from './split/titles.js';
import { recoverTitle, CUT_TITLE_MAX } from './split/truncated-title.js';
import { untangle } from './split/interleave.js';
import { isFurniture } from '../text/furniture.js';
import { trimmedLines } from '../text/trimmed-lines.js';

/** Document starts of a file, in text order, without two starts in one title. */
function documentStarts(text: string): DocumentStart[] {
  const lines = trimmedLines(text);
  const starts = lineTitles(lines, text);
  const inline = inlineNotice(lines);
  if (inline && !starts.some((s) => s.kind === 'notice')) starts.unshift(inline);

  // Titles a notice forwards, found again in the text where no title line was recognised.
  const notice = starts.find((s) => s.kind === 'notice');
  if (notice) {
    // Built only when a forwarded title has to be searched for: mostly every title is a title line.
    let compact: CompactText | null = null;
    const noticeText = text.slice(notice.titleEnd, notice.titleEnd + 3000);
    let from = notice.titleEnd;
    for (const title of forwardedTitles(noticeText)) {
      const key = title.replace(/\s/g, '');
      const known = starts.some((s) => s.kind === 'plan' && s.title.replace(/\s/g, '') === key);
      if (known) continue;
      const found = findForwardedTitle(text, (compact ??= compactText(text)), title, from);
      if (found && !starts.some((s) => found.start < s.titleEnd && s.start < found.titleEnd)) {
        starts.push(found);
        from = found.titleEnd;
      }
    }
  }
  starts.sort((a, b) => a.start - b.start);
  const last = starts[starts.length - 1];
  const end = endMatter(lines, last ? last.titleEnd : 0);
  if (end) starts.push(end);
  return starts;
}

/** Splits a file's text into documents, each with its own text in reading order. */
export function split(text: MappedText, ctx: StageContext): DocumentPart[] {
  const starts = documentStarts(text.text);
  if (starts.length === 0 || starts.every((s) => s.kind === 'endmatter')) return [untitledPlan(text, ctx)];

  // A body before the first title (its own title lost: a cover printed as an image, a title a
  // converter dropped) is a document of its own, not the start of the next one.
  const lead = untitledBody(text, starts[0].start, ctx);
  const parts: DocumentPart[] = starts.map((start, i) => {
    // Text before the first title (blank lines, a page header) belongs to the first document.
    const from = i === 0 && !lead ? 0 : start.start;
    const to = i + 1 < starts.length ? starts[i + 1].start : text.text.length;
    const part: DocumentPart = {
      kind: start.kind,
      text: sliceText(text, from, to),
      title: start.title,
      titleRange: [start.titleStart - from, start.titleEnd - from],
      titleTruncated: false,
    };
    if (start.label !== undefined) part.label = start.label;
    if (start.commentary) part.commentary = true;
    if (start.kind === 'plan' && start.title.replace(/\s/g, '').length <= CUT_TITLE_MAX) {
      const body = part.text.text.slice(part.titleRange[1]);
      const full = recoverTitle(body, start.title);
      if (full) {
        ctx.report({
          code: 'PLN301',
          message: `Unexpected cut title line, expected a full title (recovered "${full.title}" from the body)`,
          offset: text.origin[start.titleStart],
          actual: start.title,
        });
        part.title = full.title;
        part.titleRange = [part.titleRange[1] + full.start, part.titleRange[1] + full.end];
        part.titleTruncated = true;
      }
    }
    return part;
  });
  return untangle(lead ? [lead, ...parts] : parts);
}

/** A heading line of a plan's body: 一、 or 第一章 (第一篇, 第一节). */
const BODY_HEADING = /^[ \t\u3000]*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十百]+[篇章节])/m;

/**
 * The text before the first title as an untitled plan when it holds a plan's body — a heading
 * line — or null when it is what stands above a title (a page header, web furniture, an issuer's line).
 */
function untitledBody(text: MappedText, end: number, ctx: StageContext): DocumentPart | null {
  return end > 0 && BODY_HEADING.test(text.text.slice(0, end)) ? untitledPlan(sliceText(text, 0, end), ctx) : null;
}

/** A plan without a title line (PLN302), titled by its first line; web furniture and a browser's print header are never the title. */
function untitledPlan(text: MappedText, ctx: StageContext): DocumentPart {
  const first = trimmedLines(text.text).find((l) => l.text !== '' && !isFurniture(l.text)) ?? { start: 0, end: 0, text: '' };
  ctx.report({
    code: 'PLN302',
    message: 'Unexpected text without a document title, expected a title line',
    offset: text.origin[first.start],
    actual: first.text.slice(0, 40),
  });
  return { kind: 'plan', text, title: first.text, titleRange: [first.start, first.end], titleTruncated: false };
}
