import { desc, eq, isNotNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { RemovedRecord } from '../../../contracts/households.js';
import { requireAccess } from '../../access/require-access.js';
import type { Scope } from '../../db/scope.js';
import { households, members, networkContacts, users } from '../../db/schema/index.js';

/** Removed members and network contacts, for an administrator to restore. */
export async function listRemoved(scope: Scope): Promise<RemovedRecord[]> {
  requireAccess(scope, 'record.restore');
  await scope.setPurpose('restore');
  const remover = alias(users, 'remover');
  const result: RemovedRecord[] = [];
  for (const [recordType, t] of [
    ['member', members],
    ['network_contact', networkContacts],
  ] as const) {
    const rows = await scope.tx
      .select({
        id: t.id,
        name: t.name,
        householdId: t.householdId,
        householdName: households.name,
        removedAt: t.removedAt,
        byId: remover.id,
        byName: remover.name,
      })
      .from(t)
      .innerJoin(households, eq(households.id, t.householdId))
      .leftJoin(remover, eq(remover.id, t.removedBy))
      .where(isNotNull(t.removedAt))
      .orderBy(desc(t.removedAt))
      .limit(200);
    for (const r of rows) {
      result.push({
        recordType,
        id: r.id,
        householdId: r.householdId,
        householdName: r.householdName,
        name: r.name,
        removedAt: r.removedAt!.toISOString(),
        removedBy: r.byId && r.byName ? { id: r.byId, name: r.byName } : null,
      });
      scope.audit({
        objectType: recordType,
        objectId: r.id,
        householdId: r.householdId,
        memberId: recordType === 'member' ? r.id : null,
        action: 'read',
        basis: 'administration',
        role: 'administrator',
      });
    }
  }
  return result.sort((a, b) => b.removedAt.localeCompare(a.removedAt));
}
