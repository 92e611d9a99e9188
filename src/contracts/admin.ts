import { z } from 'zod';
import { Email, Id, patchOf, MediumText, Phone, RequiredName, ShortText } from './common.js';
import { OrganisationType, Role } from './roles.js';

const Contact = z.strictObject({ name: ShortText, email: z.union([Email, z.literal('')]) });

export const OrganisationInput = z.strictObject({
  name: RequiredName,
  type: OrganisationType,
  email: z.union([Email, z.literal('')]).default(''),
  phone: Phone.default(''),
  address: MediumText.default(''),
  manager: Contact.default({ name: '', email: '' }),
  director: Contact.default({ name: '', email: '' }),
  active: z.boolean().default(true),
  /** Whether every user of the organisation logs in with a second factor (always so for administrators and privacy officers). */
  requireSecondFactor: z.boolean().default(false),
});
export type OrganisationInput = z.input<typeof OrganisationInput>;
export const OrganisationPatch = patchOf(OrganisationInput);
export type OrganisationPatch = z.input<typeof OrganisationPatch>;

export const Organisation = z.object({
  id: Id,
  name: z.string(),
  type: OrganisationType,
  email: z.string(),
  phone: z.string(),
  address: z.string(),
  manager: z.object({ name: z.string(), email: z.string() }),
  director: z.object({ name: z.string(), email: z.string() }),
  active: z.boolean(),
  requireSecondFactor: z.boolean(),
  version: z.number().int(),
});
export type Organisation = z.infer<typeof Organisation>;
export const OrganisationList = z.object({ items: z.array(Organisation) });

const Fte = z.number().min(0.1).max(1.2);

export const UserCreate = z.strictObject({
  organisationId: Id,
  name: RequiredName,
  email: Email,
  phone: Phone.default(''),
  roles: z.array(Role).min(1).max(7),
  fte: Fte.nullable().default(null),
  password: z.string().max(256),
});
export type UserCreate = z.input<typeof UserCreate>;

export const UserPatch = z.strictObject({
  organisationId: Id.optional(),
  name: RequiredName.optional(),
  email: Email.optional(),
  phone: Phone.optional(),
  roles: z.array(Role).min(1).max(7).optional(),
  fte: Fte.nullable().optional(),
  active: z.boolean().optional(),
  password: z.string().max(256).optional(),
});
export type UserPatch = z.input<typeof UserPatch>;

export const User = z.object({
  id: Id,
  organisationId: Id,
  organisationName: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  roles: z.array(Role),
  fte: z.number().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type User = z.infer<typeof User>;
export const UserList = z.object({ items: z.array(User) });

/** The professional directory: who can be attached to a household. No personal details beyond work contact. */
export const Professional = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  roles: z.array(Role),
  organisation: z.object({ id: Id, name: z.string(), type: OrganisationType }),
});
export type Professional = z.infer<typeof Professional>;
export const ProfessionalList = z.object({ items: z.array(Professional) });
