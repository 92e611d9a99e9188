import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Involvement, InvolvementInput } from '../../../contracts/households.js';
import type { OrganisationType } from '../../../contracts/roles.js';
import { PROFESSIONAL_ROLES } from '../../../domain/access/catalogue.js';
import { DomainError, notFound } from '../../../domain/shared/errors.js';
import { requireAccess } from '../../access/require-access.js';
import { byName } from '../../db/order.js';
import type { Scope } from '../../db/scope.js';
import { householdAccess, households, involvements, organisations, users } from '../../db/schema/index.js';

async function listRows(scope: Scope, householdId: string, onlyId?: string) {
  return scope.tx
    .select({
      id: involvements.id,
      relation: involvements.relation,
      description: involvements.description,
      since: involvements.startedAt,
      userId: users.id,
      userName: users.name,
      userEmail: users.email,
      userPhone: users.phone,
      orgId: organisations.id,
      orgName: organisations.name,
      orgType: organisations.type,
    })
    .from(involvements)
    .innerJoin(users, eq(users.id, involvements.userId))
    .innerJoin(organisations, eq(organisations.id, involvements.organisationId))
    .where(
      and(
        eq(involvements.householdId, householdId),
        isNull(involvements.endedAt),
        onlyId ? eq(involvements.id, onlyId) : undefined,
      ),
    )
    .orderBy(
      sql`case when ${involvements.relation} = 'coordinator' then 0 else 1 end`,
      byName(organisations.name),
      byName(users.name),
    );
}

type InvolvementRow = Awaited<ReturnType<typeof listRows>>[number];

const toInvolvement = (r: InvolvementRow): Involvement => ({
  id: r.id,
  relation: r.relation as Involvement['relation'],
  description: r.description,
  since: r.since.toISOString(),
  professional: { id: r.userId, name: r.userName, email: r.userEmail, phone: r.userPhone },
  organisation: { id: r.orgId, name: r.orgName, type: r.orgType as OrganisationType },
});

/** Who is involved: the coordinator (the household's single point of contact) first, then the partners. */
export async function listInvolvements(scope: Scope, householdId: string): Promise<Involvement[]> {
  const grant = await requireAccess(scope, 'read', { householdId, objectType: 'involvement' });
  const rows = await listRows(scope, householdId);
  scope.audit({
    objectType: 'involvement_list',
    householdId,
    action: 'read',
    basis: grant.basis,
    role: grant.role,
  });
  return rows.map(toInvolvement);
}

/** Attaches a partner professional: from now on they see the household. */
export async function attachProfessional(
  scope: Scope,
  householdId: string,
  input: InvolvementInput,
): Promise<Involvement> {
  const grant = await requireAccess(scope, 'involvement.manage', { householdId, objectType: 'involvement' });
  const [pro] = await scope.tx
    .select({
      id: users.id,
      organisationId: users.organisationId,
      roles: users.roles,
      active: users.active,
      orgActive: organisations.active,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.id, input.userId), eq(users.regionId, scope.actor.regionId)));
  if (
    !pro ||
    !pro.active ||
    !pro.orgActive ||
    !pro.roles.some((r) => (PROFESSIONAL_ROLES as readonly string[]).includes(r))
  ) {
    throw new DomainError('VALIDATION_FAILED', 'Choose an active professional.', {
      fields: [{ path: 'userId', message: 'Not an active professional.' }],
    });
  }
  const [already] = await scope.tx
    .select({ id: involvements.id })
    .from(involvements)
    .where(
      and(
        eq(involvements.householdId, householdId),
        eq(involvements.userId, input.userId),
        isNull(involvements.endedAt),
      ),
    );
  if (already) throw new DomainError('CONFLICT', 'This professional is already involved with the household.');
  const [household] = await scope.tx
    .select({ coordinatorId: households.coordinatorId })
    .from(households)
    .where(eq(households.id, householdId));
  await scope.tx.insert(householdAccess).values({
    householdId,
    userId: input.userId,
    relation: 'partner',
    coordinatorId: household!.coordinatorId!,
    createdAt: scope.now,
  });
  const [row] = await scope.tx
    .insert(involvements)
    .values({
      householdId,
      userId: input.userId,
      organisationId: pro.organisationId,
      relation: 'partner',
      description: input.description ?? '',
      startedAt: scope.now,
      createdBy: scope.actor.userId,
    })
    .returning({ id: involvements.id });
  scope.audit({
    objectType: 'involvement',
    objectId: row!.id,
    householdId,
    action: 'create',
    basis: grant.basis,
    role: grant.role,
  });
  const [created] = await listRows(scope, householdId, row!.id);
  return toInvolvement(created!);
}

/** Detaches a partner: their access ends on their very next request. The involvement stays on record. */
export async function detachProfessional(
  scope: Scope,
  householdId: string,
  involvementId: string,
): Promise<void> {
  const grant = await requireAccess(scope, 'involvement.manage', { householdId, objectType: 'involvement' });
  const [inv] = await scope.tx
    .select()
    .from(involvements)
    .where(
      and(
        eq(involvements.id, involvementId),
        eq(involvements.householdId, householdId),
        isNull(involvements.endedAt),
      ),
    );
  if (!inv) throw notFound('involvement');
  if (inv.relation === 'coordinator') {
    throw new DomainError(
      'RULE_VIOLATION',
      'The coordinator cannot be detached; assign another coordinator instead.',
    );
  }
  await scope.tx
    .update(involvements)
    .set({ endedAt: scope.now, status: 'ended', version: inv.version + 1 })
    .where(eq(involvements.id, involvementId));
  const stillInvolved = await scope.tx
    .select({ id: involvements.id })
    .from(involvements)
    .where(
      and(
        eq(involvements.householdId, householdId),
        eq(involvements.userId, inv.userId),
        isNull(involvements.endedAt),
      ),
    );
  if (stillInvolved.length === 0) {
    await scope.tx
      .delete(householdAccess)
      .where(and(eq(householdAccess.householdId, householdId), eq(householdAccess.userId, inv.userId)));
  }
  scope.audit({
    objectType: 'involvement',
    objectId: involvementId,
    householdId,
    action: 'remove',
    basis: grant.basis,
    role: grant.role,
  });
}
