import { and, desc, eq, inArray, ne, notInArray } from 'drizzle-orm';
import type { Referral } from '../../../contracts/chain.js';
import { PROFESSIONAL_ROLES } from '../../../domain/access/catalogue.js';
import { FINAL_REFERRAL_STATUSES } from '../../../domain/chain/referral.js';
import { forbidden } from '../../../domain/shared/errors.js';
import { shapeReferral } from '../../../domain/privacy/shape.js';
import { viewerOf } from '../../access/categories.js';
import { requireAccess } from '../../access/require-access.js';
import type { Scope } from '../../db/scope.js';
import { referrals } from '../../db/schema/chain.js';
import { loadReferral, sideOf, toReferrals } from './load.js';

/** Every referral of the household, with its full history: the sender sees every step. */
export async function listHouseholdReferrals(scope: Scope, householdId: string): Promise<Referral[]> {
  const grant = await requireAccess(scope, 'read', { householdId, objectType: 'referral' });
  const rows = await scope.tx
    .select()
    .from(referrals)
    .where(eq(referrals.householdId, householdId))
    .orderBy(desc(referrals.createdAt));
  const withSide = [];
  for (const row of rows) withSide.push({ row, side: (await sideOf(scope, row)) ?? ('sender' as const) });
  scope.audit({
    objectType: 'referral_list',
    householdId,
    action: 'read',
    basis: grant.basis,
    role: grant.role,
  });
  const viewer = viewerOf(scope, grant);
  return (await toReferrals(scope, withSide)).map((r) => shapeReferral(viewer, r));
}

/** The receiving organisation's queue: referrals to its services, open ones first by age. */
export async function referralQueue(scope: Scope, status: 'open' | 'closed' | 'all'): Promise<Referral[]> {
  if (!scope.actor.roles.some((r) => PROFESSIONAL_ROLES.includes(r))) throw forbidden();
  const final = [...FINAL_REFERRAL_STATUSES];
  const rows = await scope.tx
    .select()
    .from(referrals)
    .where(
      and(
        eq(referrals.receivingOrganisationId, scope.actor.organisationId),
        ne(referrals.status, 'draft'),
        status === 'open'
          ? notInArray(referrals.status, final)
          : status === 'closed'
            ? inArray(referrals.status, final)
            : undefined,
      ),
    )
    .orderBy(desc(referrals.sentAt))
    .limit(200);
  const withSide = [];
  for (const row of rows) withSide.push({ row, side: (await sideOf(scope, row)) ?? ('receiver' as const) });
  for (const { row } of withSide) {
    scope.audit({
      objectType: 'referral',
      objectId: row.id,
      householdId: row.householdId,
      memberId: row.memberId,
      action: 'read',
      basis: 'referral:receiving_organisation',
    });
  }
  return toReferrals(scope, withSide);
}

export async function getReferral(scope: Scope, id: string): Promise<Referral> {
  const loaded = await loadReferral(scope, id);
  scope.audit({
    objectType: 'referral',
    objectId: id,
    householdId: loaded.row.householdId,
    memberId: loaded.row.memberId,
    action: 'read',
    basis: loaded.side === 'receiver' ? 'referral:receiving_organisation' : 'care_relation:referral',
  });
  const [dto] = await toReferrals(scope, [loaded]);
  if (loaded.side === 'receiver') return dto!;
  // Through the household: a partner who is not a party to this referral sees its main lines only.
  const grant = await requireAccess(scope, 'read', {
    householdId: loaded.row.householdId,
    objectType: 'referral',
  });
  return shapeReferral(viewerOf(scope, grant), dto!);
}
