import { z } from 'zod';
import { Email, Id, patchOf, IsoDate, MediumText, Phone, RequiredName, ShortText } from './common.js';
import { OrganisationType } from './roles.js';
import { DATA_CATEGORIES } from '../domain/privacy/categories.js';

export const DataCategory = z.enum(DATA_CATEGORIES);

export const PYRAMID_CATEGORIES = [0, 1, 2, 3, 4] as const;
export const PyramidCategory = z.union([
  z.literal(0),
  z.literal(1),
  z.literal(2),
  z.literal(3),
  z.literal(4),
]);

export const Address = z.strictObject({
  street: ShortText.default(''),
  houseNumber: z.string().trim().max(20).default(''),
  postcode: z
    .string()
    .trim()
    .toUpperCase()
    .max(7)
    .regex(/^$|^[1-9][0-9]{3} ?[A-Z]{2}$/, { message: 'Use a Dutch postcode such as 8011 AB' })
    .default(''),
  city: ShortText.default(''),
});
export type Address = z.infer<typeof Address>;

export const MEMBER_ROLES = ['parent', 'child', 'other_adult'] as const;
export const MemberRole = z.enum(MEMBER_ROLES);
export type MemberRole = z.infer<typeof MemberRole>;

export const LANGUAGES = ['nl', 'en', 'ar', 'tr', 'pl', 'ti', 'so', 'fa', 'pap', 'other'] as const;

export const MemberInput = z.strictObject({
  name: RequiredName,
  dateOfBirth: IsoDate.nullable().default(null),
  role: MemberRole,
  lvb: z.boolean().default(false),
  phone: Phone.default(''),
  email: z.union([Email, z.literal('')]).default(''),
  preferredLanguage: z.enum(LANGUAGES).default('nl'),
});
export type MemberInput = z.input<typeof MemberInput>;
export const MemberPatch = patchOf(MemberInput);
export type MemberPatch = z.input<typeof MemberPatch>;

export const Member = z.object({
  id: Id,
  householdId: Id,
  name: z.string(),
  dateOfBirth: z.string().nullable(),
  role: MemberRole,
  /** Health data (mild intellectual disability): absent for a caller without the health category for this member. */
  lvb: z.boolean().optional(),
  phone: z.string(),
  email: z.string(),
  preferredLanguage: z.string(),
  removed: z.boolean(),
  version: z.number().int(),
});
export type Member = z.infer<typeof Member>;
export const MemberList = z.object({ items: z.array(Member) });

export const RELATION_QUALITIES = ['supportive', 'neutral', 'stressful'] as const;
export const RelationQuality = z.enum(RELATION_QUALITIES);
export type RelationQuality = z.infer<typeof RelationQuality>;

export const NetworkContactInput = z.strictObject({
  name: RequiredName,
  relation: ShortText.min(1),
  quality: RelationQuality,
  phone: Phone.default(''),
  note: MediumText.default(''),
});
export type NetworkContactInput = z.input<typeof NetworkContactInput>;
export const NetworkContactPatch = patchOf(NetworkContactInput);
export type NetworkContactPatch = z.input<typeof NetworkContactPatch>;

export const NetworkContact = z.object({
  id: Id,
  householdId: Id,
  name: z.string(),
  relation: z.string(),
  quality: RelationQuality,
  phone: z.string(),
  note: z.string(),
  removed: z.boolean(),
  version: z.number().int(),
});
export type NetworkContact = z.infer<typeof NetworkContact>;
export const NetworkContactList = z.object({ items: z.array(NetworkContact) });

export const HouseholdCreate = z.strictObject({
  name: RequiredName,
  address: Address.default({ street: '', houseNumber: '', postcode: '', city: '' }),
  pyramidCategory: PyramidCategory.nullable().default(null),
  members: z.array(MemberInput).max(20).default([]),
  networkContacts: z.array(NetworkContactInput).max(40).default([]),
});
export type HouseholdCreate = z.input<typeof HouseholdCreate>;

export const HouseholdPatch = z.strictObject({
  name: RequiredName.optional(),
  address: Address.optional(),
  pyramidCategory: PyramidCategory.nullable().optional(),
});
export type HouseholdPatch = z.input<typeof HouseholdPatch>;

export const HOUSEHOLD_ACTIONS = [
  'update',
  'member.write',
  'network.write',
  'involvement.manage',
  'audit.read',
  'assessment.write',
  'safety.manage',
  'plan.write',
  'action.report',
  'plan.acknowledge',
  'meldcode.manage',
  'referral.write',
  'contact.write',
  'handover.write',
  'stagnation.report',
  'stagnation.manage',
  'consent.manage',
  'basis.share',
  'access_log.read',
] as const;
export const HouseholdAction = z.enum(HOUSEHOLD_ACTIONS);
export type HouseholdAction = z.infer<typeof HouseholdAction>;

export const HouseholdRelation = z.enum(['coordinator', 'partner', 'auditor', 'administrator', 'emergency']);
export type HouseholdRelation = z.infer<typeof HouseholdRelation>;

export const Household = z.object({
  id: Id,
  name: z.string(),
  address: z.object({ street: z.string(), houseNumber: z.string(), postcode: z.string(), city: z.string() }),
  pyramidCategory: PyramidCategory.nullable(),
  coordinator: z.object({ id: Id, name: z.string() }).nullable(),
  relation: HouseholdRelation,
  can: z.array(HouseholdAction),
  /** Set while the caller reads through emergency access (noodknop): when that access ends. */
  emergencyUntil: z.string().nullable(),
  /** The data categories the caller sees of this household (for at least one member). */
  categories: z.array(DataCategory),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Household = z.infer<typeof Household>;

export const HouseholdSummary = z.object({
  id: Id,
  name: z.string(),
  city: z.string(),
  pyramidCategory: PyramidCategory.nullable(),
  coordinator: z.object({ id: Id, name: z.string() }).nullable(),
  relation: HouseholdRelation,
  memberCount: z.number().int(),
});
export type HouseholdSummary = z.infer<typeof HouseholdSummary>;
export const HouseholdList = z.object({ items: z.array(HouseholdSummary) });

export const InvolvementInput = z.strictObject({
  userId: Id,
  description: ShortText.default(''),
});
export type InvolvementInput = z.input<typeof InvolvementInput>;

export const Involvement = z.object({
  id: Id,
  relation: z.enum(['coordinator', 'partner']),
  description: z.string(),
  since: z.string(),
  professional: z.object({ id: Id, name: z.string(), email: z.string(), phone: z.string() }),
  organisation: z.object({ id: Id, name: z.string(), type: OrganisationType }),
});
export type Involvement = z.infer<typeof Involvement>;
export const InvolvementList = z.object({ items: z.array(Involvement) });

export const HistoryEntry = z.object({
  recordType: z.enum(['household', 'member', 'network_contact']),
  recordId: Id,
  version: z.number().int(),
  change: z.enum(['created', 'updated', 'removed', 'restored']),
  data: z.record(z.string(), z.unknown()),
  changedBy: z.object({ id: Id, name: z.string() }),
  changedAt: z.string(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;
export const HistoryList = z.object({ items: z.array(HistoryEntry) });

export const RemovedRecord = z.object({
  recordType: z.enum(['member', 'network_contact']),
  id: Id,
  householdId: Id,
  householdName: z.string(),
  name: z.string(),
  removedAt: z.string(),
  removedBy: z.object({ id: Id, name: z.string() }).nullable(),
});
export type RemovedRecord = z.infer<typeof RemovedRecord>;
export const RemovedList = z.object({ items: z.array(RemovedRecord) });

export const MemberParams = z.strictObject({ id: Id, memberId: Id });
export const ContactParams = z.strictObject({ id: Id, contactId: Id });
export const InvolvementParams = z.strictObject({ id: Id, involvementId: Id });
