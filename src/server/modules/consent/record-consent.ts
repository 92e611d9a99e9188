import { and, eq, isNull } from 'drizzle-orm';
import { ConsentInput, type Consent } from '../../../contracts/consent.js';
import { localDate } from '../../../domain/calendar/working-days.js';
import { CONSENT_PROBLEM_FIELD, ageOn, consentProblems } from '../../../domain/privacy/consent.js';
import { DomainError, invalid } from '../../../domain/shared/errors.js';
import { requireAccess } from '../../access/require-access.js';
import type { Scope } from '../../db/scope.js';
import { consents, involvements, organisations, services } from '../../db/schema/index.js';
import { consentRows, householdMember, toConsent } from './queries.js';

type Input = ReturnType<typeof ConsentInput.parse>;

/**
 * The coordinator records a member's consent for an involved organisation. Who must give it follows from the
 * member's age on the day it was given; every broken rule is reported at once (422 CONSENT_INVALID, each field's
 * message a problem code the web app shows in the user's language).
 */
export async function recordConsent(scope: Scope, householdId: string, input: Input): Promise<Consent> {
  const grant = await requireAccess(scope, 'consent.manage', { householdId, objectType: 'consent' });
  const member = await householdMember(scope, householdId, input.memberId);
  if (!member) invalidField('memberId', 'This person is not a member of the household.');
  const [org] = await scope.tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, input.organisationId), eq(organisations.regionId, grant.regionId)));
  const involved = org
    ? await scope.tx
        .select({ id: involvements.id })
        .from(involvements)
        .where(
          and(
            eq(involvements.householdId, householdId),
            eq(involvements.organisationId, org.id),
            isNull(involvements.endedAt),
          ),
        )
        .limit(1)
    : [];
  if (involved.length === 0)
    invalidField('organisationId', 'This organisation is not involved with the household.');
  const serviceId = input.purpose === 'referral' ? (input.serviceId ?? null) : null;
  if (serviceId) {
    const [svc] = await scope.tx
      .select({ organisationId: services.organisationId })
      .from(services)
      .where(eq(services.id, serviceId));
    if (!svc || svc.organisationId !== input.organisationId)
      invalidField('serviceId', 'This service is not offered by the chosen organisation.');
  }

  const today = localDate(scope.now);
  const age = member.dateOfBirth ? ageOn(member.dateOfBirth, input.givenOn) : null;
  const problems = consentProblems(
    {
      age,
      givenBy: input.givenBy,
      givenOn: input.givenOn,
      validUntil: input.validUntil,
      form: input.form,
      witness: input.witness,
      purpose: input.purpose,
      serviceId,
      categories: input.categories,
    },
    today,
  );
  if (problems.length > 0) {
    throw new DomainError('CONSENT_INVALID', 'This consent cannot be recorded as it is.', {
      fields: problems.map((p) => ({ path: CONSENT_PROBLEM_FIELD[p], message: p })),
    });
  }

  const [row] = await scope.tx
    .insert(consents)
    .values({
      householdId,
      memberId: input.memberId,
      organisationId: input.organisationId,
      categories: [...input.categories],
      purpose: input.purpose,
      serviceId,
      givenBy: input.givenBy.map((s) => ({ kind: s.kind, name: s.name })),
      givenOn: input.givenOn,
      form: input.form,
      witness: input.form === 'verbal' ? input.witness : '',
      validUntil: input.validUntil,
      recordedBy: scope.actor.userId,
      createdAt: scope.now,
      updatedAt: scope.now,
    })
    .returning({ id: consents.id });
  scope.audit({
    objectType: 'consent',
    objectId: row!.id,
    memberId: input.memberId,
    householdId,
    action: 'create',
    basis: grant.basis,
    role: grant.role,
  });
  const [created] = await consentRows(scope, householdId, eq(consents.id, row!.id));
  return toConsent(created!, scope.now);
}

function invalidField(path: string, message: string): never {
  throw invalid([{ path, message }], message);
}
