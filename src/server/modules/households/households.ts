import { and, eq, sql } from 'drizzle-orm';
import type {
  Household,
  HouseholdCreate,
  HouseholdPatch,
  HouseholdSummary,
} from '../../../contracts/households.js';
import type { HouseholdRelation } from '../../../contracts/households.js';
import { checkDateOfBirth, amsterdamDate } from '../../../domain/households/rules.js';
import { DomainError, invalid } from '../../../domain/shared/errors.js';
import { type HouseholdGrant, requireAccess } from '../../access/require-access.js';
import { byName } from '../../db/order.js';
import type { Scope } from '../../db/scope.js';
import {
  householdAccess,
  households,
  involvements,
  members,
  networkContacts,
  users,
} from '../../db/schema/index.js';
import { assertVersion } from '../../http/etag.js';
import { keepHistory } from './history.js';

type Row = typeof households.$inferSelect;
type Pyramid = Household['pyramidCategory'];

function toHousehold(r: Row, coordinatorName: string | null, grant: HouseholdGrant): Household {
  return {
    id: r.id,
    name: r.name,
    address: { street: r.street, houseNumber: r.houseNumber, postcode: r.postcode, city: r.city },
    pyramidCategory: r.pyramidCategory as Pyramid,
    coordinator: r.coordinatorId && coordinatorName ? { id: r.coordinatorId, name: coordinatorName } : null,
    relation: grant.relation,
    can: grant.can,
    emergencyUntil: grant.emergency ? grant.emergency.expiresAt.toISOString() : null,
    categories: grant.categories.categories(),
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  };
}

const snapshot = (r: Row) => ({
  name: r.name,
  street: r.street,
  houseNumber: r.houseNumber,
  postcode: r.postcode,
  city: r.city,
  pyramidCategory: r.pyramidCategory,
  coordinatorId: r.coordinatorId,
});

async function loadRow(scope: Scope, id: string) {
  const [row] = await scope.tx
    .select({ h: households, coordinatorName: users.name })
    .from(households)
    .leftJoin(users, eq(users.id, households.coordinatorId))
    .where(eq(households.id, id));
  return row!;
}

/** Registers a household with its members and network; the coordinator who registers it becomes its coordinator. */
export async function registerHousehold(scope: Scope, input: HouseholdCreate): Promise<Household> {
  requireAccess(scope, 'household.register');
  const today = amsterdamDate(scope.now);
  const issues = (input.members ?? []).flatMap((m, i) =>
    checkDateOfBirth(m.dateOfBirth, today, `members.${i}.dateOfBirth`),
  );
  if (issues.length > 0) throw invalid(issues);
  const { actor, tx, now } = scope;
  const address = input.address ?? { street: '', houseNumber: '', postcode: '', city: '' };
  const [h] = await tx
    .insert(households)
    .values({
      regionId: actor.regionId,
      name: input.name,
      street: address.street ?? '',
      houseNumber: address.houseNumber ?? '',
      postcode: address.postcode ?? '',
      city: address.city ?? '',
      pyramidCategory: input.pyramidCategory ?? null,
      coordinatorId: actor.userId,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const household = h!;
  await tx.insert(householdAccess).values({
    householdId: household.id,
    userId: actor.userId,
    relation: 'coordinator',
    coordinatorId: actor.userId,
    createdAt: now,
  });
  await tx.insert(involvements).values({
    householdId: household.id,
    userId: actor.userId,
    organisationId: actor.organisationId,
    relation: 'coordinator',
    description: 'Regisseur',
    startedAt: now,
    createdBy: actor.userId,
  });
  await keepHistory(scope, {
    householdId: household.id,
    recordType: 'household',
    recordId: household.id,
    version: 1,
    change: 'created',
    data: snapshot(household),
  });
  const grant: HouseholdGrant = await requireAccess(scope, 'view', { householdId: household.id });
  scope.audit({
    objectType: 'household',
    objectId: household.id,
    householdId: household.id,
    action: 'create',
    basis: grant.basis,
    role: grant.role,
  });

  // Stored one millisecond apart, so lists keep the order in which the household was described.
  const at = (i: number) => new Date(now.getTime() + i);
  for (const [i, m] of (input.members ?? []).entries()) {
    const [row] = await tx
      .insert(members)
      .values({
        householdId: household.id,
        name: m.name,
        dateOfBirth: m.dateOfBirth ?? null,
        role: m.role,
        lvb: m.lvb ?? false,
        phone: m.phone ?? '',
        email: m.email ?? '',
        preferredLanguage: m.preferredLanguage ?? 'nl',
        createdAt: at(i),
        updatedAt: now,
      })
      .returning();
    await keepHistory(scope, {
      householdId: household.id,
      recordType: 'member',
      recordId: row!.id,
      version: 1,
      change: 'created',
      data: m,
    });
    scope.audit({
      objectType: 'member',
      objectId: row!.id,
      memberId: row!.id,
      householdId: household.id,
      action: 'create',
      basis: grant.basis,
      role: grant.role,
    });
  }
  for (const [i, c] of (input.networkContacts ?? []).entries()) {
    const [row] = await tx
      .insert(networkContacts)
      .values({
        householdId: household.id,
        name: c.name,
        relation: c.relation,
        quality: c.quality,
        phone: c.phone ?? '',
        note: c.note ?? '',
        createdAt: at(i),
        updatedAt: now,
      })
      .returning();
    await keepHistory(scope, {
      householdId: household.id,
      recordType: 'network_contact',
      recordId: row!.id,
      version: 1,
      change: 'created',
      data: c,
    });
    scope.audit({
      objectType: 'network_contact',
      objectId: row!.id,
      householdId: household.id,
      action: 'create',
      basis: grant.basis,
      role: grant.role,
    });
  }
  return toHousehold(household, actor.name, grant);
}

/** The households the caller is involved in. Row-level security returns no others. */
export async function listHouseholds(scope: Scope): Promise<HouseholdSummary[]> {
  const rows = await scope.tx
    .select({
      id: households.id,
      name: households.name,
      city: households.city,
      pyramidCategory: households.pyramidCategory,
      coordinatorId: households.coordinatorId,
      coordinatorName: users.name,
      relation: householdAccess.relation,
      memberCount: sql<number>`(select count(*)::int from ${members} m where m.household_id = ${households.id} and m.removed_at is null)`,
    })
    .from(households)
    .innerJoin(
      householdAccess,
      and(eq(householdAccess.householdId, households.id), eq(householdAccess.userId, scope.actor.userId)),
    )
    .leftJoin(users, eq(users.id, households.coordinatorId))
    .orderBy(byName(households.name));
  for (const r of rows) {
    scope.audit({
      objectType: 'household_summary',
      objectId: r.id,
      householdId: r.id,
      action: 'read',
      basis: r.relation === 'coordinator' ? 'care_relation:coordinator' : 'care_relation:partner',
      role:
        r.relation === 'coordinator'
          ? 'coordinator'
          : (scope.actor.roles.find((x) => x !== 'coordinator') ?? scope.actor.roles[0]!),
    });
  }
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    city: r.city,
    pyramidCategory: r.pyramidCategory as Pyramid,
    coordinator:
      r.coordinatorId && r.coordinatorName ? { id: r.coordinatorId, name: r.coordinatorName } : null,
    relation: r.relation as HouseholdRelation,
    memberCount: r.memberCount,
  }));
}

export async function getHousehold(scope: Scope, id: string): Promise<Household> {
  const grant = await requireAccess(scope, 'view', { householdId: id });
  const { h, coordinatorName } = await loadRow(scope, id);
  scope.audit({
    objectType: 'household',
    objectId: id,
    householdId: id,
    action: 'read',
    basis: grant.basis,
    role: grant.role,
  });
  return toHousehold(h, coordinatorName, grant);
}

export async function updateHousehold(
  scope: Scope,
  id: string,
  expectedVersion: number,
  patch: HouseholdPatch,
): Promise<Household> {
  const grant = await requireAccess(scope, 'update', { householdId: id });
  const before = await loadRow(scope, id);
  assertVersion(expectedVersion, before.h.version, toHousehold(before.h, before.coordinatorName, grant));
  const a = patch.address;
  const [row] = await scope.tx
    .update(households)
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(a
        ? {
            street: a.street ?? '',
            houseNumber: a.houseNumber ?? '',
            postcode: a.postcode ?? '',
            city: a.city ?? '',
          }
        : {}),
      ...(patch.pyramidCategory !== undefined ? { pyramidCategory: patch.pyramidCategory } : {}),
      version: before.h.version + 1,
      updatedAt: scope.now,
    })
    .where(and(eq(households.id, id), eq(households.version, expectedVersion)))
    .returning();
  if (!row) throw new DomainError('STALE_VERSION', 'Someone else changed this in the meantime.');
  await keepHistory(scope, {
    householdId: id,
    recordType: 'household',
    recordId: id,
    version: row.version,
    change: 'updated',
    data: snapshot(row),
  });
  scope.audit({
    objectType: 'household',
    objectId: id,
    householdId: id,
    action: 'update',
    basis: grant.basis,
    role: grant.role,
  });
  return toHousehold(row, before.coordinatorName, grant);
}
