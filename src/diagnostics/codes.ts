/**
 * The catalogue of diagnostics. Codes are stable: never reuse or rename one.
 * Ranges by stage: PLN0xx read (decode), PLN1xx normalize, PLN2xx dedupe, PLN3xx split and metadata,
 * PLN4xx segment, PLN5xx targets, PLN6xx measures and responsibilities, PLN7xx validation and
 * privacy, PLN8xx the command line. Each entry is listed in the README with its description.
 */
import type { Severity } from '../model/schemas.js';

export interface CodeInfo {
  /** Readable alias `stage/kebab-name`. */
  alias: string;
  severity: Severity;
  /** One line for the README table. */
  description: string;
}

export const CODES = {
  // decode
  PLN001: { alias: 'decode/unreadable', severity: 'error', description: 'The input could not be read (missing, a directory, permission denied).' },
  PLN002: { alias: 'decode/binary', severity: 'error', description: 'The input is binary data, not text.' },
  PLN003: { alias: 'decode/empty', severity: 'error', description: 'The input is empty or holds only white space.' },
  PLN004: { alias: 'decode/undecodable', severity: 'error', description: 'The input is not valid in any supported encoding (or in the one forced with --encoding).' },
  PLN005: { alias: 'decode/replaced-bytes', severity: 'warning', description: 'Some bytes were invalid in the detected encoding and were replaced by U+FFFD.' },
  PLN006: { alias: 'decode/html-no-main-text', severity: 'warning', description: 'No main content element was found in the HTML page; the whole body was used.' },
  PLN007: { alias: 'decode/too-large', severity: 'error', description: 'The input is larger than --max-bytes.' },
  PLN008: { alias: 'decode/charset-mismatch', severity: 'warning', description: "An HTML page's <meta> charset is unsupported or its bytes are not valid in it; the encoding was detected instead." },
  // read (PDF, DOCX, DOC)
  PLN009: { alias: 'read/damaged', severity: 'error', description: 'A PDF, DOCX or DOC file is damaged, truncated, or not the format its name says.' },
  PLN010: { alias: 'read/encrypted', severity: 'error', description: 'A PDF or DOCX file is encrypted (password-protected); remove the password first.' },
  PLN011: { alias: 'read/no-text-layer', severity: 'error', description: 'A PDF has no text layer (a scan); OCR it first.' },
  PLN012: { alias: 'read/too-many-pages', severity: 'error', description: 'A PDF has more pages than the page limit (2000).' },
  PLN013: { alias: 'read/unpacks-too-large', severity: 'error', description: "A DOCX's uncompressed parts are larger than --max-bytes, or compressed past any real ratio (a zip bomb)." },
  // normalize
  PLN101: { alias: 'normalize/traditional-text', severity: 'info', description: 'Traditional characters were converted to simplified.' },
  // dedupe
  PLN201: { alias: 'dedupe/garbled-repeat', severity: 'warning', description: 'A garbled repeat of an earlier passage was removed.' },
  // split and metadata
  PLN301: { alias: 'split/title-truncated', severity: 'warning', description: 'The title line is cut; the full title was recovered from the body.' },
  PLN302: { alias: 'split/no-document', severity: 'warning', description: 'No document title was found; the whole file is one document.' },
  // segment
  PLN401: { alias: 'segment/heading-gap', severity: 'warning', description: 'Heading numbering skips a number. An error when nothing between the two headings could hide the missing one (no table row, page break, 专栏 box or marker inside a line) in text that is neither page-made nor reconstructed from a scrambled copy: the source then lost a passage.' },
  PLN402: { alias: 'segment/heading-repeat', severity: 'warning', description: 'Heading numbering repeats a number. An error when the repeat also repeats the title of the earlier heading (a duplicated passage) in text that is neither page-made nor reconstructed.' },
  PLN403: { alias: 'segment/level-jump', severity: 'warning', description: 'A heading skips two or more levels below its parent (（1） directly under 一、; 1． under 一、 is accepted).' },
  PLN404: { alias: 'segment/numbering-repaired', severity: 'warning', description: 'A heading numbered in another style than its siblings was put at their level.' },
  PLN405: { alias: 'segment/too-many-headings', severity: 'warning', description: 'A document has more than 5000 headings (not a plan, or a broken file); the markers after that are read as text of the last section.' },
  // targets
  PLN501: { alias: 'targets/unparsed', severity: 'warning', description: 'A sentence looks like a target but its value could not be read.' },
  PLN502: { alias: 'targets/table-row-cells', severity: 'error', description: 'An indicator-table row has another number of cells than its header (a truncated or broken row).' },
  PLN503: { alias: 'targets/restated', severity: 'info', description: 'A target restates an earlier one of the document (same indicator, comparator, value, unit and year); it is kept once, at its first place.' },
  PLN504: { alias: 'targets/year-outside-period', severity: 'warning', description: "A target's due year lies outside the plan's period or before the plan's date." },
  // measures and responsibilities
  PLN601: { alias: 'responsibilities/unknown-department', severity: 'info', description: 'A responsibility (clause, duty sentence, duty list or duty-table row) names a department that is not in the department table (once per name in a document).' },
  // validation and privacy
  PLN701: { alias: 'validate/invalid-result', severity: 'error', description: 'The extracted result does not satisfy the output schema (a bug in plans).' },
  PLN702: { alias: 'privacy/personal-contact', severity: 'warning', description: 'Personal contact data (a mobile number, an e-mail address, a contact person) is in the text.' },
  PLN703: { alias: 'pipeline/internal-error', severity: 'error', description: 'A stage failed on this input (a bug in plans); the other inputs were processed.' },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof CODES;
