/**
 * metadata: issuer, date, document number, region, topic, period and references of a document.
 *
 * Everything is read from the document's own text, folded (Kangxi radicals, compatibility
 * ideographs, full-width digits) so that raw and normalized text give the same answers. Two
 * facts are inherited by a plan from the documents issued with it in the same file, because they
 * describe the act of issuing, which the plan shares with its notice: the date and the region.
 * The issuer is not inherited: the forwarding office (…人民政府办公室) did not write the plan, and
 * an analyst asking "who is responsible for this plan" wants the author department.
 */
import type { DocumentMetadata, DocumentPart, StageContext } from '../model/stages.js';
import { foldForMatching, squeezeCjkSpaces } from './metadata/fold.js';
import { findSignature, departmentUnderTitle, issuerInTitle, type Signature } from './metadata/issuer.js';
import { labelledDate } from './metadata/dates.js';
import { ownDocNumber } from './metadata/doc-number.js';
import { regionInTitle } from './metadata/region.js';
import { topicIn, namesSeveralDocuments } from './metadata/topics.js';
import { periodIn } from './metadata/period.js';
import { findReferences } from './metadata/references.js';
import { isFurniture } from '../text/furniture.js';

/** How far past the title the head (number, issuer, date lines) may reach, in UTF-16 code units. */
const HEAD_LIMIT = 300;

/** What a document says about itself, before anything is inherited. */
interface OwnFacts {
  kind: DocumentPart['kind'];
  title: string;
  issuer: string | null;
  date: string | null;
  region: string | null;
}

/**
 * Reads a document's metadata; `file` holds all documents of the input, in file order.
 *
 * - `issuer`: for a notice or end matter, the signature (the body's name above or before the
 *   signing date), else the body named before 关于 in the title; for a plan, the department on the
 *   line under its title (`区卫计委`), else its own signature, else the body before 关于 in the
 *   title; else null. Never inherited (see the module comment).
 * - `date`: ISO `YYYY-MM-DD`, the signing date (`2017年12月21日`, `二〇二一年三月五日`, the
 *   `2018年12月29日印发` line of end matter), else a header's 成文日期, else its 发布日期. A plan
 *   without one takes the date of the nearest notice before it in the file, else of the file's end
 *   matter: the plan was issued by that act. Dates inside sentences (stage dates) never count.
 * - `docNumber`: the document's own 发文字号 from its head (year bracket normalised to 〔〕), never
 *   the number of a document it cites.
 * - `region`: the longest chain of administrative units in the title, else in the issuer; a plan
 *   naming none takes the region of its notice, else of the end matter.
 * - `topic`: from the title's subject via the topic table (metadata/topics.ts); null when none or
 *   several are named.
 * - `period`: from the title: an explicit year range, else a five-year-plan name (“十三五” →
 *   2016–2020). Null for a notice that forwards several documents and names only the first.
 * - `references`: every 《…》 cited, with its （…号） when given, de-duplicated in order of first mention.
 */
export function metadata(doc: DocumentPart, file: readonly DocumentPart[], _ctx: StageContext): DocumentMetadata {
  const text = foldForMatching(doc.text.text);
  const title = squeezeCjkSpaces(foldForMatching(doc.title));
  const own = ownFacts(doc, text);
  const related = doc.kind === 'plan' ? issuingDocuments(doc, file) : [];
  return {
    issuer: own.issuer,
    date: own.date ?? related.map((d) => d.date).find((d) => d !== null) ?? null,
    docNumber: ownDocNumber(text, headEnd(text, titleEnd(doc))),
    region: own.region ?? related.map((d) => d.region).find((r) => r !== null) ?? null,
    topic: topicIn(title),
    period: namesSeveralDocuments(title) ? null : periodIn(title),
    references: findReferences(text, title),
  };
}

/**
 * The facts each document states itself, once per document: every plan of a file asks for those
 * of the notices before it and of the end matter, which would otherwise be read again per plan.
 */
const factsOf = new WeakMap<DocumentPart, { source: string; title: string; facts: OwnFacts }>();

/** The facts a document states itself; `text` is its folded text (foldForMatching), when at hand. */
function ownFacts(doc: DocumentPart, text?: string): OwnFacts {
  const known = factsOf.get(doc);
  // Kept only while the part still holds the text and title they were read from.
  if (known && known.source === doc.text.text && known.title === doc.title) return known.facts;
  const facts = readOwnFacts(doc, text ?? foldForMatching(doc.text.text));
  factsOf.set(doc, { source: doc.text.text, title: doc.title, facts });
  return facts;
}

function readOwnFacts(doc: DocumentPart, text: string): OwnFacts {
  const title = squeezeCjkSpaces(foldForMatching(doc.title));
  const end = titleEnd(doc);
  const signature: Signature | null = findSignature(text);
  const underTitle = departmentUnderTitle(text, end);
  const issuer =
    doc.kind === 'plan'
      ? underTitle ?? signature?.issuer ?? issuerInTitle(title)
      : signature?.issuer ?? issuerInTitle(title) ?? underTitle;
  const date = signature?.date ?? labelledDate(text.slice(0, headEnd(text, end)));
  const region = regionInTitle(title) ?? (issuer === null ? null : regionInTitle(issuer));
  return { kind: doc.kind, title, issuer, date, region };
}

/**
 * The documents a plan was issued with, nearest first: the notices before it in the file (the
 * nearest forwards it), then the file's end matter.
 */
function issuingDocuments(doc: DocumentPart, file: readonly DocumentPart[]): OwnFacts[] {
  const at = file.indexOf(doc);
  const notices = file.slice(0, at < 0 ? 0 : at).filter((d) => d.kind === 'notice').reverse();
  const endmatter = file.filter((d) => d.kind === 'endmatter');
  return [...notices, ...endmatter].map((d) => ownFacts(d));
}

/**
 * Offset in the document text just past its title. A truncated title was recovered from the body,
 * so its range is not where the document starts: the first line stands in for it.
 */
function titleEnd(doc: DocumentPart): number {
  if (!doc.titleTruncated) return doc.titleRange[1];
  const text = doc.text.text;
  let start = 0;
  while (start < text.length && /\s/.test(text[start])) start++;
  const lineEnd = text.indexOf('\n', start);
  return lineEnd < 0 ? text.length : lineEnd;
}

/** The trimmed line holding offset `at`. */
function lineAround(text: string, at: number): string {
  const newline = text.indexOf('\n', at);
  return text.slice(text.lastIndexOf('\n', at) + 1, newline < 0 ? text.length : newline).trim();
}

/**
 * The end of a document's head: the first sentence end (。) or line-ending salutation colon (：)
 * after the title, at most HEAD_LIMIT past it. The head holds the title, the document number and the
 * issuer line. A web page's `分享到：` is furniture, not a salutation.
 */
function headEnd(text: string, afterTitle: number): number {
  const limit = Math.min(text.length, afterTitle + HEAD_LIMIT);
  for (let i = afterTitle; i < limit; i++) {
    if (text[i] === '。') return i;
    // A salutation (各区人民政府：) ends its line; a label (发文字号：…) does not.
    if (text[i] === '：' && /^[ \t\u3000]*(?:\r?\n|$)/.test(text.slice(i + 1, i + 4)) && !isFurniture(lineAround(text, i))) return i;
  }
  return limit;
}
