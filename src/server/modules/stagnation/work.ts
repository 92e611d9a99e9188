import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type {
  OutreachInput,
  ResolveInput,
  Stagnation,
  StagnationDetail,
  StagnationReportInput,
} from '../../../contracts/stagnation.js';
import type { HouseholdPermission } from '../../../domain/access/catalogue.js';
import { byUrgency } from '../../../domain/stagnation/ladder.js';
import { DomainError, notFound } from '../../../domain/shared/errors.js';
import { type HouseholdGrant, requireAccess } from '../../access/require-access.js';
import type { AuditEvent } from '../../audit/writer.js';
import { households, members } from '../../db/schema/households.js';
import {
  escalationSteps,
  stagnationOutreach,
  stagnationReports,
  stagnations,
} from '../../db/schema/stagnation.js';
import type { Scope } from '../../db/scope.js';
import { startStep } from './escalation.js';
import { loadSettings } from './settings.js';
import { openStagnation } from './sweep.js';
import type { SystemScope } from './system.js';
import { openOnly, outreachOf, selectStagnations, stepsOf, toStagnation } from './view.js';

/** A step context in the caller's scope: every audit event carries the caller's basis and role. */
function stepContext(scope: Scope, grant: HouseholdGrant): SystemScope {
  return {
    tx: scope.tx,
    regionId: grant.regionId,
    now: scope.now,
    audit: (...events: AuditEvent[]) =>
      scope.audit(...events.map((e) => ({ ...e, basis: grant.basis, role: grant.role }))),
  };
}

/** The coordinator's worklist: open stagnations of their households, most urgent first. */
export async function worklist(scope: Scope): Promise<Stagnation[]> {
  requireAccess(scope, 'stagnation.worklist');
  const { ladder } = await loadSettings(scope.tx, scope.actor.regionId);
  const rows = await selectStagnations(
    scope.tx,
    and(openOnly, eq(households.coordinatorId, scope.actor.userId)),
  );
  const items = rows.map((r) => toStagnation(r, ladder, scope.actor.userId, scope.now));
  items.sort((a, b) =>
    byUrgency(
      {
        id: a.id,
        since: new Date(a.since),
        step: a.level,
        deadline: a.nextDeadline ? new Date(a.nextDeadline) : null,
      },
      {
        id: b.id,
        since: new Date(b.since),
        step: b.level,
        deadline: b.nextDeadline ? new Date(b.nextDeadline) : null,
      },
    ),
  );
  for (const hid of new Set(items.map((i) => i.household.id)))
    scope.audit({
      objectType: 'stagnation_list',
      householdId: hid,
      action: 'read',
      basis: 'care_relation:coordinator',
      role: 'coordinator',
    });
  return items;
}

/** The stagnations of one household (open, or all): for everyone who works with it. */
export async function householdStagnations(
  scope: Scope,
  householdId: string,
  status: 'open' | 'all',
): Promise<Stagnation[]> {
  const grant = await requireAccess(scope, 'read', { householdId, objectType: 'stagnation_list' });
  const { ladder } = await loadSettings(scope.tx, grant.regionId);
  const rows = await selectStagnations(
    scope.tx,
    status === 'open'
      ? and(openOnly, eq(stagnations.householdId, householdId))
      : eq(stagnations.householdId, householdId),
  );
  scope.audit({
    objectType: 'stagnation_list',
    householdId,
    action: 'read',
    basis: grant.basis,
    role: grant.role,
  });
  return rows
    .map((r) => toStagnation(r, ladder, scope.actor.userId, scope.now))
    .sort((a, b) =>
      (a.status === 'resolved') !== (b.status === 'resolved')
        ? a.status === 'resolved'
          ? 1
          : -1
        : b.since.localeCompare(a.since),
    );
}

async function load(scope: Scope, id: string, permission: HouseholdPermission) {
  const [found] = await scope.tx
    .select({ householdId: stagnations.householdId })
    .from(stagnations)
    .where(eq(stagnations.id, id));
  if (!found) throw notFound('stagnation');
  const grant = await requireAccess(scope, permission, {
    householdId: found.householdId,
    objectType: 'stagnation',
  });
  const [row] = await selectStagnations(scope.tx, eq(stagnations.id, id));
  if (!row) throw notFound('stagnation');
  const { ladder } = await loadSettings(scope.tx, grant.regionId);
  return { grant, row, ladder };
}

export async function getStagnation(scope: Scope, id: string): Promise<StagnationDetail> {
  const { grant, row, ladder } = await load(scope, id, 'read');
  scope.audit({
    objectType: 'stagnation',
    objectId: id,
    householdId: row.s.householdId,
    memberId: row.s.memberId,
    action: 'read',
    basis: grant.basis,
    role: grant.role,
  });
  return {
    ...toStagnation(row, ladder, scope.actor.userId, scope.now),
    steps: await stepsOf(scope.tx, id),
    outreach: await outreachOf(scope.tx, id),
  };
}

function unresolved(status: string) {
  if (status === 'resolved') throw new DomainError('CONFLICT', 'This stagnation has already been resolved.');
}

async function touch(scope: Scope, id: string, set: Partial<typeof stagnations.$inferInsert>) {
  const rows = await scope.tx
    .update(stagnations)
    .set({ ...set, version: sql`${stagnations.version} + 1`, updatedAt: scope.now })
    .where(and(eq(stagnations.id, id), ne(stagnations.status, 'resolved')))
    .returning({ id: stagnations.id });
  if (rows.length === 0) throw new DomainError('CONFLICT', 'This stagnation has already been resolved.');
}

export async function acknowledge(scope: Scope, id: string): Promise<StagnationDetail> {
  const { grant, row } = await load(scope, id, 'stagnation.manage');
  unresolved(row.s.status);
  if (row.s.status === 'open')
    await touch(scope, id, {
      status: 'acknowledged',
      acknowledgedAt: scope.now,
      acknowledgedBy: scope.actor.userId,
    });
  scope.audit({
    objectType: 'stagnation',
    objectId: id,
    householdId: row.s.householdId,
    memberId: row.s.memberId,
    action: 'update',
    basis: grant.basis,
    role: grant.role,
  });
  return getStagnation(scope, id);
}

export async function recordOutreach(
  scope: Scope,
  id: string,
  input: OutreachInput,
): Promise<StagnationDetail> {
  const { grant, row } = await load(scope, id, 'stagnation.manage');
  unresolved(row.s.status);
  const [o] = await scope.tx
    .insert(stagnationOutreach)
    .values({
      stagnationId: id,
      householdId: row.s.householdId,
      type: input.type,
      clientReasons: input.clientReasons ?? '',
      partnerReasons: input.partnerReasons ?? '',
      note: input.note ?? '',
      recordedBy: scope.actor.userId,
      recordedAt: scope.now,
    })
    .returning({ id: stagnationOutreach.id });
  if (row.s.status === 'open')
    await touch(scope, id, {
      status: 'acknowledged',
      acknowledgedAt: scope.now,
      acknowledgedBy: scope.actor.userId,
    });
  scope.audit({
    objectType: 'stagnation_outreach',
    objectId: o!.id,
    householdId: row.s.householdId,
    memberId: row.s.memberId,
    action: 'create',
    basis: grant.basis,
    role: grant.role,
  });
  return getStagnation(scope, id);
}

/** Resolving closes the whole escalation: the open step ends; every step stays on record. */
export async function resolve(scope: Scope, id: string, input: ResolveInput): Promise<StagnationDetail> {
  const { grant, row } = await load(scope, id, 'stagnation.manage');
  unresolved(row.s.status);
  await touch(scope, id, {
    status: 'resolved',
    resolutionType: input.resolutionType,
    resolutionNote: input.note,
    resolvedAt: scope.now,
    resolvedBy: scope.actor.userId,
    stepDeadline: null,
  });
  await scope.tx
    .update(escalationSteps)
    .set({ endedAt: scope.now })
    .where(and(eq(escalationSteps.stagnationId, id), isNull(escalationSteps.endedAt)));
  scope.audit({
    objectType: 'stagnation',
    objectId: id,
    householdId: row.s.householdId,
    memberId: row.s.memberId,
    action: 'update',
    basis: grant.basis,
    role: grant.role,
  });
  return getStagnation(scope, id);
}

/** Escalates by hand to the next level of the ladder (which is notified like an automatic step). */
export async function escalate(scope: Scope, id: string): Promise<StagnationDetail> {
  const { grant, row, ladder } = await load(scope, id, 'stagnation.manage');
  unresolved(row.s.status);
  const next = row.s.level + 1;
  if (next >= ladder.length)
    throw new DomainError('RULE_VIOLATION', 'This stagnation is already at the last step of the ladder.');
  const ok = await startStep(
    stepContext(scope, grant),
    row.s,
    next,
    scope.now,
    ladder,
    'manual',
    scope.actor.userId,
  );
  if (!ok) throw new DomainError('CONFLICT', 'This step has just been started by someone else.');
  scope.audit({
    objectType: 'stagnation',
    objectId: id,
    householdId: row.s.householdId,
    memberId: row.s.memberId,
    action: 'update',
    basis: grant.basis,
    role: grant.role,
  });
  return getStagnation(scope, id);
}

/** A report by hand ("they stopped coming", "we cannot deliver" …): a stagnation at once, with step 1 started. */
export async function reportStagnation(
  scope: Scope,
  householdId: string,
  input: StagnationReportInput,
): Promise<StagnationDetail> {
  const grant = await requireAccess(scope, 'stagnation.report', { householdId, objectType: 'stagnation' });
  if (input.memberId) {
    const [m] = await scope.tx
      .select({ id: members.id })
      .from(members)
      .where(
        and(eq(members.id, input.memberId), eq(members.householdId, householdId), isNull(members.removedAt)),
      );
    if (!m)
      throw new DomainError('VALIDATION_FAILED', 'Some fields are not valid.', {
        fields: [{ path: 'memberId', message: 'Not a member of this household.' }],
      });
  }
  const [report] = await scope.tx
    .insert(stagnationReports)
    .values({
      householdId,
      reason: input.reason,
      description: input.description,
      memberId: input.memberId ?? null,
      source: 'professional',
      reportedBy: scope.actor.userId,
      organisationId: scope.actor.organisationId,
      createdAt: scope.now,
    })
    .returning();
  const ctx = stepContext(scope, grant);
  scope.audit({
    objectType: 'stagnation_report',
    objectId: report!.id,
    householdId,
    memberId: input.memberId ?? null,
    action: 'create',
    basis: grant.basis,
    role: grant.role,
  });
  const opened = await openStagnation(
    ctx,
    grant.regionId,
    {
      cause: { kind: 'reported', householdId, reportId: report!.id, reason: input.reason },
      since: scope.now,
      evidenceAt: scope.now,
    },
    {
      memberId: input.memberId ?? null,
      organisationId: scope.actor.organisationId,
      partnerUserId: scope.actor.userId,
      reportId: report!.id,
    },
    (await loadSettings(scope.tx, grant.regionId)).ladder,
    scope.actor.userId,
  );
  return getStagnation(scope, opened!.id);
}
