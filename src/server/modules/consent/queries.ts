import { type SQL, and, asc, desc, eq, isNull, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Consent, LegalBasis } from '../../../contracts/consent.js';
import { localDate } from '../../../domain/calendar/working-days.js';
import { consentStatus } from '../../../domain/privacy/consent.js';
import { basisActive } from '../../../domain/privacy/legal-basis.js';
import type { HouseholdGrant } from '../../access/require-access.js';
import { byName } from '../../db/order.js';
import type { Scope } from '../../db/scope.js';
import {
  consents,
  involvements,
  legalBases,
  members,
  organisations,
  services,
  users,
} from '../../db/schema/index.js';

const withdrawer = alias(users, 'withdrawer');
const ender = alias(users, 'ender');
const recorderOrg = alias(organisations, 'recorder_org');

/**
 * Which consents of a household the caller sees. The coordinator (and emergency access, read-only) sees them all;
 * a partner only the ones given to their own organisation. Filtered here, not left to row-level security alone.
 */
export function consentVisibility(scope: Scope, grant: HouseholdGrant): SQL | undefined {
  if (grant.relation === 'coordinator' || grant.relation === 'emergency') return undefined;
  return eq(consents.organisationId, scope.actor.organisationId);
}

/**
 * Which legal bases the caller sees: the coordinator all; a partner the case's basis, the sharing bases for their
 * organisation and the ones they recorded themselves.
 */
export function basisVisibility(scope: Scope, grant: HouseholdGrant): SQL | undefined {
  if (grant.relation === 'coordinator' || grant.relation === 'emergency') return undefined;
  return or(
    eq(legalBases.scope, 'case'),
    eq(legalBases.organisationId, scope.actor.organisationId),
    eq(legalBases.recordedBy, scope.actor.userId),
  );
}

export async function consentRows(scope: Scope, householdId: string, where?: SQL) {
  return scope.tx
    .select({
      c: consents,
      memberName: members.name,
      organisationName: organisations.name,
      serviceName: services.name,
      recordedBy: users.name,
      withdrawnBy: withdrawer.name,
    })
    .from(consents)
    .innerJoin(members, eq(members.id, consents.memberId))
    .innerJoin(organisations, eq(organisations.id, consents.organisationId))
    .innerJoin(users, eq(users.id, consents.recordedBy))
    .leftJoin(services, eq(services.id, consents.serviceId))
    .leftJoin(withdrawer, eq(withdrawer.id, consents.withdrawnBy))
    .where(and(eq(consents.householdId, householdId), where))
    .orderBy(byName(members.name), byName(organisations.name), desc(consents.givenOn), asc(consents.id));
}

export type ConsentRow = Awaited<ReturnType<typeof consentRows>>[number];

export function toConsent(r: ConsentRow, now: Date): Consent {
  const { c } = r;
  return {
    id: c.id,
    memberId: c.memberId,
    memberName: r.memberName,
    organisationId: c.organisationId,
    organisationName: r.organisationName,
    categories: c.categories as Consent['categories'],
    purpose: c.purpose as Consent['purpose'],
    serviceId: c.serviceId,
    serviceName: r.serviceName,
    givenBy: c.givenBy as Consent['givenBy'],
    givenOn: c.givenOn,
    form: c.form as Consent['form'],
    witness: c.witness,
    validUntil: c.validUntil,
    status: consentStatus(c, localDate(now)),
    withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
    withdrawnBy: r.withdrawnBy,
    withdrawalNote: c.withdrawalNote,
    recordedBy: r.recordedBy,
    createdAt: c.createdAt.toISOString(),
    version: c.version,
  };
}

export async function basisRows(scope: Scope, householdId: string, where?: SQL) {
  return scope.tx
    .select({
      b: legalBases,
      organisationName: organisations.name,
      memberName: members.name,
      recordedBy: users.name,
      recordedByOrganisation: recorderOrg.name,
      endedBy: ender.name,
    })
    .from(legalBases)
    .innerJoin(users, eq(users.id, legalBases.recordedBy))
    .innerJoin(recorderOrg, eq(recorderOrg.id, users.organisationId))
    .leftJoin(organisations, eq(organisations.id, legalBases.organisationId))
    .leftJoin(members, eq(members.id, legalBases.memberId))
    .leftJoin(ender, eq(ender.id, legalBases.endedBy))
    .where(and(eq(legalBases.householdId, householdId), where))
    .orderBy(asc(legalBases.scope), desc(legalBases.validFrom), asc(legalBases.id));
}

export type BasisRow = Awaited<ReturnType<typeof basisRows>>[number];

export function toLegalBasis(r: BasisRow, now: Date): LegalBasis {
  const { b } = r;
  return {
    id: b.id,
    scope: b.scope as LegalBasis['scope'],
    ground: b.ground as LegalBasis['ground'],
    organisationId: b.organisationId,
    organisationName: r.organisationName,
    memberId: b.memberId,
    memberName: r.memberName,
    categories: b.categories as LegalBasis['categories'],
    justification: b.justification,
    validFrom: b.validFrom,
    validUntil: b.validUntil,
    active: basisActive(b, localDate(now)),
    endedAt: b.endedAt?.toISOString() ?? null,
    endedBy: r.endedBy,
    recordedBy: r.recordedBy,
    recordedById: b.recordedBy,
    recordedByOrganisation: r.recordedByOrganisation,
    createdAt: b.createdAt.toISOString(),
    version: b.version,
  };
}

/** A member of the household that has not been removed, with their date of birth; null when there is none. */
export async function householdMember(scope: Scope, householdId: string, memberId: string) {
  const [m] = await scope.tx
    .select({ id: members.id, dateOfBirth: members.dateOfBirth, removedAt: members.removedAt })
    .from(members)
    .where(and(eq(members.id, memberId), eq(members.householdId, householdId)));
  return m && !m.removedAt ? m : null;
}

/** The professionals of an organisation actively involved with the household (whom a change concerns). */
export async function involvedProfessionals(
  scope: Scope,
  householdId: string,
  organisationId: string,
): Promise<string[]> {
  const rows = await scope.tx
    .select({ userId: involvements.userId })
    .from(involvements)
    .where(
      and(
        eq(involvements.householdId, householdId),
        eq(involvements.organisationId, organisationId),
        isNull(involvements.endedAt),
      ),
    );
  return [...new Set(rows.map((r) => r.userId))];
}
