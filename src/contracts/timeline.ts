import { z } from 'zod';
import { Id, IsoDate } from './common.js';

/**
 * Kinds of events on the household timeline. Every source registered in
 * src/server/modules/timeline/sources.ts produces events of one kind; the web app filters by kind.
 */
export const TIMELINE_KINDS = [
  'record',
  'involvement',
  'referral',
  'contact',
  'handover',
  'signal',
  'assessment',
  'plan_version',
  'evaluation',
] as const;
export const TimelineKind = z.enum(TIMELINE_KINDS);
export type TimelineKind = z.infer<typeof TimelineKind>;

/**
 * One event on the timeline. `type` is a stable key within the kind (e.g. `referral.accepted`) that the web app
 * turns into a sentence; `details` holds the few short values that sentence needs (no case content).
 */
export const TimelineEvent = z.object({
  /** Unique across sources, e.g. `referral:<id>:accepted`. */
  id: z.string(),
  kind: TimelineKind,
  type: z.string(),
  at: z.string(),
  /** Members the event is about; empty when it concerns the household as a whole. */
  memberIds: z.array(Id),
  by: z.object({ id: Id, name: z.string() }).nullable(),
  /** A short line shown under the sentence (a service name, a reason, a note). */
  summary: z.string(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const TimelineQuery = z.strictObject({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** Comma-separated kinds, e.g. `referral,contact`. */
  kinds: z
    .string()
    .max(200)
    .optional()
    .transform((v) => (v ? v.split(',').filter(Boolean) : undefined))
    .pipe(z.array(TimelineKind).optional()),
  memberId: Id.optional(),
});
export type TimelineQuery = z.input<typeof TimelineQuery>;

export const TimelinePage = z.object({
  items: z.array(TimelineEvent),
  from: z.string(),
  to: z.string(),
  /** Kinds that have a source in this installation (the filter offers only these). */
  kinds: z.array(TimelineKind),
});
export type TimelinePage = z.infer<typeof TimelinePage>;
