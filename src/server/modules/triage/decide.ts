import { and, eq } from 'drizzle-orm';
import type { SignalDetail, TriageDecisionInput } from '../../../contracts/signals.js';
import { ageOn, amsterdamDate } from '../../../domain/households/rules.js';
import { checkDecision, opensCase, statusAfter } from '../../../domain/signals/triage-rules.js';
import { DomainError, invalid } from '../../../domain/shared/errors.js';
import { organisations } from '../../db/schema/core.js';
import { households, members } from '../../db/schema/households.js';
import { meldcodeCases, signals } from '../../db/schema/signals.js';
import type { Scope } from '../../db/scope.js';
import { assertVersion } from '../../http/etag.js';
import { keepHistory } from '../households/history.js';
import { type SignalRow, publishStatus, toSummary } from '../signals/shared.js';
import { loadSignal, toDetail } from './signal-detail.js';
import { enterTriage, triageAs, triageHousehold } from './triage-scope.js';
import { notifyReferredOrganisation } from '../signals/passed-on.js';

type Input = ReturnType<typeof import('../../../contracts/signals.js').TriageDecisionInput.parse>;

const audit = (
  scope: Scope,
  e: { objectType: string; objectId: string; householdId?: string | null; action: 'create' | 'update' },
) => scope.audit({ ...e, ...triageAs(scope) });

/** Opens a household's case from the signal's subject: no coordinator yet (that is the next step, assignment). */
async function openHousehold(scope: Scope, s: SignalRow, pyramidCategory: number | null): Promise<string> {
  const { actor, now } = scope;
  const [h] = await scope.tx
    .insert(households)
    .values({
      regionId: actor.regionId,
      name: s.subjectName,
      street: s.subjectStreet,
      houseNumber: s.subjectHouseNumber,
      postcode: s.subjectPostcode,
      city: s.subjectCity,
      pyramidCategory,
      coordinatorId: null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await keepHistory(scope, {
    householdId: h!.id,
    recordType: 'household',
    recordId: h!.id,
    version: 1,
    change: 'created',
    data: { name: h!.name, pyramidCategory, fromSignal: s.referenceCode },
  });
  audit(scope, { objectType: 'household', objectId: h!.id, householdId: h!.id, action: 'create' });
  const today = amsterdamDate(now);
  const role =
    s.subjectDateOfBirth && ageOn(s.subjectDateOfBirth, today) < 18
      ? 'child'
      : s.subjectDateOfBirth
        ? 'parent'
        : 'other_adult';
  const [m] = await scope.tx
    .insert(members)
    .values({
      householdId: h!.id,
      name: s.subjectName,
      dateOfBirth: s.subjectDateOfBirth,
      role,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await keepHistory(scope, {
    householdId: h!.id,
    recordType: 'member',
    recordId: m!.id,
    version: 1,
    change: 'created',
    data: { name: m!.name, dateOfBirth: m!.dateOfBirth, role },
  });
  audit(scope, { objectType: 'member', objectId: m!.id, householdId: h!.id, action: 'create' });
  return h!.id;
}

/**
 * Decides a signal: no action / regular route (passed on to one organisation) / intensive approach (opens the
 * household's case) / safety concern (opens the case and the meldcode path). Reasons are always recorded; the
 * signaller's status follows (picked up, or closed when nothing is done).
 */
export async function decideSignal(
  scope: Scope,
  id: string,
  expectedVersion: number,
  input: Input,
): Promise<{ signal: SignalDetail; householdId: string | null }> {
  await enterTriage(scope);
  const s = await loadSignal(scope, id);
  assertVersion(expectedVersion, s.version, toSummary(s, scope.now));
  if (s.decidedAt) throw new DomainError('CONFLICT', 'This signal has already been decided.');
  const issues = checkDecision(input);
  if (issues.length > 0) throw invalid(issues);
  if (input.outcome === 'regular') {
    const [org] = await scope.tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(
        and(
          eq(organisations.id, input.referredOrganisationId!),
          eq(organisations.regionId, scope.actor.regionId),
          eq(organisations.active, true),
        ),
      );
    if (!org)
      throw invalid([
        { path: 'referredOrganisationId', message: 'Choose an active organisation of your region.' },
      ]);
  }
  let householdId = input.householdId ?? s.householdId;
  if (householdId) {
    const h = await triageHousehold(scope, householdId);
    if (
      opensCase(input.outcome) &&
      input.pyramidCategory !== null &&
      h.pyramidCategory !== input.pyramidCategory
    ) {
      const [row] = await scope.tx
        .update(households)
        .set({ pyramidCategory: input.pyramidCategory, version: h.version + 1, updatedAt: scope.now })
        .where(eq(households.id, h.id))
        .returning();
      await keepHistory(scope, {
        householdId: h.id,
        recordType: 'household',
        recordId: h.id,
        version: row!.version,
        change: 'updated',
        data: { pyramidCategory: input.pyramidCategory },
      });
      audit(scope, { objectType: 'household', objectId: h.id, householdId: h.id, action: 'update' });
    }
  } else if (opensCase(input.outcome)) {
    householdId = await openHousehold(scope, s, input.pyramidCategory);
  }
  if (input.outcome === 'safety') {
    const [c] = await scope.tx
      .insert(meldcodeCases)
      .values({
        householdId: householdId!,
        signalId: s.id,
        openedBy: scope.actor.userId,
        openedAt: scope.now,
      })
      .returning({ id: meldcodeCases.id });
    audit(scope, { objectType: 'meldcode_case', objectId: c!.id, householdId, action: 'create' });
  }
  const status = statusAfter(input.outcome);
  const [updated] = await scope.tx
    .update(signals)
    .set({
      outcome: input.outcome,
      reasons: input.reasons,
      pyramidCategory: input.pyramidCategory,
      referredOrganisationId: input.outcome === 'regular' ? input.referredOrganisationId : null,
      dominantProblem: input.dominantProblem,
      householdId,
      status,
      decidedBy: scope.actor.userId,
      decidedAt: scope.now,
      version: s.version + 1,
    })
    .where(and(eq(signals.id, s.id), eq(signals.version, s.version)))
    .returning();
  if (!updated) throw new DomainError('STALE_VERSION', 'Someone else changed this in the meantime.');
  if (status !== s.status) await publishStatus(scope.tx, s, status, scope.now);
  if (input.outcome === 'regular') await notifyReferredOrganisation(scope, updated);
  audit(scope, { objectType: 'signal', objectId: s.id, householdId, action: 'update' });
  return { signal: await toDetail(scope, updated, false), householdId: householdId ?? null };
}

export type { TriageDecisionInput };
