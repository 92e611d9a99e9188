import { z } from 'zod';
import { Id, IsoDate } from './common.js';

/** The period of an access overview (local dates, both inclusive). Default: the last 30 days; at most 366 days. */
export const AccessLogQuery = z.strictObject({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type AccessLogQuery = z.input<typeof AccessLogQuery>;

export const ACCESS_BASIS_KINDS = [
  'coordinator',
  'care_relation',
  'consent',
  'emergency',
  'meldrecht',
  'privacy_audit',
  'administration',
  'triage',
  'system',
  'other',
] as const;
export const AccessBasisKind = z.enum(ACCESS_BASIS_KINDS);

/**
 * One line of the household's access overview: on one day, one organisation in one role looked at (or changed)
 * one data category, on one basis, with or without emergency access. Individual employees are named only for the
 * privacy officer (`people`); the household sees organisations and roles.
 */
export const AccessLogGroup = z.object({
  day: z.string(),
  organisation: z.object({ id: Id, name: z.string() }).nullable(),
  role: z.string().nullable(),
  category: z.string(),
  basis: AccessBasisKind,
  grounds: z.array(z.string()),
  emergency: z.boolean(),
  reads: z.number().int(),
  changes: z.number().int(),
  firstAt: z.string(),
  lastAt: z.string(),
  people: z.array(z.object({ id: Id, name: z.string() })).optional(),
});
export type AccessLogGroup = z.infer<typeof AccessLogGroup>;

export const HouseholdAccessLog = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(AccessLogGroup),
});
export type HouseholdAccessLog = z.infer<typeof HouseholdAccessLog>;

export const EmployeeAccessQuery = AccessLogQuery.extend({ userId: Id });
export type EmployeeAccessQuery = z.input<typeof EmployeeAccessQuery>;

/** Per employee (privacy officer): every household they accessed, with the basis, the consent relied on and emergency use. */
export const EmployeeAccessItem = z.object({
  household: z.object({ id: Id, name: z.string().nullable() }),
  role: z.string().nullable(),
  basis: AccessBasisKind,
  /** The recorded basis as written in the audit trail, e.g. `care_relation:partner;jeugdwet`. */
  basisRecorded: z.string(),
  consent: z.string().nullable(),
  emergency: z.boolean(),
  reads: z.number().int(),
  changes: z.number().int(),
  firstAt: z.string(),
  lastAt: z.string(),
});
export type EmployeeAccessItem = z.infer<typeof EmployeeAccessItem>;

export const EmployeeAccessLog = z.object({
  user: z.object({ id: Id, name: z.string(), organisation: z.object({ id: Id, name: z.string() }) }),
  from: z.string(),
  to: z.string(),
  items: z.array(EmployeeAccessItem),
});
export type EmployeeAccessLog = z.infer<typeof EmployeeAccessLog>;

/** The employees of the region the privacy officer can pick from. */
export const Employee = z.object({
  id: Id,
  name: z.string(),
  organisation: z.object({ id: Id, name: z.string() }),
  roles: z.array(z.string()),
  active: z.boolean(),
});
export type Employee = z.infer<typeof Employee>;
export const EmployeeList = z.object({ items: z.array(Employee) });
