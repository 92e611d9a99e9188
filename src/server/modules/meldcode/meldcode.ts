import { and, asc, desc, eq } from 'drizzle-orm';
import type { MeldcodeCase, MeldcodeStepData } from '../../../contracts/meldcode.js';
import {
  answersOf,
  checkStep,
  latestSteps,
  nextStep,
  requiredDecision,
} from '../../../domain/meldcode/steps.js';
import { amsterdamDate } from '../../../domain/households/rules.js';
import { DomainError, invalid, notFound } from '../../../domain/shared/errors.js';
import { requireAccess } from '../../access/require-access.js';
import { users } from '../../db/schema/core.js';
import { meldcodeCases, meldcodeSteps } from '../../db/schema/signals.js';
import type { Scope } from '../../db/scope.js';
import { assertVersion } from '../../http/etag.js';

type CaseRow = typeof meldcodeCases.$inferSelect;

async function toCase(scope: Scope, c: CaseRow): Promise<MeldcodeCase> {
  const steps = await scope.tx
    .select({ s: meldcodeSteps, name: users.name })
    .from(meldcodeSteps)
    .innerJoin(users, eq(users.id, meldcodeSteps.recordedBy))
    .where(eq(meldcodeSteps.caseId, c.id))
    .orderBy(asc(meldcodeSteps.id));
  const latest = latestSteps(steps.map((x) => ({ step: x.s.step, data: x.s.data as MeldcodeStepData })));
  return {
    id: c.id,
    householdId: c.householdId,
    status: c.status as MeldcodeCase['status'],
    openedAt: c.openedAt.toISOString(),
    steps: steps.map((x) => ({
      step: x.s.step,
      data: x.s.data as Record<string, unknown>,
      recordedBy: { id: x.s.recordedBy, name: x.name },
      recordedAt: x.s.recordedAt.toISOString(),
    })),
    nextStep: c.status === 'closed' ? null : nextStep(latest),
    required: requiredDecision(answersOf(latest)),
    report: c.reportedOn ? { reportedOn: c.reportedOn, basis: 'meldrecht' } : null,
    version: c.version,
  };
}

/** The household's meldcode paths (the coordinator only: this is the most sensitive part of the file). */
export async function listMeldcode(scope: Scope, householdId: string): Promise<MeldcodeCase[]> {
  const grant = await requireAccess(scope, 'meldcode.manage', { householdId, objectType: 'meldcode_case' });
  const rows = await scope.tx
    .select()
    .from(meldcodeCases)
    .where(eq(meldcodeCases.householdId, householdId))
    .orderBy(desc(meldcodeCases.openedAt));
  scope.audit({
    objectType: 'meldcode_case_list',
    householdId,
    action: 'read',
    basis: grant.basis,
    role: grant.role,
  });
  return Promise.all(rows.map((r) => toCase(scope, r)));
}

/** Starts a meldcode path for a safety concern (triage opens one too, for a signal with outcome "safety"). */
export async function openMeldcode(scope: Scope, householdId: string): Promise<MeldcodeCase> {
  const grant = await requireAccess(scope, 'meldcode.manage', { householdId, objectType: 'meldcode_case' });
  const open = await scope.tx
    .select({ id: meldcodeCases.id })
    .from(meldcodeCases)
    .where(and(eq(meldcodeCases.householdId, householdId), eq(meldcodeCases.status, 'open')));
  if (open.length > 0)
    throw new DomainError('CONFLICT', 'A meldcode path is already open for this household.');
  const [row] = await scope.tx
    .insert(meldcodeCases)
    .values({ householdId, openedBy: scope.actor.userId, openedAt: scope.now })
    .returning();
  scope.audit({
    objectType: 'meldcode_case',
    objectId: row!.id,
    householdId,
    action: 'create',
    basis: grant.basis,
    role: grant.role,
  });
  return toCase(scope, row!);
}

/**
 * Records a step. Steps go in order; step 3 may be skipped with a reason; step 5 follows the afwegingskader and
 * closes the path. A report to Veilig Thuis is recorded with its date and its basis (meldrecht).
 */
export async function recordStep(
  scope: Scope,
  householdId: string,
  caseId: string,
  expectedVersion: number,
  input: MeldcodeStepData,
): Promise<MeldcodeCase> {
  const grant = await requireAccess(scope, 'meldcode.manage', { householdId, objectType: 'meldcode_case' });
  const [c] = await scope.tx
    .select()
    .from(meldcodeCases)
    .where(and(eq(meldcodeCases.id, caseId), eq(meldcodeCases.householdId, householdId)));
  if (!c) throw notFound('meldcode path');
  assertVersion(expectedVersion, c.version, await toCase(scope, c));
  if (c.status === 'closed') throw new DomainError('CONFLICT', 'This meldcode path is closed.');
  const recorded = await scope.tx
    .select({ step: meldcodeSteps.step, data: meldcodeSteps.data })
    .from(meldcodeSteps)
    .where(eq(meldcodeSteps.caseId, caseId))
    .orderBy(asc(meldcodeSteps.id));
  const latest = latestSteps(recorded.map((r) => ({ step: r.step, data: r.data as MeldcodeStepData })));
  const issues = checkStep(latest, input, amsterdamDate(scope.now));
  if (issues.length > 0) throw invalid(issues);
  await scope.tx.insert(meldcodeSteps).values({
    caseId,
    householdId,
    step: input.step,
    data: input,
    recordedBy: scope.actor.userId,
    recordedAt: scope.now,
  });
  const closes = input.step === 5;
  const [row] = await scope.tx
    .update(meldcodeCases)
    .set({
      version: c.version + 1,
      ...(closes
        ? { status: 'closed', closedAt: scope.now, reportedOn: input.report ? input.reportedOn : null }
        : {}),
    })
    .where(and(eq(meldcodeCases.id, caseId), eq(meldcodeCases.version, c.version)))
    .returning();
  if (!row) throw new DomainError('STALE_VERSION', 'Someone else changed this in the meantime.');
  scope.audit({
    objectType: 'meldcode_step',
    objectId: caseId,
    householdId,
    action: 'create',
    basis: input.step === 5 && input.report ? 'meldrecht' : grant.basis,
    role: grant.role,
  });
  return toCase(scope, row);
}
