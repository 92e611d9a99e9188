import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { AuditEntry, AuditQuery } from '../../../contracts/audit.js';
import { requireAccess } from '../../access/require-access.js';
import type { Scope } from '../../db/scope.js';
import { auditEvents, households, organisations, users } from '../../db/schema/index.js';

function nextDay(isoDate: string): Date {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

/** The privacy officer's view of the audit trail, newest first, filtered and paged by sequence number. */
export async function browseAudit(
  scope: Scope,
  q: z.output<typeof AuditQuery>,
): Promise<{ items: AuditEntry[]; nextBefore: number | null }> {
  requireAccess(scope, 'audit.read');
  await scope.setPurpose('audit');
  const behalf = alias(users, 'behalf');
  const where: (SQL | undefined)[] = [
    eq(auditEvents.regionId, scope.actor.regionId),
    q.householdId ? eq(auditEvents.householdId, q.householdId) : undefined,
    q.userId ? eq(auditEvents.userId, q.userId) : undefined,
    q.action ? eq(auditEvents.action, q.action) : undefined,
    q.outcome ? eq(auditEvents.outcome, q.outcome) : undefined,
    q.from ? gte(auditEvents.at, new Date(`${q.from}T00:00:00Z`)) : undefined,
    q.to ? lt(auditEvents.at, nextDay(q.to)) : undefined,
    q.before ? lt(auditEvents.seq, q.before) : undefined,
  ];
  const rows = await scope.tx
    .select({
      e: auditEvents,
      userName: users.name,
      behalfName: behalf.name,
      orgName: organisations.name,
      householdName: households.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .leftJoin(behalf, eq(behalf.id, auditEvents.onBehalfOf))
    .leftJoin(organisations, eq(organisations.id, auditEvents.organisationId))
    .leftJoin(households, eq(households.id, auditEvents.householdId))
    .where(and(...where))
    .orderBy(desc(auditEvents.seq))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  scope.audit({
    objectType: 'audit_log',
    objectId: q.householdId ?? null,
    householdId: q.householdId ?? null,
    action: 'read',
    basis: 'privacy_audit',
    role: 'privacy_officer',
  });
  return {
    items: page.map(({ e, userName, behalfName, orgName, householdName }) => ({
      seq: e.seq,
      at: e.at.toISOString(),
      user: e.userId ? { id: e.userId, name: userName ?? '' } : null,
      onBehalfOf: e.onBehalfOf ? { id: e.onBehalfOf, name: behalfName ?? '' } : null,
      organisation: e.organisationId ? { id: e.organisationId, name: orgName ?? '' } : null,
      role: e.role,
      household: e.householdId ? { id: e.householdId, name: householdName } : null,
      memberId: e.memberId,
      objectType: e.objectType,
      objectId: e.objectId,
      action: e.action as AuditEntry['action'],
      basis: e.basis,
      emergency: e.emergency,
      consent: e.consent,
      outcome: e.outcome as AuditEntry['outcome'],
      clientAddress: e.clientAddress,
    })),
    nextBefore: rows.length > q.limit ? page[page.length - 1]!.e.seq : null,
  };
}
