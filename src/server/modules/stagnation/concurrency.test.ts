import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestApp, aHousehold, as, createTestApp } from '../../testing/api.js';
import { regionIds } from './sweep.js';

const worker = fileURLToPath(new URL('./testing/sweep-process.ts', import.meta.url));
const DAY = 86_400_000;

function runWorker(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', worker, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

/**
 * Two app processes, each with its own connection pool, sweep one PostgreSQL database at the same time.
 * Runs only with DATABASE_URL (as CI always sets it): PGlite is an in-process, single-connection database, so two
 * processes cannot share one; on PGlite the same guarantees rest on the same unique index, tested elsewhere.
 */
describe.runIf(process.env.DATABASE_URL)('stagnation sweeps from two processes at once (postgres)', () => {
  let t: TestApp;
  let region: string;
  // Each case on a fresh database: the workers move the clock 40 days on, which a later real-time pass would undo.
  beforeEach(async () => {
    t = await createTestApp('postgres');
    region = (await regionIds(t.database.app))[0]!;
    const coord = await as(t.app, 'coord1');
    const partner = await as(t.app, 'jeugd');
    const lotte = (await coord.get('/api/v1/professionals')).body.items.find(
      (p: { name: string }) => p.name === 'Lotte Visser',
    );
    for (let i = 0; i < 12; i++) {
      const h = (await coord.post('/api/v1/households', aHousehold(`Familie Parallel ${i}`))).body;
      await coord.post(`/api/v1/households/${h.id}/involvements`, { userId: lotte.id });
      const m = (await coord.get(`/api/v1/households/${h.id}/members`)).body.items;
      for (const [member, daysAgo] of [
        [m[0].id, 3],
        [m[0].id, 2],
        [m[1].id, 2],
        [m[1].id, 1],
      ] as const)
        await partner.post(`/api/v1/households/${h.id}/contacts`, {
          memberId: member,
          plannedAt: new Date(Date.now() - daysAgo * DAY).toISOString(),
          status: 'no_show',
        });
    }
  }, 120_000);
  afterEach(async () => {
    await t.close();
  });

  it.each(['lock', 'nolock'])(
    'creates no duplicates (%s)',
    async (mode) => {
      // 40 days on: no-shows (fast path), no agreed plan (full sweep) and several ladder steps are all due.
      const now = new Date(Date.now() + 40 * DAY).toISOString();
      // First both processes take the fast path at the real time (the no-shows), then both run everything 40 days on.
      for (const phase of ['fast', 'all']) {
        const [a, b] = await Promise.all([
          runWorker([t.ownerUrl!, region, now, mode, phase]),
          runWorker([t.ownerUrl!, region, now, mode, phase]),
        ]);
        expect(a.err + b.err).toBe('');
        expect([a.code, b.code]).toEqual([0, 0]);
      }
      const owner = new pg.Client({ connectionString: t.ownerUrl });
      await owner.connect();
      try {
        const dupes = await owner.query(
          `select cause_key, count(*) from stagnations where status <> 'resolved' group by cause_key having count(*) > 1`,
        );
        expect(dupes.rows).toEqual([]);
        const steps = await owner.query(
          `select stagnation_id, level, count(*) from escalation_steps group by stagnation_id, level having count(*) > 1`,
        );
        expect(steps.rows).toEqual([]);
        const open = await owner.query(
          `select kind, count(*)::int as n from stagnations where status <> 'resolved' and household_id in
           (select id from households where name like 'Familie Parallel %') group by kind order by kind`,
        );
        expect(open.rows).toEqual([
          { kind: 'no_agreed_plan', n: 12 },
          { kind: 'no_shows', n: 24 },
        ]);
        const levels = await owner.query(
          `select distinct level from stagnations where kind = 'no_shows' and household_id in
           (select id from households where name like 'Familie Parallel %')`,
        );
        expect(levels.rows.map((r: { level: number }) => r.level)).toEqual([3]);
      } finally {
        await owner.end();
      }
    },
    120_000,
  );
});
