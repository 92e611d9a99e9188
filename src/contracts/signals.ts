import { z } from 'zod';
import { Email, Id, IsoDate, LongText, Phone, PersonRef, ShortText } from './common.js';
import { Address, PyramidCategory } from './households.js';
import { OrganisationType } from './roles.js';

export const URGENCIES = ['urgent', 'normal'] as const;
export const Urgency = z.enum(URGENCIES);
export type Urgency = z.infer<typeof Urgency>;

/** What the signaller may know: received, picked up, closed. Never the outcome or the case. */
export const SIGNAL_STATUSES = ['received', 'picked_up', 'closed'] as const;
export const SignalStatus = z.enum(SIGNAL_STATUSES);
export type SignalStatus = z.infer<typeof SignalStatus>;

export const TRIAGE_OUTCOMES = ['no_action', 'regular', 'intensive', 'safety'] as const;
export const TriageOutcome = z.enum(TRIAGE_OUTCOMES);
export type TriageOutcome = z.infer<typeof TriageOutcome>;

/** A reference code such as SK-7K3F-9QXM (no 0/O/1/I to avoid misreading). */
export const ReferenceCode = z
  .string()
  .trim()
  .toUpperCase()
  .max(20)
  .regex(/^SK-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/, {
    message: 'Use the code from your confirmation, such as SK-7K3F-9QXM',
  });

export const Subject = z.strictObject({
  name: ShortText.min(1),
  dateOfBirth: IsoDate.nullable().default(null),
  address: Address.default({ street: '', houseNumber: '', postcode: '', city: '' }),
});
export type Subject = z.input<typeof Subject>;

/** The public form, without an account. `website` is a honeypot: people leave it empty, robots fill it in. */
export const PublicSignalInput = z.strictObject({
  signallerName: ShortText.min(1),
  signallerEmail: z.union([Email, z.literal('')]).default(''),
  signallerPhone: Phone.default(''),
  subject: Subject,
  concern: LongText.min(10),
  urgency: Urgency,
  website: z.string().max(200).default(''),
});
export type PublicSignalInput = z.input<typeof PublicSignalInput>;

export const PublicSignalReceipt = z.object({ referenceCode: z.string(), status: SignalStatus });
export type PublicSignalReceipt = z.infer<typeof PublicSignalReceipt>;

export const SignalStatusQuery = z.strictObject({ code: ReferenceCode });
export const PublicSignalStatus = z.object({
  referenceCode: z.string(),
  status: SignalStatus,
  receivedAt: z.string(),
  updatedAt: z.string(),
});
export type PublicSignalStatus = z.infer<typeof PublicSignalStatus>;

/** A professional's signal, about a new person/household or a household they already see. */
export const ProfessionalSignalInput = z.strictObject({
  householdId: Id.nullable().default(null),
  subject: Subject.nullable().default(null),
  concern: LongText.min(10),
  urgency: Urgency,
});
export type ProfessionalSignalInput = z.input<typeof ProfessionalSignalInput>;

export const SignalSummary = z.object({
  id: Id,
  referenceCode: z.string(),
  source: z.enum(['public', 'professional']),
  subjectName: z.string(),
  urgency: Urgency,
  status: SignalStatus,
  receivedAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  outcome: TriageOutcome.nullable(),
});
export type SignalSummary = z.infer<typeof SignalSummary>;
export const SignalList = z.object({ items: z.array(SignalSummary) });

export const SignalQueueQuery = z.strictObject({ state: z.enum(['open', 'decided']).default('open') });

export const MatchCandidate = z.object({
  householdId: Id,
  name: z.string(),
  city: z.string(),
  score: z.number(),
  reasons: z.array(z.enum(['name', 'dateOfBirth', 'address'])),
  matchedMember: z.string().nullable(),
});
export type MatchCandidate = z.infer<typeof MatchCandidate>;

export const SignalDetail = SignalSummary.extend({
  signaller: z.object({
    name: z.string(),
    email: z.string(),
    phone: z.string(),
    organisation: z.string().nullable(),
  }),
  subject: z.object({
    name: z.string(),
    dateOfBirth: z.string().nullable(),
    address: z.object({
      street: z.string(),
      houseNumber: z.string(),
      postcode: z.string(),
      city: z.string(),
    }),
  }),
  concern: z.string(),
  household: PersonRef.nullable(),
  candidates: z.array(MatchCandidate),
  decision: z
    .object({
      outcome: TriageOutcome,
      pyramidCategory: PyramidCategory.nullable(),
      reasons: z.string(),
      referredTo: PersonRef.nullable(),
      dominantProblem: OrganisationType.nullable(),
      decidedBy: PersonRef,
      decidedAt: z.string(),
      /** The referred organisation (regular route) acknowledged it picked the signal up. */
      pickedUp: z.object({ at: z.string(), by: PersonRef, organisation: z.string() }).nullable(),
    })
    .nullable(),
  version: z.number().int(),
});
export type SignalDetail = z.infer<typeof SignalDetail>;

export const TriageDecisionInput = z.strictObject({
  outcome: TriageOutcome,
  reasons: LongText.min(1),
  pyramidCategory: PyramidCategory.nullable().default(null),
  /** A match confirmed by the person triaging; null opens a new household (intensive/safety). */
  householdId: Id.nullable().default(null),
  referredOrganisationId: Id.nullable().default(null),
  dominantProblem: OrganisationType.nullable().default(null),
});
export type TriageDecisionInput = z.input<typeof TriageDecisionInput>;

export const TriageDecisionResult = z.object({ signal: SignalDetail, householdId: Id.nullable() });
export type TriageDecisionResult = z.infer<typeof TriageDecisionResult>;

/** A signal passed on (regular route) as its organisation sees it: what it needs to act, nothing else. */
export const PassedOnSummary = z.object({
  id: Id,
  referenceCode: z.string(),
  subjectName: z.string(),
  urgency: Urgency,
  decidedAt: z.string(),
  pickedUpAt: z.string().nullable(),
});
export type PassedOnSummary = z.infer<typeof PassedOnSummary>;
export const PassedOnList = z.object({ items: z.array(PassedOnSummary) });

export const PassedOnDetail = PassedOnSummary.extend({
  signaller: z.object({
    name: z.string(),
    email: z.string(),
    phone: z.string(),
    organisation: z.string().nullable(),
  }),
  subject: SignalDetail.shape.subject,
  concern: z.string(),
  reasons: z.string(),
  decidedBy: PersonRef,
  pickedUpBy: PersonRef.nullable(),
  version: z.number().int(),
});
export type PassedOnDetail = z.infer<typeof PassedOnDetail>;
