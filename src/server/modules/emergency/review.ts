import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { EmergencyReviewItem, EmergencyViewed } from '../../../contracts/emergency.js';
import { objectTypeCategory } from '../../../domain/privacy/categories.js';
import { minutesInUse, reviewTransition, type ReviewStatus } from '../../../domain/privacy/emergency.js';
import { DomainError, invalid, notFound } from '../../../domain/shared/errors.js';
import { requireAccess } from '../../access/require-access.js';
import type { Scope } from '../../db/scope.js';
import { auditEvents, emergencyAccesses, households, organisations, users } from '../../db/schema/index.js';
import { assertVersion } from '../../http/etag.js';
import { toAccess } from './emergency.js';

/**
 * The review items for a filter: who, from which organisation, which household, why, when, for how long, and what
 * they looked at (the audit rows of that user about that household during the access window).
 */
async function reviewItems(scope: Scope, where: SQL, newestFirst: boolean): Promise<EmergencyReviewItem[]> {
  const reviewer = alias(users, 'reviewer');
  const rows = await scope.tx
    .select({
      e: emergencyAccesses,
      userName: users.name,
      orgName: organisations.name,
      householdName: households.name,
      reviewerName: reviewer.name,
    })
    .from(emergencyAccesses)
    .innerJoin(users, eq(users.id, emergencyAccesses.userId))
    .innerJoin(organisations, eq(organisations.id, emergencyAccesses.organisationId))
    .leftJoin(households, eq(households.id, emergencyAccesses.householdId))
    .leftJoin(reviewer, eq(reviewer.id, emergencyAccesses.reviewedBy))
    .where(and(eq(emergencyAccesses.regionId, scope.actor.regionId), where))
    .orderBy(newestFirst ? desc(emergencyAccesses.startedAt) : asc(emergencyAccesses.startedAt))
    .limit(200);
  if (rows.length === 0) return [];
  const viewed = await scope.tx
    .select({
      accessId: emergencyAccesses.id,
      objectType: auditEvents.objectType,
      action: auditEvents.action,
      count: sql<number>`count(*)::int`,
      firstAt: sql<Date>`min(${auditEvents.at})`.mapWith(auditEvents.at),
      lastAt: sql<Date>`max(${auditEvents.at})`.mapWith(auditEvents.at),
    })
    .from(emergencyAccesses)
    .innerJoin(
      auditEvents,
      and(
        eq(auditEvents.userId, emergencyAccesses.userId),
        eq(auditEvents.householdId, emergencyAccesses.householdId),
        eq(auditEvents.outcome, 'success'),
        sql`${auditEvents.at} >= ${emergencyAccesses.startedAt}`,
        sql`${auditEvents.at} <= least(coalesce(${emergencyAccesses.endedAt}, ${emergencyAccesses.expiresAt}), ${emergencyAccesses.expiresAt})`,
      ),
    )
    .where(
      inArray(
        emergencyAccesses.id,
        rows.map((r) => r.e.id),
      ),
    )
    .groupBy(emergencyAccesses.id, auditEvents.objectType, auditEvents.action)
    .orderBy(sql`min(${auditEvents.at})`);
  const byAccess = new Map<string, EmergencyViewed[]>();
  for (const v of viewed) {
    const list = byAccess.get(v.accessId) ?? [];
    list.push({
      objectType: v.objectType,
      category: objectTypeCategory(v.objectType),
      action: v.action,
      count: v.count,
      firstAt: v.firstAt.toISOString(),
      lastAt: v.lastAt.toISOString(),
    });
    byAccess.set(v.accessId, list);
  }
  return rows.map((r) => ({
    ...toAccess(r.e, r.householdName, scope.now),
    user: { id: r.e.userId, name: r.userName },
    organisation: { id: r.e.organisationId, name: r.orgName },
    minutesInUse: minutesInUse(r.e, scope.now),
    reviewedBy: r.e.reviewedBy ? { id: r.e.reviewedBy, name: r.reviewerName ?? '' } : null,
    reviewedAt: r.e.reviewedAt ? r.e.reviewedAt.toISOString() : null,
    viewed: byAccess.get(r.e.id) ?? [],
  }));
}

/** The privacy officer's queue: pending reviews oldest first, or reviewed ones newest first. */
export async function listForReview(
  scope: Scope,
  status: 'pending' | 'reviewed',
): Promise<EmergencyReviewItem[]> {
  requireAccess(scope, 'emergency.review');
  await scope.setPurpose('audit');
  const items = await reviewItems(
    scope,
    status === 'pending'
      ? eq(emergencyAccesses.reviewStatus, 'pending')
      : ne(emergencyAccesses.reviewStatus, 'pending'),
    status !== 'pending',
  );
  scope.audit({
    objectType: 'emergency_access_list',
    action: 'read',
    basis: 'privacy_audit',
    role: 'privacy_officer',
  });
  return items;
}

async function reviewItem(scope: Scope, id: string): Promise<EmergencyReviewItem> {
  const [item] = await reviewItems(scope, eq(emergencyAccesses.id, id), false);
  if (!item) throw notFound('emergency access');
  return item;
}

/**
 * The privacy officer approves an emergency access or follows it up (with a note saying what will be done); a
 * follow-up is approved once done. If-Match: the access's version.
 */
export async function reviewEmergency(
  scope: Scope,
  id: string,
  expectedVersion: number,
  input: { decision: 'approved' | 'follow_up'; note: string },
): Promise<EmergencyReviewItem> {
  requireAccess(scope, 'emergency.review');
  await scope.setPurpose('audit');
  const before = await reviewItem(scope, id);
  assertVersion(expectedVersion, before.version, before);
  const next = reviewTransition(before.reviewStatus, input.decision, input.note);
  if (!next.ok) {
    if (next.problem === 'note_required')
      throw invalid([{ path: 'note', message: 'Say what the follow-up is' }]);
    throw new DomainError('CONFLICT', 'This emergency access has already been approved.');
  }
  const [updated] = await scope.tx
    .update(emergencyAccesses)
    .set({
      reviewStatus: next.status satisfies ReviewStatus,
      reviewedBy: scope.actor.userId,
      reviewedAt: scope.now,
      reviewNote: input.note,
      version: before.version + 1,
    })
    .where(and(eq(emergencyAccesses.id, id), eq(emergencyAccesses.version, before.version)))
    .returning({ id: emergencyAccesses.id });
  if (!updated) throw new DomainError('STALE_VERSION', 'Someone else changed this in the meantime.');
  scope.audit({
    objectType: 'emergency_access_review',
    objectId: id,
    householdId: before.household.id,
    action: 'update',
    basis: 'privacy_audit',
    role: 'privacy_officer',
  });
  return reviewItem(scope, id);
}
