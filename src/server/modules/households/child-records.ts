import { and, asc, eq, isNull } from 'drizzle-orm';
import type { HouseholdPermission } from '../../../domain/access/catalogue.js';
import { DomainError, invalid, notFound, type FieldIssue } from '../../../domain/shared/errors.js';
import type { Viewer } from '../../../domain/privacy/shape.js';
import { viewerOf } from '../../access/categories.js';
import { requireAccess } from '../../access/require-access.js';
import type { Scope } from '../../db/scope.js';
import { members, networkContacts } from '../../db/schema/index.js';
import { assertVersion } from '../../http/etag.js';
import { keepHistory } from './history.js';

type ChildTable = typeof members | typeof networkContacts;

/** Only the fields a partial update actually sets. */
export const defined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/**
 * Members and informal network contacts are both records that hang off a household, are edited by its
 * coordinator, keep their history and are removed reversibly. This is that one behaviour, configured per kind.
 */
export interface ChildKind<Row, Dto extends { version: number }, Input, Patch> {
  table: ChildTable;
  recordType: 'member' | 'network_contact';
  writePermission: HouseholdPermission;
  toDto(row: Row): Dto;
  /** Leaves out what the caller may not see (data categories, issue 5). */
  shape?(viewer: Viewer, dto: Dto): Dto;
  /** Column values for an insert. */
  insertValues(input: Input): Record<string, unknown>;
  /** Column values for a partial update. */
  patchValues(patch: Patch): Record<string, unknown>;
  validate(input: Partial<Input>, today: string): FieldIssue[];
  memberIdOf?(row: Row): string | null;
}

export function childRecords<
  Row extends { id: string; version: number; householdId: string; removedAt: Date | null },
  Dto extends { version: number },
  Input,
  Patch,
>(kind: ChildKind<Row, Dto, Input, Patch>, today: (now: Date) => string) {
  const t = kind.table;
  const objectType = kind.recordType;
  const memberId = (row: Row) => kind.memberIdOf?.(row) ?? null;

  async function load(scope: Scope, householdId: string, id: string): Promise<Row> {
    const [row] = await scope.tx
      .select()
      .from(t)
      .where(and(eq(t.id, id), eq(t.householdId, householdId)));
    if (!row || row.removedAt) throw notFound(objectType.replace('_', ' '));
    return row as unknown as Row;
  }

  return {
    async list(scope: Scope, householdId: string): Promise<Dto[]> {
      const grant = await requireAccess(scope, 'read', { householdId, objectType });
      const rows = await scope.tx
        .select()
        .from(t)
        .where(and(eq(t.householdId, householdId), isNull(t.removedAt)))
        .orderBy(asc(t.createdAt), asc(t.name));
      scope.audit({
        objectType: `${objectType}_list`,
        householdId,
        action: 'read',
        basis: grant.basis,
        role: grant.role,
      });
      const viewer = viewerOf(scope, grant);
      return rows.map((r) => {
        const dto = kind.toDto(r as unknown as Row);
        return kind.shape ? kind.shape(viewer, dto) : dto;
      });
    },

    async add(scope: Scope, householdId: string, input: Input): Promise<Dto> {
      const grant = await requireAccess(scope, kind.writePermission, { householdId, objectType });
      const issues = kind.validate(input, today(scope.now));
      if (issues.length > 0) throw invalid(issues);
      const [row] = await scope.tx
        .insert(t)
        .values({
          householdId,
          ...kind.insertValues(input),
          createdAt: scope.now,
          updatedAt: scope.now,
        } as never)
        .returning();
      const r = row as unknown as Row;
      await keepHistory(scope, {
        householdId,
        recordType: kind.recordType,
        recordId: r.id,
        version: 1,
        change: 'created',
        data: kind.toDto(r),
      });
      scope.audit({
        objectType,
        objectId: r.id,
        memberId: memberId(r),
        householdId,
        action: 'create',
        basis: grant.basis,
        role: grant.role,
      });
      return kind.toDto(r);
    },

    async update(
      scope: Scope,
      householdId: string,
      id: string,
      expectedVersion: number,
      patch: Patch,
    ): Promise<Dto> {
      const grant = await requireAccess(scope, kind.writePermission, { householdId, objectType });
      const current = await load(scope, householdId, id);
      assertVersion(expectedVersion, current.version, kind.toDto(current));
      const issues = kind.validate(patch as Partial<Input>, today(scope.now));
      if (issues.length > 0) throw invalid(issues);
      const [row] = await scope.tx
        .update(t)
        .set({ ...kind.patchValues(patch), version: current.version + 1, updatedAt: scope.now })
        .where(and(eq(t.id, id), eq(t.version, expectedVersion)))
        .returning();
      if (!row) throw new DomainError('STALE_VERSION', 'Someone else changed this in the meantime.');
      const r = row as unknown as Row;
      await keepHistory(scope, {
        householdId,
        recordType: kind.recordType,
        recordId: id,
        version: r.version,
        change: 'updated',
        data: kind.toDto(r),
      });
      scope.audit({
        objectType,
        objectId: id,
        memberId: memberId(r),
        householdId,
        action: 'update',
        basis: grant.basis,
        role: grant.role,
      });
      return kind.toDto(r);
    },

    /** Removal is reversible: the record is marked removed and can be restored by an administrator. */
    async remove(scope: Scope, householdId: string, id: string, expectedVersion: number): Promise<void> {
      const grant = await requireAccess(scope, kind.writePermission, { householdId, objectType });
      const current = await load(scope, householdId, id);
      assertVersion(expectedVersion, current.version, kind.toDto(current));
      const [row] = await scope.tx
        .update(t)
        .set({
          removedAt: scope.now,
          removedBy: scope.actor.userId,
          version: current.version + 1,
          updatedAt: scope.now,
        })
        .where(and(eq(t.id, id), eq(t.version, expectedVersion)))
        .returning();
      if (!row) throw new DomainError('STALE_VERSION', 'Someone else changed this in the meantime.');
      const r = row as unknown as Row;
      await keepHistory(scope, {
        householdId,
        recordType: kind.recordType,
        recordId: id,
        version: r.version,
        change: 'removed',
        data: kind.toDto(r),
      });
      scope.audit({
        objectType,
        objectId: id,
        memberId: memberId(r),
        householdId,
        action: 'remove',
        basis: grant.basis,
        role: grant.role,
      });
    },

    async restore(scope: Scope, id: string): Promise<void> {
      requireAccess(scope, 'record.restore');
      await scope.setPurpose('restore');
      const [found] = await scope.tx.select().from(t).where(eq(t.id, id));
      if (!found) throw notFound(objectType.replace('_', ' '));
      const grant = await requireAccess(scope, 'restore', { householdId: found.householdId, objectType });
      if (!found.removedAt) throw new DomainError('CONFLICT', 'This record has not been removed.');
      const [row] = await scope.tx
        .update(t)
        .set({ removedAt: null, removedBy: null, version: found.version + 1, updatedAt: scope.now })
        .where(and(eq(t.id, id), eq(t.version, found.version)))
        .returning();
      if (!row) throw new DomainError('STALE_VERSION', 'Someone else changed this in the meantime.');
      const r = row as unknown as Row;
      await keepHistory(scope, {
        householdId: r.householdId,
        recordType: kind.recordType,
        recordId: id,
        version: r.version,
        change: 'restored',
        data: kind.toDto(r),
      });
      scope.audit({
        objectType,
        objectId: id,
        memberId: memberId(r),
        householdId: r.householdId,
        action: 'restore',
        basis: grant.basis,
        role: grant.role,
      });
    },
  };
}
