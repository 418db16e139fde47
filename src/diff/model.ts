/**
 * The result of `plans diff`, as zod schemas (the JSON field names are fixed by DESIGN.md;
 * fields beyond the contract — `year`, `similarity`, `match`, `pairedBy`, `textDiff`,
 * `responsibilities`, `counts` — are additions documented here).
 */
import * as z from 'zod';
import { MeasureSchema, TargetSchema } from '../model/schemas.js';

/** The verdicts of a target pair (DESIGN.md): `stricter` = the child commits to more. */
export const TargetVerdictSchema = z.enum(['same', 'stricter', 'looser', 'changed', 'added', 'dropped']);

/** The verdicts of a measure pair: `edited` = matched, but the text differs. */
export const MeasureVerdictSchema = z.enum(['same', 'edited', 'added', 'dropped']);

/** One side of a document pair. */
export const DocumentRefSchema = z.object({
  /** The input path as given on the command line. */
  file: z.string(),
  documentId: z.string(),
  title: z.string(),
});

/** A target of the child aligned with one of the parent (either may be null: added / dropped). */
export const TargetPairSchema = z.object({
  /** The child's indicator, or the parent's for a dropped target. */
  indicator: z.string(),
  /** The year both targets are due (the known one when one side has none). */
  year: z.number().int().nullable(),
  child: TargetSchema.nullable(),
  parent: TargetSchema.nullable(),
  /** Bigram Dice similarity of the normalised indicators, 0–1 (0 for added/dropped). */
  similarity: z.number().min(0).max(1),
  /**
   * `whole`: the indicators match as written; `compound`: one side's `A、B…率` matched one of its
   * parts on the other side (`高血压、糖尿病患者规范管理率` ↔ `糖尿病患者规范管理率`), so that target
   * appears in several pairs.
   */
  match: z.enum(['whole', 'compound']).nullable(),
  verdict: TargetVerdictSchema,
});

/** One insertion, deletion or unchanged run of words from parent text to child text. */
export const TextChangeSchema = z.object({
  op: z.enum(['equal', 'insert', 'delete']),
  text: z.string(),
});

/** Departments of a matched measure's responsibilities, compared by name without the level prefix. */
export const DepartmentChangeSchema = z.object({
  /** Named in the child only (child's canonical names). */
  added: z.array(z.string()),
  /** Named in the parent only (parent's canonical names). */
  removed: z.array(z.string()),
  /** Named in both (child's canonical names). */
  kept: z.array(z.string()),
});

/** A measure of the child aligned with one of the parent. */
export const MeasurePairSchema = z.object({
  /** The child's title, or the parent's for a dropped measure. */
  title: z.string(),
  child: MeasureSchema.nullable(),
  parent: MeasureSchema.nullable(),
  /** Combined title and text similarity, 0–1 (0 for added/dropped). */
  similarity: z.number().min(0).max(1),
  verdict: MeasureVerdictSchema,
  /** For `edited`: parent text → child text, word by word (ICU word segmentation); null otherwise or when too different to diff. */
  textDiff: z.array(TextChangeSchema).nullable(),
  /** For matched measures: the departments responsible; null for added/dropped. */
  responsibilities: DepartmentChangeSchema.nullable(),
});

/**
 * Verdict counts. In `summary`, targets and measures are counted together: a measure `same`
 * counts as `same`, `edited` as `changed`, `added`/`dropped` as such.
 */
export const DiffSummarySchema = z.object({
  same: z.number().int().min(0),
  stricter: z.number().int().min(0),
  looser: z.number().int().min(0),
  changed: z.number().int().min(0),
  added: z.number().int().min(0),
  dropped: z.number().int().min(0),
});

/** Order of the summary counts, as in DESIGN.md. */
export const SUMMARY_KEYS = ['same', 'stricter', 'looser', 'changed', 'added', 'dropped'] as const;

/** The comparison of one child document with one parent document. */
export const DocumentDiffSchema = z.object({
  child: DocumentRefSchema,
  parent: DocumentRefSchema,
  /** How the pair was found: the child cites the parent, titles/topics are alike, or ids were given. */
  pairedBy: z.enum(['reference', 'title', 'explicit']),
  targets: z.array(TargetPairSchema),
  measures: z.array(MeasurePairSchema),
  /** Targets and measures together (see {@link DiffSummarySchema}). */
  summary: DiffSummarySchema,
  /** The same counts, for targets and measures separately. */
  counts: z.object({ targets: DiffSummarySchema, measures: DiffSummarySchema }),
});

/** The output of `plans diff`. `unpaired` lists the candidate documents (kind `plan`) left without a partner. */
export const DiffResultSchema = z.object({
  pairs: z.array(DocumentDiffSchema),
  unpaired: z.object({ child: z.array(z.string()), parent: z.array(z.string()) }),
});

export type TargetVerdict = z.infer<typeof TargetVerdictSchema>;
export type MeasureVerdict = z.infer<typeof MeasureVerdictSchema>;
export type DocumentRef = z.infer<typeof DocumentRefSchema>;
export type TargetPair = z.infer<typeof TargetPairSchema>;
export type TextChange = z.infer<typeof TextChangeSchema>;
export type DepartmentChange = z.infer<typeof DepartmentChangeSchema>;
export type MeasurePair = z.infer<typeof MeasurePairSchema>;
export type DiffSummary = z.infer<typeof DiffSummarySchema>;
export type DocumentDiff = z.infer<typeof DocumentDiffSchema>;
export type DiffResult = z.infer<typeof DiffResultSchema>;
