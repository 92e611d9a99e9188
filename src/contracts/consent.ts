import { z } from 'zod';
import { DATA_CATEGORIES } from '../domain/privacy/categories.js';
import {
  CONSENT_FORMS,
  CONSENT_PROBLEMS,
  CONSENT_PURPOSES,
  SIGNER_KINDS,
} from '../domain/privacy/consent.js';
import { CASE_GROUNDS, MIN_JUSTIFICATION, SHARING_GROUNDS } from '../domain/privacy/legal-basis.js';
import { Id, IsoDate, IsoDateTime, LIMITS, LongText, RequiredName, ShortText } from './common.js';

export const ConsentCategory = z.enum(DATA_CATEGORIES);
export type ConsentCategoryName = z.infer<typeof ConsentCategory>;
export const ConsentPurpose = z.enum(CONSENT_PURPOSES);
export const ConsentForm = z.enum(CONSENT_FORMS);
export const SignerKind = z.enum(SIGNER_KINDS);
export const ConsentStatus = z.enum(['active', 'withdrawn', 'expired', 'not_yet_valid']);
export type ConsentStatusName = z.infer<typeof ConsentStatus>;
/** Why a consent cannot be recorded as drafted: the `message` of each field of a `CONSENT_INVALID` error. */
export const ConsentProblem = z.enum(CONSENT_PROBLEMS);
export type ConsentProblemCode = z.infer<typeof ConsentProblem>;

export const ConsentSigner = z.strictObject({ kind: SignerKind, name: RequiredName });
export type ConsentSigner = z.infer<typeof ConsentSigner>;

/** A household member's consent (instemming) for one organisation. */
export const Consent = z.object({
  id: Id,
  memberId: Id,
  memberName: z.string(),
  organisationId: Id,
  organisationName: z.string(),
  categories: z.array(ConsentCategory),
  purpose: ConsentPurpose,
  serviceId: Id.nullable(),
  serviceName: z.string().nullable(),
  givenBy: z.array(z.object({ kind: SignerKind, name: z.string() })),
  givenOn: IsoDate,
  form: ConsentForm,
  witness: z.string(),
  validUntil: IsoDate,
  status: ConsentStatus,
  withdrawnAt: IsoDateTime.nullable(),
  withdrawnBy: z.string().nullable(),
  withdrawalNote: z.string(),
  recordedBy: z.string(),
  createdAt: IsoDateTime,
  version: z.number().int(),
});
export type Consent = z.infer<typeof Consent>;
export const ConsentList = z.object({ items: z.array(Consent) });

/**
 * Recording a consent. The rules that depend on each other (who must sign at the member's age, a witness for a
 * verbal consent, the period, a service for a referral, at least one category) are checked together on the
 * server and answered with one 422 `CONSENT_INVALID` listing every problem.
 */
export const ConsentInput = z.strictObject({
  memberId: Id,
  organisationId: Id,
  categories: z
    .array(ConsentCategory)
    .max(DATA_CATEGORIES.length)
    .refine((c) => new Set(c).size === c.length, { message: 'Each category once.' }),
  purpose: ConsentPurpose,
  serviceId: Id.nullish(),
  givenBy: z.array(ConsentSigner).max(4),
  givenOn: IsoDate,
  form: ConsentForm,
  witness: ShortText.default(''),
  validUntil: IsoDate,
});
export type ConsentInput = z.input<typeof ConsentInput>;

export const ConsentWithdrawal = z.strictObject({ note: LongText.min(1) });
export type ConsentWithdrawal = z.infer<typeof ConsentWithdrawal>;

export const ConsentParams = z.strictObject({ id: Id, consentId: Id });

export const CaseGround = z.enum(CASE_GROUNDS);
export const SharingGround = z.enum(SHARING_GROUNDS);
export const BasisScope = z.enum(['case', 'sharing']);

/** The legal basis of the case, or of one sharing without consent with its written justification. */
export const LegalBasis = z.object({
  id: Id,
  scope: BasisScope,
  ground: z.union([CaseGround, SharingGround]),
  organisationId: Id.nullable(),
  organisationName: z.string().nullable(),
  memberId: Id.nullable(),
  memberName: z.string().nullable(),
  categories: z.array(ConsentCategory),
  justification: z.string(),
  validFrom: IsoDate,
  validUntil: IsoDate.nullable(),
  active: z.boolean(),
  endedAt: IsoDateTime.nullable(),
  endedBy: z.string().nullable(),
  recordedBy: z.string(),
  /** Who recorded it: a partner may end only a sharing they recorded themselves. */
  recordedById: Id,
  recordedByOrganisation: z.string(),
  createdAt: IsoDateTime,
  version: z.number().int(),
});
export type LegalBasis = z.infer<typeof LegalBasis>;
export const LegalBasisList = z.object({ items: z.array(LegalBasis) });

const Justification = z.string().trim().max(LIMITS.long);

export const CaseBasisInput = z.strictObject({
  scope: z.literal('case'),
  ground: CaseGround,
  memberId: Id.nullish(),
  justification: Justification.min(1),
  validFrom: IsoDate.optional(),
  validUntil: IsoDate.nullish(),
});
export const SharingBasisInput = z.strictObject({
  scope: z.literal('sharing'),
  ground: SharingGround,
  organisationId: Id,
  memberId: Id.nullish(),
  categories: z
    .array(ConsentCategory)
    .min(1)
    .max(DATA_CATEGORIES.length)
    .refine((c) => new Set(c).size === c.length, { message: 'Each category once.' }),
  justification: Justification.min(MIN_JUSTIFICATION),
  validFrom: IsoDate.optional(),
  validUntil: IsoDate.nullish(),
});
/** `validFrom` defaults to today; `validUntil` empty: until it is ended. */
export const LegalBasisInput = z.discriminatedUnion('scope', [CaseBasisInput, SharingBasisInput]);
export type LegalBasisInput = z.input<typeof LegalBasisInput>;

/** Ending a basis takes no fields: it ends now (send If-Match with its version). */
export const LegalBasisEnd = z.strictObject({});
export type LegalBasisEnd = z.infer<typeof LegalBasisEnd>;

export const LegalBasisParams = z.strictObject({ id: Id, basisId: Id });
