import { z } from 'zod';
import { REPORT_REASONS } from '../domain/stagnation/causes.js';
import { ESCALATION_LEVELS } from '../domain/stagnation/settings.js';
import { Id, LongText, MediumText, PersonRef } from './common.js';

export { REPORT_REASONS, ESCALATION_LEVELS };

export const STAGNATION_KINDS = [
  'no_shows',
  'no_contact',
  'action_overdue',
  'referral_unanswered',
  'waitlist_overdue',
  'evaluation_overdue',
  'no_agreed_plan',
  'reported',
] as const;
export const StagnationKind = z.enum(STAGNATION_KINDS);
export const StagnationStatus = z.enum(['open', 'acknowledged', 'resolved']);
export const OUTREACH_TYPES = ['contacted_client', 'joint_conversation', 'home_visit'] as const;
export const RESOLUTION_TYPES = [
  'chain_moving',
  'plan_adjusted',
  'client_reasons_addressed',
  'partner_delivered',
  'other',
] as const;
export const ReportReason = z.enum(REPORT_REASONS);
export const EscalationLevel = z.enum(ESCALATION_LEVELS);

const Ref = z.object({ id: Id, name: z.string() });

export const EscalationStep = z.object({
  id: Id,
  level: z.number().int(),
  levelKey: EscalationLevel,
  notified: z.object({ name: z.string(), organisation: z.string().nullable() }),
  trigger: z.enum(['opened', 'auto', 'manual']),
  startedAt: z.string(),
  deadline: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
});
export type EscalationStep = z.infer<typeof EscalationStep>;

export const Outreach = z.object({
  id: Id,
  type: z.enum(OUTREACH_TYPES),
  clientReasons: z.string(),
  partnerReasons: z.string(),
  note: z.string(),
  recordedBy: PersonRef,
  recordedAt: z.string(),
});
export type Outreach = z.infer<typeof Outreach>;

export const Stagnation = z.object({
  id: Id,
  household: Ref,
  kind: StagnationKind,
  /** For reports by hand: the reason and the reporter's description. */
  report: z.object({ reason: ReportReason, description: z.string(), reportedBy: z.string() }).nullable(),
  member: Ref.nullable(),
  organisation: Ref.nullable(),
  /** What it concerns in a few words (an action's text, a service's name). */
  subject: z.string().nullable(),
  since: z.string(),
  detectedAt: z.string(),
  status: StagnationStatus,
  level: z.number().int(),
  levelKey: EscalationLevel,
  nextDeadline: z.string().nullable(),
  overdue: z.boolean(),
  resolutionType: z.enum(RESOLUTION_TYPES).nullable(),
  resolutionNote: z.string(),
  autoResolvedReason: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  version: z.number().int(),
  /** What the caller may do with it. */
  can: z.array(z.enum(['acknowledge', 'outreach', 'resolve', 'escalate'])),
});
export type Stagnation = z.infer<typeof Stagnation>;
export const StagnationDetail = Stagnation.extend({
  steps: z.array(EscalationStep),
  outreach: z.array(Outreach),
});
export type StagnationDetail = z.infer<typeof StagnationDetail>;
export const StagnationList = z.object({ items: z.array(Stagnation) });

export const HouseholdStagnationQuery = z.strictObject({
  status: z.enum(['open', 'all']).default('open'),
});

export const StagnationReportInput = z.strictObject({
  reason: ReportReason.exclude(['household_says_stuck']),
  description: MediumText.min(1),
  memberId: Id.nullable().default(null),
});
export type StagnationReportInput = z.input<typeof StagnationReportInput>;

export const OutreachInput = z.strictObject({
  type: z.enum(OUTREACH_TYPES),
  clientReasons: MediumText.default(''),
  partnerReasons: MediumText.default(''),
  note: LongText.default(''),
});
export type OutreachInput = z.input<typeof OutreachInput>;

export const ResolveInput = z.strictObject({
  resolutionType: z.enum(RESOLUTION_TYPES),
  note: LongText.min(1),
});
export type ResolveInput = z.input<typeof ResolveInput>;

export const EscalateInput = z.strictObject({ note: MediumText.default('') });

export const StagnationParams = z.strictObject({ id: Id });

/** What a person notified at a level sees: the briefing without household identities. */
export const EscalationBriefing = z.object({
  id: Id,
  levelKey: EscalationLevel,
  organisation: z.string().nullable(),
  kind: StagnationKind,
  since: z.string(),
  agreed: z.string(),
  notDelivered: z.string(),
  tried: z.array(z.string()),
  deadline: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  /** This step has ended: resolved, or moved on to the next level. */
  resolved: z.boolean(),
});
export type EscalationBriefing = z.infer<typeof EscalationBriefing>;
export const EscalationBriefingList = z.object({ items: z.array(EscalationBriefing) });

export const StagnationBoard = z.object({
  openByLevel: z.array(
    z.object({
      levelKey: EscalationLevel,
      count: z.number().int(),
      /** Ages in days of the open escalations at this level: under a week, 1–4 weeks, over 4 weeks. */
      ageBuckets: z.object({
        underWeek: z.number().int(),
        weeks1to4: z.number().int(),
        over4Weeks: z.number().int(),
      }),
    }),
  ),
  organisations: z.array(
    z.object({
      organisation: Ref,
      caused: z.number().int(),
      open: z.number().int(),
      medianDaysToResolve: z.number().nullable(),
      reachedLevel: z.array(z.number().int()),
    }),
  ),
});
export type StagnationBoard = z.infer<typeof StagnationBoard>;

const Threshold = z.number().int();
export const StagnationSettingsBody = z.strictObject({
  consecutiveNoShows: Threshold,
  noContactDays: Threshold,
  actionOverdueDays: Threshold,
  referralAnswerWorkingDays: Threshold,
  waitlistMaxWeeks: Threshold,
  evaluationOverdueDays: Threshold,
  agreedPlanDays: Threshold,
  ladder: z
    .array(z.strictObject({ level: EscalationLevel, workingDays: z.number().int().nullable() }))
    .min(1)
    .max(ESCALATION_LEVELS.length),
});
export type StagnationSettingsBody = z.infer<typeof StagnationSettingsBody>;
export const StagnationSettingsView = StagnationSettingsBody.extend({ version: z.number().int() });
export type StagnationSettingsView = z.infer<typeof StagnationSettingsView>;
