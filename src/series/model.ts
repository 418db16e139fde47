/**
 * The result of `plans series`, as zod schemas: one column per plan (ordered by administrative
 * level, then period), one row per indicator, each cell the plan's targets for that indicator,
 * and between neighbouring cells of a row the verdict of the later plan against the earlier one.
 */
import * as z from 'zod';
import { AdminLevelSchema, PeriodSchema, TargetSchema } from '../model/schemas.js';
import { TargetVerdictSchema } from '../diff/model.js';


/** One plan (a column). */
export const SeriesPlanSchema = z.object({
  /** The input path as given on the command line. */
  file: z.string(),
  documentId: z.string(),
  title: z.string(),
  issuer: z.string().nullable(),
  region: z.string().nullable(),
  /** Null when neither region nor issuer names a level. */
  level: AdminLevelSchema.nullable(),
  period: PeriodSchema.nullable(),
});

/** A plan's targets for one indicator: one per due year, or several read from one sentence or table. */
export const SeriesCellSchema = z.object({
  /** Index of the plan in `plans` (0-based). */
  plan: z.number().int().min(0),
  /** The indicator as this plan writes it. */
  indicator: z.string(),
  /** In order of due year (null last), then of the source. */
  targets: z.array(TargetSchema).min(1),
});

/** The verdict of one cell of a row against the previous cell of that row (the next plan to the left that has the indicator). */
export const SeriesStepSchema = z.object({
  /** Index of the earlier plan in `plans`. */
  from: z.number().int().min(0),
  /** Index of the later plan in `plans`. */
  to: z.number().int().min(0),
  /** Due years of the two targets compared: the latest year both plans set, else each plan's latest. */
  fromYear: z.number().int().nullable(),
  toYear: z.number().int().nullable(),
  /** `stricter`: the later plan commits to more (as in diff, with the later plan as the child). */
  verdict: TargetVerdictSchema.exclude(['added', 'dropped']),
});

/** One indicator across the plans. */
export const SeriesRowSchema = z.object({
  /** The indicator as the first plan (in column order) that has it writes it. */
  indicator: z.string(),
  cells: z.array(SeriesCellSchema).min(1),
  steps: z.array(SeriesStepSchema),
});

/** The output of `plans series`. Rows shared by more plans come first. */
export const SeriesResultSchema = z.object({
  plans: z.array(SeriesPlanSchema),
  rows: z.array(SeriesRowSchema),
});

export type AdminLevel = z.infer<typeof AdminLevelSchema>;
export type SeriesPlan = z.infer<typeof SeriesPlanSchema>;
export type SeriesCell = z.infer<typeof SeriesCellSchema>;
export type SeriesStep = z.infer<typeof SeriesStepSchema>;
export type SeriesRow = z.infer<typeof SeriesRowSchema>;
export type SeriesResult = z.infer<typeof SeriesResultSchema>;
