import { eq, inArray, isNull } from 'drizzle-orm';
import type {
  MatchCandidate,
  OrganisationType,
  SignalDetail,
  TriageOutcome,
} from '../../../contracts/index.js';
import { findCandidates } from '../../../domain/signals/matching.js';
import { notFound } from '../../../domain/shared/errors.js';
import { organisations, users } from '../../db/schema/core.js';
import { households, members } from '../../db/schema/households.js';
import { signals } from '../../db/schema/signals.js';
import type { Scope } from '../../db/scope.js';
import { type SignalRow, toSummary } from '../signals/shared.js';
import { enterTriage, triageAs } from './triage-scope.js';

export async function loadSignal(scope: Scope, id: string): Promise<SignalRow> {
  const [row] = await scope.tx.select().from(signals).where(eq(signals.id, id));
  if (!row) throw notFound('signal');
  return row;
}

/** Candidate households for the signal's subject in the region, best first. Only a person confirms one. */
async function candidatesFor(scope: Scope, s: SignalRow): Promise<MatchCandidate[]> {
  const hs = await scope.tx
    .select({
      id: households.id,
      name: households.name,
      city: households.city,
      postcode: households.postcode,
      houseNumber: households.houseNumber,
      street: households.street,
    })
    .from(households);
  if (hs.length === 0) return [];
  const ms = await scope.tx
    .select({ householdId: members.householdId, name: members.name, dateOfBirth: members.dateOfBirth })
    .from(members)
    .where(isNull(members.removedAt));
  const byHousehold = new Map<string, { name: string; dateOfBirth: string | null }[]>();
  for (const m of ms)
    byHousehold.set(m.householdId, [
      ...(byHousehold.get(m.householdId) ?? []),
      { name: m.name, dateOfBirth: m.dateOfBirth },
    ]);
  const found = findCandidates(
    {
      name: s.subjectName,
      dateOfBirth: s.subjectDateOfBirth,
      postcode: s.subjectPostcode,
      houseNumber: s.subjectHouseNumber,
      street: s.subjectStreet,
    },
    hs.map((h) => ({ ...h, members: byHousehold.get(h.id) ?? [] })),
  );
  const named = new Map(hs.map((h) => [h.id, h]));
  for (const m of found) {
    scope.audit({
      objectType: 'household_match',
      objectId: m.householdId,
      householdId: m.householdId,
      action: 'read',
      ...triageAs(scope),
    });
  }
  return found.map((m) => ({
    ...m,
    name: named.get(m.householdId)!.name,
    city: named.get(m.householdId)!.city,
  }));
}

export async function toDetail(scope: Scope, s: SignalRow, withCandidates: boolean): Promise<SignalDetail> {
  const people = [s.decidedBy, s.submittedBy, s.pickedUpBy].filter((x): x is string => !!x);
  const names = people.length
    ? await scope.tx
        .select({ id: users.id, name: users.name, org: users.organisationId })
        .from(users)
        .where(inArray(users.id, people))
    : [];
  const nameOf = (id: string | null) => names.find((n) => n.id === id);
  const [household] = s.householdId
    ? await scope.tx
        .select({ id: households.id, name: households.name })
        .from(households)
        .where(eq(households.id, s.householdId))
    : [];
  const [referred] = s.referredOrganisationId
    ? await scope.tx
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, s.referredOrganisationId))
    : [];
  const submitter = nameOf(s.submittedBy);
  const [submitterOrg] = submitter
    ? await scope.tx
        .select({ name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, submitter.org))
    : [];
  return {
    ...toSummary(s, scope.now),
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
    household: household ?? null,
    candidates: withCandidates && !s.decidedAt ? await candidatesFor(scope, s) : [],
    decision:
      s.decidedAt && s.outcome && s.decidedBy
        ? {
            outcome: s.outcome as TriageOutcome,
            pyramidCategory: (s.pyramidCategory as 0 | 1 | 2 | 3 | 4 | null) ?? null,
            reasons: s.reasons,
            referredTo: referred ?? null,
            dominantProblem: (s.dominantProblem as OrganisationType | null) ?? null,
            decidedBy: { id: s.decidedBy, name: nameOf(s.decidedBy)?.name ?? '' },
            decidedAt: s.decidedAt.toISOString(),
            pickedUp:
              s.pickedUpAt && s.pickedUpBy && referred
                ? {
                    at: s.pickedUpAt.toISOString(),
                    by: { id: s.pickedUpBy, name: nameOf(s.pickedUpBy)?.name ?? '' },
                    organisation: referred.name,
                  }
                : null,
          }
        : null,
    version: s.version,
  };
}

/** One signal for triage, with candidate matches among the region's households. */
export async function getSignalForTriage(scope: Scope, id: string): Promise<SignalDetail> {
  await enterTriage(scope);
  const s = await loadSignal(scope, id);
  scope.audit({
    objectType: 'signal',
    objectId: s.id,
    householdId: s.householdId,
    action: 'read',
    ...triageAs(scope),
  });
  return toDetail(scope, s, true);
}
