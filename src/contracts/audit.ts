import { z } from 'zod';
import { Id, IsoDate } from './common.js';

export const AUDIT_ACTIONS = [
  'read',
  'create',
  'update',
  'remove',
  'restore',
  'login',
  'logout',
  'export',
] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export const AUDIT_OUTCOMES = ['success', 'denied', 'failed'] as const;
export const AuditOutcome = z.enum(AUDIT_OUTCOMES);

export const AuditQuery = z.strictObject({
  householdId: Id.optional(),
  userId: Id.optional(),
  action: AuditAction.optional(),
  outcome: AuditOutcome.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.input<typeof AuditQuery>;

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  user: z.object({ id: Id, name: z.string() }).nullable(),
  onBehalfOf: z.object({ id: Id, name: z.string() }).nullable(),
  organisation: z.object({ id: Id, name: z.string() }).nullable(),
  role: z.string().nullable(),
  household: z.object({ id: Id, name: z.string().nullable() }).nullable(),
  memberId: Id.nullable(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  action: AuditAction,
  basis: z.string(),
  emergency: z.boolean(),
  /** The consents and sharing bases the access relied on (`consent:<id>,basis:<id>`), or null. */
  consent: z.string().nullable(),
  outcome: AuditOutcome,
  clientAddress: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditPage = z.object({ items: z.array(AuditEntry), nextBefore: z.number().int().nullable() });

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.object({ regionId: Id, seq: z.number().int(), reason: z.string() }).nullable(),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;
