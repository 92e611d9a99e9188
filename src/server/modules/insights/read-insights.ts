import { and, count, eq, gte, isNotNull, lt, ne, sql } from 'drizzle-orm';
import type { Insights, InsightsQuery } from '../../../contracts/insights.js';
import { addDays } from '../../../domain/calendar/holidays.js';
import { localDate, startOfLocalDay } from '../../../domain/calendar/working-days.js';
import { SMALL_CELL, cell, medianOf, suppressGroup } from '../../../domain/insights/suppress.js';
import { invalid } from '../../../domain/shared/errors.js';
import { requireAccess } from '../../access/require-access.js';
import type { Scope } from '../../db/scope.js';
import { households, referrals, regions, stagnations } from '../../db/schema/index.js';

const DAY_MS = 86_400_000;
/** Longest period one request may cover. */
export const MAX_INSIGHT_DAYS = 731;

function period(q: InsightsQuery, today: string): { from: string; to: string } {
  const to = q.to ?? today;
  const from = q.from ?? addDays(to, -89);
  const issues = [];
  if (from > to) issues.push({ path: 'from', message: 'The start of the period must not be after its end.' });
  else if ((Date.parse(to) - Date.parse(from)) / DAY_MS > MAX_INSIGHT_DAYS)
    issues.push({ path: 'from', message: `A period covers at most ${MAX_INSIGHT_DAYS} days.` });
  if (issues.length > 0) throw invalid(issues);
  return { from, to };
}

/**
 * Aggregated, anonymised figures of the actor's region: counts with small cells suppressed, medians only over five
 * cases or more. Reads under the purpose `insights` (migration 0017), which opens only the counted tables of the
 * actor's own region; no household, name or text leaves this function.
 */
export async function readInsights(scope: Scope, q: InsightsQuery): Promise<Insights> {
  requireAccess(scope, 'insights.read');
  const { from, to } = period(q, localDate(scope.now));
  const start = startOfLocalDay(from);
  const end = startOfLocalDay(addDays(to, 1));
  const region = scope.actor.regionId;
  await scope.setPurpose('insights');
  const tx = scope.tx;

  const [regionRow] = await tx.select({ name: regions.name }).from(regions).where(eq(regions.id, region));
  const inRegion = eq(households.regionId, region);
  const [total] = await tx.select({ n: count() }).from(households).where(inRegion);
  const [registered] = await tx
    .select({ n: count() })
    .from(households)
    .where(and(inRegion, gte(households.createdAt, start), lt(households.createdAt, end)));
  const pyramid = await tx
    .select({ category: households.pyramidCategory, n: count() })
    .from(households)
    .where(inRegion)
    .groupBy(households.pyramidCategory);

  const stagRegion = eq(stagnations.regionId, region);
  const openedIn = and(stagRegion, gte(stagnations.detectedAt, start), lt(stagnations.detectedAt, end));
  const [opened] = await tx.select({ n: count() }).from(stagnations).where(openedIn);
  const resolvedRows = await tx
    .select({ detectedAt: stagnations.detectedAt, resolvedAt: stagnations.resolvedAt })
    .from(stagnations)
    .where(
      and(
        stagRegion,
        isNotNull(stagnations.resolvedAt),
        gte(stagnations.resolvedAt, start),
        lt(stagnations.resolvedAt, end),
      ),
    );
  const [openNow] = await tx
    .select({ n: count() })
    .from(stagnations)
    .where(and(stagRegion, ne(stagnations.status, 'resolved')));
  const byKind = await tx
    .select({ kind: stagnations.kind, n: count() })
    .from(stagnations)
    .where(openedIn)
    .groupBy(stagnations.kind);
  const byLevel = await tx
    .select({ level: stagnations.level, n: count() })
    .from(stagnations)
    .where(openedIn)
    .groupBy(stagnations.level);

  const sentIn = and(isNotNull(referrals.sentAt), gte(referrals.sentAt, start), lt(referrals.sentAt, end));
  const byStatus = await tx
    .select({ status: referrals.status, n: count() })
    .from(referrals)
    .where(sentIn)
    .groupBy(referrals.status);
  const started = await tx
    .select({ days: sql<number>`extract(epoch from (${referrals.startedAt} - ${referrals.sentAt})) / 86400` })
    .from(referrals)
    .where(and(sentIn, isNotNull(referrals.startedAt)));

  scope.audit({
    objectType: 'insights',
    action: 'read',
    basis: 'aggregate_statistics',
    role: 'policy_viewer',
  });
  const sum = (rows: { n: number }[]) => rows.reduce((a, r) => a + r.n, 0);
  const sortBy = <T>(rows: T[], key: (r: T) => string | number) =>
    [...rows].sort((a, b) => String(key(a)).localeCompare(String(key(b)), 'en', { numeric: true }));
  return {
    region: regionRow?.name ?? '',
    from,
    to,
    smallCell: SMALL_CELL,
    households: {
      total: cell(total?.n ?? 0),
      registered: cell(registered?.n ?? 0),
      byPyramid: suppressGroup(
        sortBy(pyramid, (r) => r.category ?? 99).map((r) => ({ key: r.category, count: r.n })),
      ).map((r) => ({ category: r.key, count: r.count })),
    },
    stagnations: {
      opened: cell(opened?.n ?? 0),
      resolved: cell(resolvedRows.length),
      openNow: cell(openNow?.n ?? 0),
      byKind: suppressGroup(sortBy(byKind, (r) => r.kind).map((r) => ({ key: r.kind, count: r.n }))).map(
        (r) => ({ kind: r.key, count: r.count }),
      ),
      byLevel: suppressGroup(sortBy(byLevel, (r) => r.level).map((r) => ({ key: r.level, count: r.n }))).map(
        (r) => ({ level: r.key, count: r.count }),
      ),
      medianDaysToResolve: medianOf(
        resolvedRows.map((r) => (r.resolvedAt!.getTime() - r.detectedAt.getTime()) / DAY_MS),
      ),
    },
    referrals: {
      sent: cell(sum(byStatus)),
      byStatus: suppressGroup(
        sortBy(byStatus, (r) => r.status).map((r) => ({ key: r.status, count: r.n })),
      ).map((r) => ({ status: r.key, count: r.count })),
      medianDaysToStart: medianOf(started.map((r) => Number(r.days))),
    },
  };
}
