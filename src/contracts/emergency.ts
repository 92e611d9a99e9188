import { z } from 'zod';
import { Id } from './common.js';
import { EMERGENCY_REASON_MAX, EMERGENCY_REASON_MIN, REVIEW_NOTE_MAX } from '../domain/privacy/emergency.js';

/** Emergency access (noodknop): open a household you are not involved with, for a stated reason, read-only, for a few hours. */
export const EmergencyRequest = z.strictObject({
  postcode: z
    .string()
    .trim()
    .toUpperCase()
    .max(7)
    .regex(/^[1-9][0-9]{3} ?[A-Z]{2}$/, { message: 'Use a Dutch postcode such as 8011 AB' }),
  houseNumber: z.string().trim().min(1).max(20),
  reason: z
    .string()
    .trim()
    .min(EMERGENCY_REASON_MIN, { message: `Say why, in at least ${EMERGENCY_REASON_MIN} characters` })
    .max(EMERGENCY_REASON_MAX),
});
export type EmergencyRequest = z.input<typeof EmergencyRequest>;

export const EmergencyStarted = z.object({
  id: Id,
  householdId: Id,
  expiresAt: z.string(),
  version: z.number().int(),
});
export type EmergencyStarted = z.infer<typeof EmergencyStarted>;

export const EMERGENCY_STATES = ['active', 'expired', 'ended'] as const;
export const EmergencyState = z.enum(EMERGENCY_STATES);
export const REVIEW_STATUSES = ['pending', 'approved', 'followed_up'] as const;
export const ReviewStatus = z.enum(REVIEW_STATUSES);

/** One emergency access as its user sees it. The household's name only while the access is active. */
export const EmergencyAccess = z.object({
  id: Id,
  household: z.object({ id: Id, name: z.string().nullable() }),
  reason: z.string(),
  startedAt: z.string(),
  expiresAt: z.string(),
  endedAt: z.string().nullable(),
  state: EmergencyState,
  reviewStatus: ReviewStatus,
  reviewNote: z.string(),
  version: z.number().int(),
});
export type EmergencyAccess = z.infer<typeof EmergencyAccess>;
export const EmergencyAccessList = z.object({ items: z.array(EmergencyAccess) });

/** What the user looked at during the access: per object type and action, from the audit trail. */
export const EmergencyViewed = z.object({
  objectType: z.string(),
  category: z.string(),
  action: z.string(),
  count: z.number().int(),
  firstAt: z.string(),
  lastAt: z.string(),
});
export type EmergencyViewed = z.infer<typeof EmergencyViewed>;

/** One emergency access in the privacy officer's review queue. */
export const EmergencyReviewItem = EmergencyAccess.extend({
  user: z.object({ id: Id, name: z.string() }),
  organisation: z.object({ id: Id, name: z.string() }),
  minutesInUse: z.number().int(),
  reviewedBy: z.object({ id: Id, name: z.string() }).nullable(),
  reviewedAt: z.string().nullable(),
  viewed: z.array(EmergencyViewed),
});
export type EmergencyReviewItem = z.infer<typeof EmergencyReviewItem>;
export const EmergencyReviewList = z.object({ items: z.array(EmergencyReviewItem) });

export const EmergencyReviewQuery = z.strictObject({
  status: z.enum(['pending', 'reviewed']).default('pending'),
});
export type EmergencyReviewQuery = z.input<typeof EmergencyReviewQuery>;

export const EmergencyReviewInput = z
  .strictObject({
    decision: z.enum(['approved', 'follow_up']),
    note: z.string().trim().max(REVIEW_NOTE_MAX).default(''),
  })
  .refine((v) => v.decision !== 'follow_up' || v.note.length > 0, {
    path: ['note'],
    message: 'Say what the follow-up is',
  });
export type EmergencyReviewInput = z.input<typeof EmergencyReviewInput>;
