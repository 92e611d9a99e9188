import { desc, eq } from 'drizzle-orm';
import type { HistoryEntry } from '../../../contracts/households.js';
import { shapeHistoryData } from '../../../domain/privacy/shape.js';
import { viewerOf } from '../../access/categories.js';
import { requireAccess } from '../../access/require-access.js';
import type { Scope } from '../../db/scope.js';
import { recordHistory, users } from '../../db/schema/index.js';

type RecordType = HistoryEntry['recordType'];
type Change = HistoryEntry['change'];

/** Keeps the state of a record after each change; with the earlier entries nothing is ever lost. */
export async function keepHistory(
  scope: Scope,
  entry: {
    householdId: string;
    recordType: RecordType;
    recordId: string;
    version: number;
    change: Change;
    data: object;
  },
): Promise<void> {
  await scope.tx
    .insert(recordHistory)
    .values({ ...entry, data: entry.data, changedBy: scope.actor.userId, changedAt: scope.now });
}

export async function listHistory(scope: Scope, householdId: string): Promise<HistoryEntry[]> {
  const grant = await requireAccess(scope, 'read', { householdId });
  const rows = await scope.tx
    .select({ h: recordHistory, byName: users.name })
    .from(recordHistory)
    .innerJoin(users, eq(users.id, recordHistory.changedBy))
    .where(eq(recordHistory.householdId, householdId))
    .orderBy(desc(recordHistory.id))
    .limit(500);
  scope.audit({ objectType: 'history', householdId, action: 'read', basis: grant.basis, role: grant.role });
  const viewer = viewerOf(scope, grant);
  return rows.map(({ h, byName }) => ({
    recordType: h.recordType as RecordType,
    recordId: h.recordId,
    version: h.version,
    change: h.change as Change,
    data: shapeHistoryData(viewer, h.recordType, h.recordId, h.data as Record<string, unknown>),
    changedBy: { id: h.changedBy, name: byName },
    changedAt: h.changedAt.toISOString(),
  }));
}
