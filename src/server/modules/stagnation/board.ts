import { sql } from 'drizzle-orm';
import type { StagnationBoard } from '../../../contracts/stagnation.js';
import { requireAccess } from '../../access/require-access.js';
import type { Scope } from '../../db/scope.js';
import { loadSettings } from './settings.js';
import { rowsOf } from './system.js';

/**
 * The regional board for process managers: open escalations by level and age, and per partner organisation the
 * stagnations caused, the median time to resolve and the levels reached. Aggregates only: no household, member or
 * case text leaves the database through it.
 */
export async function regionalBoard(scope: Scope): Promise<StagnationBoard> {
  requireAccess(scope, 'stagnation.board');
  const region = scope.actor.regionId;
  const { ladder } = await loadSettings(scope.tx, region);
  const now = scope.now.toISOString();
  const byLevel = await rowsOf<{ level: number; count: number; w1: number; w4: number; older: number }>(
    scope.tx,
    sql`select level::int, count(*)::int as count,
          count(*) filter (where step_started_at > ${now}::timestamptz - interval '7 days')::int as w1,
          count(*) filter (where step_started_at <= ${now}::timestamptz - interval '7 days'
            and step_started_at > ${now}::timestamptz - interval '28 days')::int as w4,
          count(*) filter (where step_started_at <= ${now}::timestamptz - interval '28 days')::int as older
        from stagnations where region_id = ${region}::uuid and status <> 'resolved' group by level`,
  );
  const orgs = await rowsOf<{
    id: string;
    name: string;
    caused: number;
    open: number;
    median: number | null;
  }>(
    scope.tx,
    sql`select o.id, o.name, count(*)::int as caused,
          count(*) filter (where s.status <> 'resolved')::int as open,
          (percentile_cont(0.5) within group (order by extract(epoch from s.resolved_at - s.detected_at) / 86400)
            filter (where s.status = 'resolved'))::float8 as median
        from stagnations s join organisations o on o.id = s.organisation_id
        where s.region_id = ${region}::uuid group by o.id, o.name order by caused desc, o.name`,
  );
  const reached = await rowsOf<{ id: string; level: number; n: number }>(
    scope.tx,
    sql`select s.organisation_id as id, st.level::int, count(distinct s.id)::int as n
        from stagnations s join escalation_steps st on st.stagnation_id = s.id
        where s.region_id = ${region}::uuid and s.organisation_id is not null group by s.organisation_id, st.level`,
  );
  scope.audit({
    objectType: 'stagnation_board',
    action: 'read',
    basis: 'regional_management',
    role: 'process_manager',
  });
  return {
    openByLevel: ladder.map((step, i) => {
      const r = byLevel.find((b) => b.level === i);
      return {
        levelKey: step.level,
        count: r?.count ?? 0,
        ageBuckets: { underWeek: r?.w1 ?? 0, weeks1to4: r?.w4 ?? 0, over4Weeks: r?.older ?? 0 },
      };
    }),
    organisations: orgs.map((o) => ({
      organisation: { id: o.id, name: o.name },
      caused: o.caused,
      open: o.open,
      medianDaysToResolve: o.median === null ? null : Math.round(Number(o.median) * 10) / 10,
      reachedLevel: ladder.map((_, i) => reached.find((r) => r.id === o.id && r.level === i)?.n ?? 0),
    })),
  };
}
