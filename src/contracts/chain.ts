import { z } from 'zod';
import {
  Email,
  Id,
  IsoDate,
  IsoDateTime,
  LongText,
  MediumText,
  Phone,
  RequiredName,
  ShortText,
} from './common.js';
import { OrganisationType } from './roles.js';
import { CONTACT_STATUSES } from '../domain/chain/contact.js';
import { HANDOVER_STATUSES } from '../domain/chain/handover.js';
import { REFERRAL_ACTIONS, REFERRAL_STATUSES } from '../domain/chain/referral.js';

const Ref = z.object({ id: Id, name: z.string() });
const Reachable = z.object({ id: Id, name: z.string(), email: z.string(), phone: z.string() });

// ---- Services -------------------------------------------------------------------------------------------------

export const SERVICE_KINDS = [
  'youth_care',
  'parenting_support',
  'mental_health',
  'addiction_care',
  'debt_counselling',
  'income_support',
  'housing',
  'education',
  'social_work',
  'daytime_activities',
  'safety',
  'other',
] as const;
export const ServiceKind = z.enum(SERVICE_KINDS);
export type ServiceKind = z.infer<typeof ServiceKind>;

const Count = z.number().int().min(0).max(100_000);
const ServiceFields = {
  name: RequiredName,
  kind: ServiceKind,
  description: MediumText,
  eligibility: MediumText,
  capacity: Count.nullable(),
  waitingDays: Count.max(3650).nullable(),
  contactName: ShortText,
  contactEmail: z.union([Email, z.literal('')]),
  contactPhone: Phone,
  active: z.boolean(),
};
export const ServiceInput = z.strictObject({
  /** Only administrators choose the organisation; a manager's services belong to their own. */
  organisationId: Id.optional(),
  name: ServiceFields.name,
  kind: ServiceFields.kind,
  description: ServiceFields.description.default(''),
  eligibility: ServiceFields.eligibility.default(''),
  capacity: ServiceFields.capacity.default(null),
  waitingDays: ServiceFields.waitingDays.default(null),
  contactName: ServiceFields.contactName.default(''),
  contactEmail: ServiceFields.contactEmail.default(''),
  contactPhone: ServiceFields.contactPhone.default(''),
  active: ServiceFields.active.default(true),
});
export type ServiceInput = z.input<typeof ServiceInput>;
/** Only the fields sent change (no defaults here). */
export const ServicePatch = z.strictObject(ServiceFields).partial();
export type ServicePatch = z.input<typeof ServicePatch>;

export const Service = z.object({
  id: Id,
  organisation: z.object({ id: Id, name: z.string(), type: OrganisationType }),
  name: z.string(),
  kind: ServiceKind,
  description: z.string(),
  eligibility: z.string(),
  capacity: z.number().int().nullable(),
  waitingDays: z.number().int().nullable(),
  contact: z.object({ name: z.string(), email: z.string(), phone: z.string() }),
  active: z.boolean(),
  canManage: z.boolean(),
  version: z.number().int(),
});
export type Service = z.infer<typeof Service>;
export const ServiceList = z.object({ items: z.array(Service) });
export const ServiceQuery = z.strictObject({
  kind: ServiceKind.optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
  q: ShortText.optional(),
});
export type ServiceQuery = z.input<typeof ServiceQuery>;

// ---- Referrals ------------------------------------------------------------------------------------------------

export const ReferralStatus = z.enum(REFERRAL_STATUSES);
export type ReferralStatus = z.infer<typeof ReferralStatus>;
export const ReferralAction = z.enum(REFERRAL_ACTIONS);
export type ReferralAction = z.infer<typeof ReferralAction>;

export const ReferralCreate = z.strictObject({
  serviceId: Id,
  /** The member referred; null refers the household as a whole. */
  memberId: Id.nullable().default(null),
  /** What the receiver needs to know: the question, not the file. */
  question: z.string().trim().min(1).max(1000),
  /** Send at once (default) or keep as a draft. */
  send: z.boolean().default(true),
});
export type ReferralCreate = z.input<typeof ReferralCreate>;

export const ReferralStepInput = z.strictObject({
  action: ReferralAction,
  reason: MediumText.optional(),
  expectedStart: IsoDate.optional(),
  /** accept: the professional of the receiving organisation who will see the client (default: whoever accepts). */
  receiverId: Id.optional(),
  /** start: when the first contact took place (default: now). */
  firstContactAt: IsoDateTime.optional(),
  note: MediumText.optional(),
});
export type ReferralStepInput = z.input<typeof ReferralStepInput>;

export const ReferralStep = z.object({
  action: z.string(),
  fromStatus: ReferralStatus.nullable(),
  toStatus: ReferralStatus,
  /** Absent for a partner who is neither the sending nor the receiving organisation. */
  note: z.string().optional(),
  by: Ref,
  at: z.string(),
});
export type ReferralStep = z.infer<typeof ReferralStep>;

export const Referral = z.object({
  id: Id,
  /** Only on the sender's side; the receiving organisation sees the client, not the household file. */
  household: Ref.nullable(),
  memberId: Id.nullable(),
  service: z.object({ id: Id, name: z.string(), organisation: Ref }),
  status: ReferralStatus,
  /** Absent for a partner who is neither the sending nor the receiving organisation (main lines only). */
  question: z.string().optional(),
  client: z.object({ name: z.string(), dateOfBirth: z.string().nullable(), phone: z.string() }),
  sender: z.object({ id: Id, name: z.string(), email: z.string(), phone: z.string(), organisation: Ref }),
  receiver: Reachable.nullable(),
  expectedStart: z.string().nullable(),
  /** Absent for a partner who is neither the sending nor the receiving organisation. */
  reason: z.string().optional(),
  sentAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  /** The actor's side: sender (works with the household), receiver (the receiving organisation), or both. */
  side: z.enum(['sender', 'receiver', 'both']),
  can: z.array(ReferralAction),
  steps: z.array(ReferralStep),
  version: z.number().int(),
});
export type Referral = z.infer<typeof Referral>;
export const ReferralList = z.object({ items: z.array(Referral) });
export const ReferralQueueQuery = z.strictObject({
  status: z.enum(['open', 'closed', 'all']).default('open'),
});
export const ReferralParams = z.strictObject({ referralId: Id });

// ---- Contacts -------------------------------------------------------------------------------------------------

export const ContactStatus = z.enum(CONTACT_STATUSES);
export type ContactStatus = z.infer<typeof ContactStatus>;

export const ContactInput = z.strictObject({
  memberId: Id.nullable().default(null),
  plannedAt: IsoDateTime,
  status: ContactStatus.default('planned'),
  note: MediumText.default(''),
});
export type ContactInput = z.input<typeof ContactInput>;
export const ContactPatch = z.strictObject({
  plannedAt: IsoDateTime.optional(),
  status: ContactStatus.optional(),
  note: MediumText.optional(),
});
export type ContactPatch = z.input<typeof ContactPatch>;

export const Contact = z.object({
  id: Id,
  householdId: Id,
  member: Ref.nullable(),
  professional: Ref,
  organisation: Ref,
  referralId: Id.nullable(),
  plannedAt: z.string(),
  status: ContactStatus,
  note: z.string(),
  canEdit: z.boolean(),
  version: z.number().int(),
});
export type Contact = z.infer<typeof Contact>;
export const ContactList = z.object({ items: z.array(Contact) });
export const HouseholdContactParams = z.strictObject({ id: Id, contactId: Id });

// ---- Warm handover --------------------------------------------------------------------------------------------

export const HandoverStatus = z.enum(HANDOVER_STATUSES);
const LetterFields = {
  meetingAt: IsoDateTime.nullable(),
  meetingPlace: ShortText,
  summary: LongText,
  warningSigns: LongText,
  whatToDo: LongText,
  whomToCall: MediumText,
  crisisAgreements: LongText,
};
export const HandoverCreate = z.strictObject({
  /** The sending involvement (yours) and the referral to the new service. */
  fromInvolvementId: Id,
  referralId: Id,
  meetingAt: LetterFields.meetingAt.default(null),
  meetingPlace: LetterFields.meetingPlace.default(''),
  summary: LetterFields.summary.default(''),
  warningSigns: LetterFields.warningSigns.default(''),
  whatToDo: LetterFields.whatToDo.default(''),
  whomToCall: LetterFields.whomToCall.default(''),
  crisisAgreements: LetterFields.crisisAgreements.default(''),
});
export type HandoverCreate = z.input<typeof HandoverCreate>;
/** Only the fields sent change (no defaults here: a missing field keeps its value). */
export const HandoverPatch = z.strictObject({ ...LetterFields, meetingHeld: z.boolean() }).partial();
export type HandoverPatch = z.input<typeof HandoverPatch>;
export const HandoverComplete = z.strictObject({ reason: MediumText.optional() });
export type HandoverComplete = z.input<typeof HandoverComplete>;

export const Handover = z.object({
  id: Id,
  householdId: Id,
  from: z.object({ involvementId: Id, professional: Reachable, organisation: Ref, ended: z.boolean() }),
  referral: z.object({
    id: Id,
    status: ReferralStatus,
    service: Ref,
    organisation: Ref,
    receiver: Reachable.nullable(),
  }),
  meetingAt: z.string().nullable(),
  meetingPlace: z.string(),
  meetingHeld: z.boolean(),
  summary: z.string(),
  warningSigns: z.string(),
  whatToDo: z.string(),
  whomToCall: z.string(),
  crisisAgreements: z.string(),
  status: HandoverStatus,
  endReason: z.string(),
  completedAt: z.string().nullable(),
  createdBy: Ref,
  createdAt: z.string(),
  canEdit: z.boolean(),
  version: z.number().int(),
});
export type Handover = z.infer<typeof Handover>;
export const HandoverList = z.object({ items: z.array(Handover) });
export const HandoverParams = z.strictObject({ id: Id, handoverId: Id });

// ---- Who is involved, Verwijsindex-style notices --------------------------------------------------------------

export const InvolvedEntry = z.object({
  id: Id,
  relation: z.enum(['coordinator', 'partner']),
  description: z.string(),
  since: z.string(),
  status: z.enum(['active', 'handing_over']),
  service: Ref.nullable(),
  member: Ref.nullable(),
  professional: Reachable,
  organisation: z.object({ id: Id, name: z.string(), type: OrganisationType }),
  isMe: z.boolean(),
});
export type InvolvedEntry = z.infer<typeof InvolvedEntry>;

export const InvolvementNotice = z.object({
  id: Id,
  household: Ref,
  member: Ref.nullable(),
  /** The other party: only that they are involved and how to reach them. */
  other: z.object({ professional: Reachable, organisation: Ref, service: Ref.nullable(), since: z.string() }),
  createdAt: z.string(),
  read: z.boolean(),
});
export type InvolvementNotice = z.infer<typeof InvolvementNotice>;
export const NoticeList = z.object({ items: z.array(InvolvementNotice) });

export const InvolvedOverview = z.object({
  items: z.array(InvolvedEntry),
  referrals: z.array(Referral),
  notices: z.array(InvolvementNotice),
});
export type InvolvedOverview = z.infer<typeof InvolvedOverview>;
export const NoticeParams = z.strictObject({ noticeId: Id });
