import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { PassedOnDetail, PassedOnSummary, Urgency } from '../../../contracts/signals.js';
import { DomainError, notFound } from '../../../domain/shared/errors.js';
import { requireAccess } from '../../access/require-access.js';
import { organisations, users } from '../../db/schema/core.js';
import type { Scope } from '../../db/scope.js';
import { assertVersion } from '../../http/etag.js';
import { notify } from '../notifications/notify.js';
import { type SignalRow, signals } from './shared.js';

/**
 * The regular route (issue 7): triage passes a signal on to one organisation. Its partner managers (or, when it
 * has none, its partner professionals) are notified; under purpose 'passed_on' row-level security lets the
 * organisation's people read exactly the signals referred to it, and acknowledge that they picked one up.
 */
export const PASSED_ON_BASIS = 'passed_on:referred_organisation';

/** Who hears about a signal passed on to an organisation: its partner managers, else its partner professionals. */
export async function referralRecipients(scope: Scope, organisationId: string): Promise<string[]> {
  const rows = await scope.tx
    .select({ id: users.id, roles: users.roles })
    .from(users)
    .where(
      and(
        eq(users.organisationId, organisationId),
        eq(users.active, true),
        sql`${users.roles} && array['partner_manager','partner_professional']::text[]`,
      ),
    );
  const managers = rows.filter((r) => r.roles.includes('partner_manager'));
  return (managers.length > 0 ? managers : rows).map((r) => r.id);
}

/** Called by the triage decision (same transaction) when the outcome is the regular route. */
export async function notifyReferredOrganisation(scope: Scope, s: SignalRow): Promise<void> {
  if (!s.referredOrganisationId) return;
  await notify(scope, {
    recipients: await referralRecipients(scope, s.referredOrganisationId),
    kind: 'signal.passed_on',
    link: `/passed-on/${s.id}`,
    params: { code: s.referenceCode, urgency: s.urgency },
    email: true,
  });
}

async function enterPassedOn(scope: Scope): Promise<void> {
  requireAccess(scope, 'signal.passed_on');
  await scope.setPurpose('passed_on');
}

const role = (scope: Scope) =>
  scope.actor.roles.includes('partner_manager') ? 'partner_manager' : 'partner_professional';

function toSummary(r: SignalRow): PassedOnSummary {
  return {
    id: r.id,
    referenceCode: r.referenceCode,
    subjectName: r.subjectName,
    urgency: r.urgency as Urgency,
    decidedAt: (r.decidedAt ?? r.receivedAt).toISOString(),
    pickedUpAt: r.pickedUpAt?.toISOString() ?? null,
  };
}

/** The signals passed on to the actor's organisation, newest first (row-level security does the scoping). */
export async function listPassedOn(scope: Scope): Promise<PassedOnSummary[]> {
  await enterPassedOn(scope);
  const rows = await scope.tx.select().from(signals).orderBy(desc(signals.decidedAt)).limit(200);
  for (const r of rows)
    scope.audit({
      objectType: 'signal_summary',
      objectId: r.id,
      householdId: r.householdId,
      action: 'read',
      basis: PASSED_ON_BASIS,
      role: role(scope),
    });
  return rows.map(toSummary);
}

async function load(scope: Scope, id: string): Promise<SignalRow> {
  const [row] = await scope.tx.select().from(signals).where(eq(signals.id, id));
  if (!row) {
    scope.deny({
      objectType: 'signal',
      objectId: id,
      householdId: null,
      action: 'read',
      basis: PASSED_ON_BASIS,
      role: role(scope),
    });
    throw notFound('signal');
  }
  return row;
}

async function toDetail(scope: Scope, s: SignalRow): Promise<PassedOnDetail> {
  const people = [s.decidedBy, s.submittedBy, s.pickedUpBy].filter((x): x is string => !!x);
  const names = people.length
    ? await scope.tx
        .select({ id: users.id, name: users.name, org: users.organisationId })
        .from(users)
        .where(inArray(users.id, people))
    : [];
  const person = (id: string | null) =>
    id ? { id, name: names.find((n) => n.id === id)?.name ?? '' } : null;
  const submitter = names.find((n) => n.id === s.submittedBy);
  const [submitterOrg] = submitter
    ? await scope.tx
        .select({ name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, submitter.org))
    : [];
  return {
    ...toSummary(s),
    signaller: {
      name: s.signallerName,
      email: s.signallerEmail,
      phone: s.signallerPhone,
      organisation: submitterOrg?.name ?? null,
    },
    subject: {
      name: s.subjectName,
      dateOfBirth: s.subjectDateOfBirth,
      address: {
        street: s.subjectStreet,
        houseNumber: s.subjectHouseNumber,
        postcode: s.subjectPostcode,
        city: s.subjectCity,
      },
    },
    concern: s.concern,
    reasons: s.reasons,
    decidedBy: person(s.decidedBy) ?? { id: s.id, name: '' },
    pickedUpBy: person(s.pickedUpBy),
    version: s.version,
  };
}

/** One signal passed on to the actor's organisation; 404 (and a denied audit event) for any other. */
export async function getPassedOn(scope: Scope, id: string): Promise<PassedOnDetail> {
  await enterPassedOn(scope);
  const s = await load(scope, id);
  scope.audit({
    objectType: 'signal',
    objectId: s.id,
    householdId: s.householdId,
    action: 'read',
    basis: PASSED_ON_BASIS,
    role: role(scope),
  });
  return toDetail(scope, s);
}

/** "Picked up by <organisation>": the triage side sees the signal arrived. Once; later calls are a conflict. */
export async function acknowledgePassedOn(
  scope: Scope,
  id: string,
  expectedVersion: number,
): Promise<PassedOnDetail> {
  await enterPassedOn(scope);
  const s = await load(scope, id);
  assertVersion(expectedVersion, s.version, toSummary(s));
  if (s.pickedUpAt) throw new DomainError('CONFLICT', 'This signal has already been picked up.');
  const [updated] = await scope.tx
    .update(signals)
    .set({ pickedUpAt: scope.now, pickedUpBy: scope.actor.userId, version: s.version + 1 })
    .where(and(eq(signals.id, s.id), eq(signals.version, s.version)))
    .returning();
  if (!updated) throw new DomainError('STALE_VERSION', 'Someone else changed this in the meantime.');
  scope.audit({
    objectType: 'signal',
    objectId: s.id,
    householdId: s.householdId,
    action: 'update',
    basis: PASSED_ON_BASIS,
    role: role(scope),
  });
  return toDetail(scope, updated);
}
