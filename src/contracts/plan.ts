import { z } from 'zod';
import { Id, IsoDate, LIMITS, LongText, MediumText } from './common.js';
import { LIFE_DOMAINS, RELIANCE } from '../domain/plan/domains.js';
import { GOAL_KINDS, GOAL_STATUSES } from '../domain/plan/goals.js';
import { ACTION_STATUSES, ASSIGNEE_KINDS } from '../domain/plan/actions.js';
import { EVALUATION_DECISIONS } from '../domain/plan/evaluations.js';

export {
  LIFE_DOMAINS,
  RELIANCE,
  GOAL_KINDS,
  GOAL_STATUSES,
  ACTION_STATUSES,
  ASSIGNEE_KINDS,
  EVALUATION_DECISIONS,
};

export const LifeDomain = z.enum(LIFE_DOMAINS);
export type LifeDomain = z.infer<typeof LifeDomain>;
export const Score = z.number().int().min(1).max(5);
const OwnWords = z.string().trim().min(1).max(1000);

/* ---------- assessments (Zelfredzaamheid-Matrix) ---------- */

export const DomainScoreInput = z.strictObject({
  domain: LifeDomain,
  score: Score,
  note: MediumText.default(''),
  strengths: MediumText.default(''),
  /** What the situation rests on: own strength, the network, professional help (any combination). */
  reliesOn: z.array(z.enum(RELIANCE)).max(3).default([]),
});
export type DomainScoreInput = z.input<typeof DomainScoreInput>;

export const AssessmentInput = z.strictObject({
  memberId: Id,
  assessedOn: IsoDate,
  /** Only the domains that are relevant: none is forced. */
  scores: z.array(DomainScoreInput).min(1).max(LIFE_DOMAINS.length),
  note: LongText.default(''),
});
export type AssessmentInput = z.input<typeof AssessmentInput>;

export const DomainScore = z.object({
  domain: LifeDomain,
  score: Score,
  note: z.string(),
  strengths: z.string(),
  reliesOn: z.array(z.enum(RELIANCE)),
});
export type DomainScore = z.infer<typeof DomainScore>;

export const Assessment = z.object({
  id: Id,
  memberId: Id,
  memberName: z.string(),
  assessedOn: z.string(),
  scores: z.array(DomainScore),
  note: z.string(),
  recordedBy: z.object({ id: Id, name: z.string() }),
  recordedAt: z.string(),
});
export type Assessment = z.infer<typeof Assessment>;
export const AssessmentList = z.object({ items: z.array(Assessment) });

/* ---------- safety assessment (coordinator only) ---------- */

export const RISK_LEVELS = ['low', 'moderate', 'high', 'acute'] as const;
export const SafetyAssessmentInput = z.strictObject({
  assessedOn: IsoDate,
  childIds: z.array(Id).min(1).max(20),
  concerns: LongText.min(1),
  protectiveFactors: LongText.default(''),
  riskLevel: z.enum(RISK_LEVELS),
});
export type SafetyAssessmentInput = z.input<typeof SafetyAssessmentInput>;
export const SafetyAssessment = z.object({
  id: Id,
  assessedOn: z.string(),
  children: z.array(z.object({ id: Id, name: z.string() })),
  concerns: z.string(),
  protectiveFactors: z.string(),
  riskLevel: z.enum(RISK_LEVELS),
  recordedBy: z.object({ id: Id, name: z.string() }),
  recordedAt: z.string(),
});
export type SafetyAssessment = z.infer<typeof SafetyAssessment>;
export const SafetyAssessmentList = z.object({ items: z.array(SafetyAssessment) });

/* ---------- help questions ---------- */

export const HelpQuestionInput = z.strictObject({
  memberId: Id.nullable().default(null),
  domain: LifeDomain,
  text: OwnWords,
});
export type HelpQuestionInput = z.input<typeof HelpQuestionInput>;
export const HelpQuestionPatch = z.strictObject({
  memberId: Id.nullable().optional(),
  domain: LifeDomain.optional(),
  text: OwnWords.optional(),
});
export type HelpQuestionPatch = z.input<typeof HelpQuestionPatch>;
export const HelpQuestion = z.object({
  id: Id,
  memberId: Id.nullable(),
  memberName: z.string().nullable(),
  domain: LifeDomain,
  text: z.string(),
  version: z.number().int(),
});
export type HelpQuestion = z.infer<typeof HelpQuestion>;

/* ---------- goals ---------- */

export const GoalInput = z.strictObject({
  text: OwnWords,
  memberIds: z.array(Id).min(1).max(20),
  domains: z.array(LifeDomain).min(1).max(LIFE_DOMAINS.length),
  kind: z.enum(GOAL_KINDS),
  successCriterion: MediumText.min(1),
  targetDate: IsoDate.nullable().default(null),
  status: z.enum(GOAL_STATUSES).default('active'),
});
export type GoalInput = z.input<typeof GoalInput>;
/** Only the fields sent change (no defaults in a patch). */
export const GoalPatch = z.strictObject({
  text: OwnWords.optional(),
  memberIds: z.array(Id).min(1).max(20).optional(),
  domains: z.array(LifeDomain).min(1).max(LIFE_DOMAINS.length).optional(),
  kind: z.enum(GOAL_KINDS).optional(),
  successCriterion: MediumText.min(1).optional(),
  targetDate: IsoDate.nullable().optional(),
  status: z.enum(GOAL_STATUSES).optional(),
});
export type GoalPatch = z.input<typeof GoalPatch>;
export const Goal = z.object({
  id: Id,
  text: z.string(),
  members: z.array(z.object({ id: Id, name: z.string() })),
  domains: z.array(LifeDomain),
  kind: z.enum(GOAL_KINDS),
  successCriterion: z.string(),
  targetDate: z.string().nullable(),
  status: z.enum(GOAL_STATUSES),
  version: z.number().int(),
});
export type Goal = z.infer<typeof Goal>;

/* ---------- actions ---------- */

export const AssigneeRef = z.strictObject({ kind: z.enum(ASSIGNEE_KINDS), id: Id });
export type AssigneeRef = z.infer<typeof AssigneeRef>;
export const ActionInput = z.strictObject({
  goalId: Id,
  what: z.string().trim().min(1).max(LIMITS.medium),
  assignee: AssigneeRef,
  dueDate: IsoDate,
  status: z.enum(ACTION_STATUSES).default('open'),
  blockedReason: MediumText.default(''),
});
export type ActionInput = z.input<typeof ActionInput>;
export const ActionPatch = z.strictObject({
  what: z.string().trim().min(1).max(LIMITS.medium).optional(),
  assignee: AssigneeRef.optional(),
  dueDate: IsoDate.optional(),
  status: z.enum(ACTION_STATUSES).optional(),
  blockedReason: MediumText.optional(),
});
export type ActionPatch = z.input<typeof ActionPatch>;
/** What a partner may change on an action assigned to them or their organisation. */
export const ActionReport = z.strictObject({
  status: z.enum(ACTION_STATUSES),
  blockedReason: MediumText.default(''),
  progressNote: MediumText.default(''),
});
export type ActionReport = z.input<typeof ActionReport>;
export const Assignee = z.object({
  kind: z.enum(ASSIGNEE_KINDS),
  id: Id,
  name: z.string(),
  organisation: z.string().nullable(),
  phone: z.string(),
});
export type Assignee = z.infer<typeof Assignee>;
export const PlanAction = z.object({
  id: Id,
  goalId: Id,
  what: z.string(),
  assignee: Assignee,
  dueDate: z.string(),
  status: z.enum(ACTION_STATUSES),
  blockedReason: z.string(),
  /** Absent for a partner on someone else's action (main lines only). */
  progressNote: z.string().optional(),
  /** Whether the caller may report on this action (it is theirs or their organisation's). */
  mine: z.boolean(),
  version: z.number().int(),
});
export type PlanAction = z.infer<typeof PlanAction>;

/* ---------- evaluations ---------- */

export const ParticipantRef = z.strictObject({
  kind: z.enum(['member', 'professional', 'network_contact']),
  id: Id,
});
export type ParticipantRef = z.infer<typeof ParticipantRef>;
export const EvaluationInput = z.strictObject({
  plannedOn: IsoDate,
  participants: z.array(ParticipantRef).min(1).max(40),
});
export type EvaluationInput = z.input<typeof EvaluationInput>;
export const EvaluationRecordInput = z.strictObject({
  heldOn: IsoDate,
  decisions: z
    .array(
      z.strictObject({ goalId: Id, progress: MediumText.min(1), decision: z.enum(EVALUATION_DECISIONS) }),
    )
    .max(20),
  notes: LongText.default(''),
  nextEvaluationOn: IsoDate.nullable().default(null),
  closesPlan: z.boolean().default(false),
});
export type EvaluationRecordInput = z.input<typeof EvaluationRecordInput>;
export const Evaluation = z.object({
  id: Id,
  plannedOn: z.string(),
  participants: z.array(
    z.object({ kind: z.enum(['member', 'professional', 'network_contact']), id: Id, name: z.string() }),
  ),
  status: z.enum(['planned', 'held', 'cancelled']),
  heldOn: z.string().nullable(),
  decisions: z.array(
    z.object({
      goalId: Id,
      goalText: z.string(),
      /** Absent for partners: the coordinator's account of progress. */
      progress: z.string().optional(),
      decision: z.enum(EVALUATION_DECISIONS),
    }),
  ),
  /** Absent for partners. */
  notes: z.string().optional(),
  closesPlan: z.boolean(),
  version: z.number().int(),
});
export type Evaluation = z.infer<typeof Evaluation>;

/* ---------- the plan, its versions and agreement ---------- */

export const Plan = z.object({
  householdId: Id,
  helpQuestions: z.array(HelpQuestion),
  goals: z.array(Goal),
  actions: z.array(PlanAction),
  evaluations: z.array(Evaluation),
  /** The newest version number (0: nothing written yet). */
  currentVersion: z.number().int(),
  proposedVersion: z.number().int().nullable(),
  agreedVersion: z.number().int().nullable(),
  closed: z.boolean(),
  goalLimit: z.object({ limit: z.number().int(), open: z.number().int(), lvbMembers: z.array(z.string()) }),
});
export type Plan = z.infer<typeof Plan>;

export const AGREEMENT_METHODS = ['app', 'paper'] as const;
export const MemberAgreementInput = z.strictObject({
  memberId: Id,
  method: z.enum(AGREEMENT_METHODS),
  signedOn: IsoDate,
});
export type MemberAgreementInput = z.input<typeof MemberAgreementInput>;

export const PlanVersionSummary = z.object({
  number: z.number().int(),
  createdAt: z.string(),
  createdBy: z.object({ id: Id, name: z.string() }),
  status: z.enum(['draft', 'proposed', 'agreed', 'superseded']),
  proposedAt: z.string().nullable(),
  agreedAt: z.string().nullable(),
});
export type PlanVersionSummary = z.infer<typeof PlanVersionSummary>;
export const PlanVersionList = z.object({ items: z.array(PlanVersionSummary) });

export const Agreement = z.object({
  required: z.object({
    members: z.array(z.object({ id: Id, name: z.string() })),
    organisations: z.array(z.object({ id: Id, name: z.string() })),
  }),
  members: z.array(
    z.object({
      memberId: Id,
      name: z.string(),
      method: z.enum(AGREEMENT_METHODS),
      signedOn: z.string(),
      recordedBy: z.string(),
    }),
  ),
  organisations: z.array(
    z.object({ organisationId: Id, name: z.string(), acknowledgedOn: z.string(), by: z.string() }),
  ),
  complete: z.boolean(),
});
export type Agreement = z.infer<typeof Agreement>;

export const PlanVersionDetail = PlanVersionSummary.extend({
  snapshot: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
  agreement: Agreement,
});
export type PlanVersionDetail = z.infer<typeof PlanVersionDetail>;

export const PlanComparison = z.object({
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(
    z.object({
      part: z.enum(['helpQuestions', 'goals', 'actions', 'evaluations']),
      id: Id,
      change: z.enum(['added', 'removed', 'changed']),
      item: z.record(z.string(), z.unknown()),
      fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
    }),
  ),
});
export type PlanComparison = z.infer<typeof PlanComparison>;

export const VersionParams = z.strictObject({
  id: Id,
  number: z.coerce.number().int().min(1).max(1_000_000),
});
export const CompareQuery = z.strictObject({
  from: z.coerce.number().int().min(1).max(1_000_000),
  to: z.coerce.number().int().min(1).max(1_000_000),
});
export const PdfQuery = z.strictObject({
  lang: z.enum(['nl', 'en']).default('nl'),
  version: z.coerce.number().int().min(1).max(1_000_000).optional(),
});
export const ItemParams = z.strictObject({ id: Id, itemId: Id });
