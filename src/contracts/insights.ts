import { z } from 'zod';
import { IsoDate } from './common.js';

/** A count; null (and `suppressed`) when it is 1 to 4 households, so that a figure never points at one household. */
export const Cell = z.object({ value: z.number().int().nullable(), suppressed: z.boolean() });
export type Cell = z.infer<typeof Cell>;

export const InsightsQuery = z.strictObject({ from: IsoDate.optional(), to: IsoDate.optional() });
export type InsightsQuery = z.infer<typeof InsightsQuery>;

/** Aggregated, anonymised figures of one region (policy viewers and process managers). */
export const Insights = z.object({
  region: z.string(),
  from: z.string(),
  to: z.string(),
  smallCell: z.number().int(),
  households: z.object({
    total: Cell,
    registered: Cell,
    byPyramid: z.array(z.object({ category: z.number().int().nullable(), count: Cell })),
  }),
  stagnations: z.object({
    opened: Cell,
    resolved: Cell,
    openNow: Cell,
    byKind: z.array(z.object({ kind: z.string(), count: Cell })),
    byLevel: z.array(z.object({ level: z.number().int(), count: Cell })),
    medianDaysToResolve: z.number().nullable(),
  }),
  referrals: z.object({
    sent: Cell,
    byStatus: z.array(z.object({ status: z.string(), count: Cell })),
    medianDaysToStart: z.number().nullable(),
  }),
});
export type Insights = z.infer<typeof Insights>;
