/**
 * Stagnation benchmark: a synthetic region of 100,000 households, 2,000,000 plan actions and 5,000,000 contacts on
 * the PostgreSQL server (in a database this creates and drops), generated with INSERT … SELECT generate_series.
 * Measures the periodic sweep inside a real app process, the time from a second no-show (through the API) to the
 * stagnation in the coordinator's worklist (through the API), the app process's peak memory, and the sweep's own
 * SQL run directly. Writes bench/results/stagnation.json.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { prepareDatabase } from '../src/server/bootstrap.js';
import { appUrlFrom } from '../src/server/db/connect.js';
import { DEFAULT_STAGNATION_SETTINGS } from '../src/domain/stagnation/settings.js';
import { factQueries } from '../src/server/modules/stagnation/sweep.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/server/seed/directory.js';

const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 100_000);
const ACTIONS_PER = 20;
const CONTACTS_PER = 50;
const TRIGGERS = Number(process.env.BENCH_TRIGGERS ?? 50);
const PORT = Number(process.env.BENCH_PORT ?? 3191);
/** V8 old-space limit of the app process, as a deployment would set it (V8 otherwise lets garbage grow to ~2 GB). */
const APP_HEAP_MB = Number(process.env.BENCH_APP_HEAP_MB ?? 160);
const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const secs = (ms: number) => Math.round(ms) / 1000;
function pct(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
function log(msg: string) {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);
}

async function firstId(c: pg.Client, text: string): Promise<string> {
  return (await c.query<{ id: string }>(text)).rows[0]!.id;
}

async function generate(owner: pg.Client) {
  const q = async (label: string, text: string) => {
    const t = Date.now();
    const r = await owner.query(text);
    log(`${label}: ${r.rowCount ?? ''} rows in ${secs(Date.now() - t)} s`);
  };
  await owner.query(`set session_replication_role = replica`); // bulk load: no FK or append-only triggers
  await owner.query(`set maintenance_work_mem = '256MB'`);
  const region = await firstId(owner, `select id from regions limit 1`);
  const wijk = await firstId(owner, `select id from organisations where type = 'wijkteam' limit 1`);
  const jeugd = await firstId(owner, `select id from organisations where type = 'jeugdhulp' limit 1`);
  const pro = await firstId(owner, `select id from users where 'partner_professional' = any(roles) limit 1`);
  const n = HOUSEHOLDS;
  const coordinators = Math.ceil(n / 10); // the caseload norm: 10 households per coordinator
  await q(
    'coordinators',
    `insert into users (id, region_id, organisation_id, name, email, password_hash, roles)
     select ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, '${region}', '${wijk}', 'Regisseur ' || i,
       'bench-' || i || '@example.invalid', '!', array['coordinator']
     from generate_series(1, ${coordinators}) i`,
  );
  const hid = (i: string) => `('10000000-0000-4000-8000-' || lpad(to_hex(${i}), 12, '0'))::uuid`;
  const cid = (i: string) =>
    `('00000000-0000-4000-8000-' || lpad(to_hex(((${i} - 1) / 10) + 1), 12, '0'))::uuid`;
  const mid = (i: string, k: number) =>
    `('2000000${k}-0000-4000-8000-' || lpad(to_hex(${i}), 12, '0'))::uuid`;
  await q(
    'households',
    `insert into households (id, region_id, name, coordinator_id, created_by, created_at, updated_at)
     select ${hid('i')}, '${region}', 'Huishouden ' || i, ${cid('i')}, ${cid('i')},
       now() - ((i % 300) + 10) * interval '1 day', now() - interval '1 day'
     from generate_series(1, ${n}) i`,
  );
  await q(
    'household_access',
    `insert into household_access (household_id, user_id, relation, coordinator_id, created_at)
     select ${hid('i')}, ${cid('i')}, 'coordinator', ${cid('i')},
       -- 80% have an agreed plan; the others were assigned less than 28 days ago (no stagnation yet)
       case when i % 5 = 0 then now() - (i % 20) * interval '1 day' else now() - ((i % 300) + 10) * interval '1 day' end
     from generate_series(1, ${n}) i`,
  );
  await q(
    'members',
    `insert into members (id, household_id, name, role, created_at, updated_at)
     select ${mid('i', 1)}, ${hid('i')}, 'Ouder ' || i, 'parent', now() - interval '400 days', now() - interval '400 days'
     from generate_series(1, ${n}) i
     union all
     select ${mid('i', 2)}, ${hid('i')}, 'Kind ' || i, 'child', now() - interval '400 days', now() - interval '400 days'
     from generate_series(1, ${n}) i`,
  );
  await q(
    'plans',
    `insert into plans (household_id, current_version, agreed_version, updated_at)
     select ${hid('i')}, 1, 1, now() - interval '1 day' from generate_series(1, ${n}) i where i % 5 <> 0`,
  );
  await q(
    'plan_versions',
    `insert into plan_versions (household_id, number, snapshot, created_by, created_at, proposed_at, agreed_at)
     select ${hid('i')}, 1, '{}', ${cid('i')}, now() - interval '200 days', now() - interval '200 days',
       now() - ((i % 150) + 30) * interval '1 day'
     from generate_series(1, ${n}) i where i % 5 <> 0`,
  );
  await q(
    'goals',
    `insert into goals (id, household_id, text, member_ids, domains, kind, success_criterion, status, created_by, created_at, updated_at)
     select ('30000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, ${hid('i')}, 'Doel', '[]', '[]', 'personal', '', 'active',
       ${cid('i')}, now() - interval '200 days', now() - interval '200 days'
     from generate_series(1, ${n}) i`,
  );
  // 20 actions per household: mostly done or due later; one in 200 households has one action overdue.
  await q(
    'plan_actions',
    `insert into plan_actions (household_id, goal_id, what, assignee_kind, assignee_id, assignee_user_id, due_date, status,
       created_by, created_at, updated_at)
     select ${hid('h')}, ('30000000-0000-4000-8000-' || lpad(to_hex(h), 12, '0'))::uuid, 'Actie ' || k, 'professional', '${pro}', '${pro}',
       case when k = 1 and h % 200 = 0 then current_date - 20 when k <= 12 then current_date - (k * 5) else current_date + k end,
       case when k = 1 and h % 200 = 0 then 'open' when k <= 12 then 'done' else 'open' end,
       ${cid('h')}, now() - interval '200 days', now() - interval '2 days'
     from generate_series(1, ${n}) h, generate_series(1, ${ACTIONS_PER}) k`,
  );
  // 50 contacts per household over the last months, mostly attended, a few no-shows; one in 300 households with an
  // agreed plan has had no contact for 30 days.
  await q(
    'contacts',
    `insert into contacts (household_id, member_id, professional_id, organisation_id, planned_at, status, created_at, updated_at)
     select ${hid('h')}, case when k % 2 = 0 then ${mid('h', 1)} else ${mid('h', 2)} end, '${pro}', '${jeugd}',
       now() - (case when h % 300 = 1 then 30 else 1 end) * interval '1 day' - (k * 3) * interval '1 day',
       case when k % 17 = 0 then 'no_show' else 'attended' end,
       now() - interval '2 days', now() - interval '2 days'
     from generate_series(1, ${n}) h, generate_series(1, ${CONTACTS_PER}) k`,
  );
  await q(
    'evaluations',
    `insert into evaluations (household_id, planned_on, participants, status, created_by, created_at, updated_at)
     select ${hid('i')}, case when i % 500 = 0 then current_date - 10 else current_date + (i % 60) end, '[]', 'planned',
       ${cid('i')}, now() - interval '30 days', now() - interval '2 days'
     from generate_series(1, ${n}) i`,
  );
  await owner.query(`set session_replication_role = origin`);
  const t = Date.now();
  await owner.query('analyze');
  log(`analyze in ${secs(Date.now() - t)} s`);
  return region;
}

function rssPeakMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

class Client {
  cookie = '';
  csrf = '';
  async login(email: string) {
    const res = await fetch(`http://127.0.0.1:${PORT}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
    this.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    const info = (await res.json()) as { csrfToken: string };
    this.csrf = info.csrfToken;
  }
  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`http://127.0.0.1:${PORT}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrf,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : null) as T;
  }
}

export async function run() {
  // BENCH_DB=<name>: reuse a database kept by an earlier run (BENCH_KEEP_DB=1), for trying changes quickly.
  const reuse = process.env.BENCH_DB;
  const keep = process.env.BENCH_KEEP_DB === '1' || !!reuse;
  const name = reuse ?? `schakel_bench_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  if (!reuse) await admin.query(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  let app: ChildProcess | undefined;
  const started = Date.now();
  try {
    log(`database ${name}: migrate and seed the demo directory`);
    const { database } = await prepareDatabase({ kind: 'postgres', url: url.toString() }, { seedDemo: true });
    await database.close();
    const owner = new pg.Client({ connectionString: url.toString() });
    await owner.connect();
    const genStart = Date.now();
    let region: string;
    if (reuse) {
      region = await firstId(owner, `select id from regions limit 1`);
      // Start again from the generated state: no stagnations, no sweep bookkeeping, no measurement households.
      await owner.query(`set session_replication_role = replica`);
      for (const t of [
        'escalation_steps',
        'stagnation_outreach',
        'stagnations',
        'stagnation_reports',
        'stagnation_sweeps',
        'notifications',
        'mail_outbox',
      ])
        await owner.query(`delete from ${t}`);
      await owner.query(`set session_replication_role = origin`);
    } else region = await generate(owner);
    const generateSeconds = secs(Date.now() - genStart);
    const count = async (t: string) =>
      (await owner.query<{ n: number }>(`select count(*)::int as n from ${t}`)).rows[0]!.n;
    const counts = {
      households: await count('households'),
      actions: await count('plan_actions'),
      contacts: await count('contacts'),
    };
    log(`generated ${JSON.stringify(counts)} in ${generateSeconds} s`);

    // The sweep's own SQL, run directly over a plain connection as the app role in the sweep's context.
    const raw = new pg.Client({ connectionString: appUrlFrom(url.toString()) });
    await raw.connect();
    const dialect = new PgDialect();
    const rawRuns: number[] = [];
    for (let i = 0; i < 2; i++) {
      const t = Date.now();
      await raw.query('begin');
      await raw.query(
        `select set_config('schakel.actor', '', true), set_config('schakel.purpose', 'stagnation_sweep', true), set_config('schakel.region', $1, true)`,
        [region],
      );
      const qs = factQueries(region, { mode: 'region' }, DEFAULT_STAGNATION_SETTINGS, new Date());
      for (const sq of [qs.base, qs.actions, qs.referrals, qs.evaluations]) {
        const c = dialect.sqlToQuery(sq);
        await raw.query(c.sql, c.params);
      }
      await raw.query('commit');
      rawRuns.push(Date.now() - t);
    }
    await raw.end();
    const rawSqlSweep = secs(Math.min(...rawRuns));
    log(`raw sweep SQL: ${rawRuns.map(secs).join(' s, ')} s`);

    // The app process: full sweep every 15 s (first one opens what the synthetic data holds), fast path every second.
    log('starting the app process');
    app = spawn(
      process.execPath,
      [`--max-old-space-size=${APP_HEAP_MB}`, '--import', 'tsx', 'src/server/main.ts'],
      {
        env: {
          ...process.env,
          DATABASE_URL: url.toString(),
          PORT: String(PORT),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          SCHAKEL_SEED_DEMO: '0',
          SCHAKEL_INSECURE_COOKIES: '1',
          SCHAKEL_STAGNATION_SWEEP_MS: '15000',
          SCHAKEL_STAGNATION_FAST_MS: '1000',
        },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${PORT}/healthz`)).ok) break;
      } catch {
        /* not up yet */
      }
      if (i > 300) throw new Error('app did not start');
      await sleep(200);
    }
    const sweeps = async () =>
      (
        await owner.query(
          `select runs, last_duration_ms, households, opened, resolved, escalated from stagnation_sweeps where name = $1`,
          [`full:${region}`],
        )
      ).rows[0] as
        | {
            runs: number;
            last_duration_ms: number;
            households: number;
            opened: number;
            resolved: number;
            escalated: number;
          }
        | undefined;
    const waitForRun = async (runs: number) => {
      for (let i = 0; i < 600; i++) {
        const s = await sweeps();
        if (s && s.runs >= runs) return s;
        await sleep(250);
      }
      throw new Error(`sweep run ${runs} did not finish`);
    };
    log(`app up, rss now ${rssPeakMb(app.pid!)} MB peak`);
    const first = await waitForRun(1);
    log(
      `first full sweep: ${first.last_duration_ms} ms, ${first.households} candidate households, opened ${first.opened}; peak rss ${rssPeakMb(app.pid!)} MB`,
    );
    const second = await waitForRun(2);
    log(
      `second full sweep: ${second.last_duration_ms} ms, opened ${second.opened}; peak rss ${rssPeakMb(app.pid!)} MB`,
    );

    // Triggers: a partner records a second no-show through the API; the coordinator polls the worklist API.
    const coordEmail = DEMO_USERS.find((u) => u.key === 'coord1')!.email;
    const partnerEmail = DEMO_USERS.find((u) => u.key === 'jeugd')!.email;
    const coord = new Client();
    await coord.login(coordEmail);
    const partner = new Client();
    await partner.login(partnerEmail);
    type Items<T> = { items: T[] };
    const pros = await coord.call<Items<{ id: string; name: string }>>('GET', '/api/v1/professionals');
    const lotte = pros.items.find((p) => p.name === 'Lotte Visser')!;
    const targets: { id: string; member: string }[] = [];
    for (let i = 0; i < TRIGGERS; i++) {
      const h = await coord.call<{ id: string }>('POST', '/api/v1/households', {
        name: `Familie Meting ${i} ${Date.now()}`,
        members: [{ name: 'Ouder', role: 'parent' }],
      });
      await coord.call('POST', `/api/v1/households/${h.id}/involvements`, { userId: lotte.id });
      const member = (await coord.call<Items<{ id: string }>>('GET', `/api/v1/households/${h.id}/members`))
        .items[0]!.id;
      await partner.call('POST', `/api/v1/households/${h.id}/contacts`, {
        memberId: member,
        plannedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
        status: 'no_show',
      });
      targets.push({ id: h.id, member });
    }
    await sleep(1500);
    const latencies: number[] = [];
    for (const t of targets) {
      const t0 = performance.now();
      await partner.call('POST', `/api/v1/households/${t.id}/contacts`, {
        memberId: t.member,
        plannedAt: new Date(Date.now() - 3_600_000).toISOString(),
        status: 'no_show',
      });
      for (;;) {
        const list = await coord.call<Items<{ household: { id: string }; kind: string }>>(
          'GET',
          '/api/v1/stagnations',
        );
        if (list.items.some((s) => s.household.id === t.id && s.kind === 'no_shows')) break;
        if (performance.now() - t0 > 30_000)
          throw new Error('trigger did not reach the worklist within 30 s');
        await sleep(25);
      }
      latencies.push(performance.now() - t0);
    }
    log(
      `trigger → worklist p50 ${Math.round(pct(latencies, 50))} ms, p95 ${Math.round(pct(latencies, 95))} ms`,
    );
    log(`after the triggers: peak rss ${rssPeakMb(app.pid!)} MB`);
    const third = await waitForRun((second.runs ?? 2) + 1);
    const peak = rssPeakMb(app.pid!);
    const sweepSeconds = secs(Math.max(second.last_duration_ms, third.last_duration_ms));
    const result = {
      households: counts.households,
      actions: counts.actions,
      contacts: counts.contacts,
      sweep_seconds: sweepSeconds,
      households_per_second: Math.round(counts.households / sweepSeconds),
      initial_sweep_seconds: secs(first.last_duration_ms),
      initial_sweep_opened: first.opened,
      trigger_to_worklist_p50_ms: Math.round(pct(latencies, 50)),
      trigger_to_worklist_p95_ms: Math.round(pct(latencies, 95)),
      triggers: latencies.length,
      peak_rss_mb: peak,
      app_heap_limit_mb: APP_HEAP_MB,
      raw_sql_sweep_seconds: rawSqlSweep,
      sweep_to_raw_sql_ratio: Math.round((sweepSeconds / Math.max(rawSqlSweep, 0.001)) * 100) / 100,
      generate_seconds: generateSeconds,
      total_seconds: secs(Date.now() - started),
      database: 'postgresql server',
      measured_at: new Date().toISOString(),
      notes:
        'sweep_seconds: the slower of two steady-state full sweeps (time-based rules for all households + auto-escalation) ' +
        'inside the app process, read from stagnation_sweeps; initial_sweep_seconds: the first sweep, which opens the ' +
        'stagnations the synthetic data holds (with notifications). Triggers: second no-show via POST contacts → polled ' +
        'GET /api/v1/stagnations every 25 ms. peak_rss_mb: VmHWM of the app process (started with tsx and ' +
        '--max-old-space-size=app_heap_limit_mb; with the default V8 heap limit garbage is collected lazily and the peak ' +
        'was ~440 MB in an earlier run).',
    };
    writeFileSync(
      new URL('./results/stagnation.json', import.meta.url),
      JSON.stringify(result, null, 2) + '\n',
    );
    console.log(JSON.stringify(result, null, 2));
    await owner.end();
  } finally {
    if (app && app.exitCode === null) {
      app.kill('SIGTERM');
      await new Promise((r) => app!.once('exit', r));
    }
    if (keep) log(`kept database ${name} (BENCH_DB=${name} reuses it)`);
    else await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
