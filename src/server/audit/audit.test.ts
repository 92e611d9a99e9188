import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, aHousehold, as, createTestApp } from '../testing/api.js';
import { testDbKinds } from '../testing/databases.js';

const run = promisify(execFile);

describe.each(testDbKinds())('audit trail on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t.close();
  });

  it('records every read and write of household data with the NEN 7513 fields', async () => {
    const c = await as(t.app, 'coord1', '192.0.2.10');
    const h = (await c.post('/api/v1/households', aHousehold('Familie Logboek'))).body;
    const members = (await c.get(`/api/v1/households/${h.id}/members`)).body.items;
    await c.patch(`/api/v1/households/${h.id}/members/${members[0].id}`, { phone: '06 1234 5678' }, 1);
    await c.get(`/api/v1/households/${h.id}`);

    const po = await as(t.app, 'privacy');
    const page = await po.get(`/api/v1/audit?householdId=${h.id}&limit=200`);
    expect(page.status).toBe(200);
    const items = page.body.items as {
      action: string;
      objectType: string;
      memberId: string | null;
      [k: string]: unknown;
    }[];
    const created = items.find((e) => e.action === 'create' && e.objectType === 'household');
    expect(created).toMatchObject({
      user: { name: 'Sanne de Boer' },
      organisation: { name: 'Wijkteam Zwolle-Zuid' },
      role: 'coordinator',
      household: { id: h.id, name: 'Familie Logboek' },
      basis: 'care_relation:coordinator',
      emergency: false,
      outcome: 'success',
      clientAddress: '192.0.2.10',
      onBehalfOf: null,
    });
    expect(new Date(created!.at as string).toISOString()).toBe(created!.at);
    expect(items.filter((e) => e.action === 'create' && e.objectType === 'member')).toHaveLength(2);
    expect(items).toContainEqual(
      expect.objectContaining({ action: 'update', objectType: 'member', memberId: members[0].id }),
    );
    expect(items).toContainEqual(expect.objectContaining({ action: 'read', objectType: 'member_list' }));
    expect(items).toContainEqual(expect.objectContaining({ action: 'read', objectType: 'household' }));
  });

  it('records refused attempts on a household as denied', async () => {
    const owner = await as(t.app, 'coord1');
    const h = (await owner.post('/api/v1/households', aHousehold('Familie Nieuwsgierig'))).body;
    const snoop = await as(t.app, 'coord2');
    expect((await snoop.get(`/api/v1/households/${h.id}/members`)).status).toBe(404);
    const po = await as(t.app, 'privacy');
    const page = await po.get(`/api/v1/audit?householdId=${h.id}&outcome=denied`);
    expect(page.body.items).toEqual([
      expect.objectContaining({
        user: expect.objectContaining({ name: 'Ahmed El Amrani' }),
        outcome: 'denied',
        objectType: 'member',
      }),
    ]);
  });

  it('lets only privacy officers browse, filter and page the log', async () => {
    const c = await as(t.app, 'coord1');
    expect((await c.get('/api/v1/audit')).status).toBe(403);
    const po = await as(t.app, 'privacy');
    const first = await po.get('/api/v1/audit?limit=5&action=login');
    expect(first.body.items).toHaveLength(5);
    expect(first.body.items.every((e: { action: string }) => e.action === 'login')).toBe(true);
    const next = await po.get(`/api/v1/audit?limit=5&action=login&before=${first.body.nextBefore}`);
    expect(next.body.items[0].seq).toBeLessThan(first.body.items[4].seq);
    const today = new Date().toISOString().slice(0, 10);
    const ranged = await po.get(`/api/v1/audit?from=${today}&to=${today}&limit=1`);
    expect(ranged.body.items).toHaveLength(1);
    const bad = await po.get('/api/v1/audit?limit=500');
    expect(bad.status).toBe(400);
  });

  it('shows a privacy officer the household header and its audit tab, but not its members', async () => {
    const owner = await as(t.app, 'coord1');
    const h = (await owner.post('/api/v1/households', aHousehold('Familie Controle'))).body;
    const po = await as(t.app, 'privacy');
    const view = await po.get(`/api/v1/households/${h.id}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ relation: 'auditor', can: ['audit.read', 'access_log.read'] });
    expect((await po.get(`/api/v1/households/${h.id}/members`)).status).toBe(403);
  });

  it('verifies the hash chain and names the first broken link after tampering', async () => {
    const po = await as(t.app, 'privacy');
    const ok = await po.get('/api/v1/audit/verify');
    expect(ok.body).toMatchObject({ ok: true, firstBroken: null });
    expect(ok.body.checked).toBeGreaterThan(10);

    const target = (await po.get('/api/v1/audit?limit=10')).body.items[5].seq as number;
    if (kind === 'pglite') {
      // PGlite is single-user: its session user is the bootstrap superuser, which the app role can fall back to.
      // We use that here to play an attacker with owner rights.
      await t.database.app.transaction(async (tx) => {
        await tx.execute(sql`reset role`);
        await tx.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
        await tx.execute(sql.raw(`update audit_events set outcome = 'denied' where seq = ${target}`));
        await tx.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
      });
    } else {
      const owner = new pg.Client({ connectionString: t.ownerUrl });
      await owner.connect();
      const before = await run('npx', ['tsx', 'src/server/audit/verify-cli.ts'], {
        env: { ...process.env, DATABASE_URL: t.ownerUrl },
      });
      expect(before.stdout).toMatch(/Audit chain intact: \d+ events checked/);
      await owner.query('alter table audit_events disable trigger audit_events_append_only');
      await owner.query(`update audit_events set outcome = 'denied' where seq = $1`, [target]);
      await owner.query('alter table audit_events enable trigger audit_events_append_only');
      await owner.end();
      const after = await run('npx', ['tsx', 'src/server/audit/verify-cli.ts'], {
        env: { ...process.env, DATABASE_URL: t.ownerUrl },
      }).catch((e: { code: number; stderr: string }) => e);
      expect((after as { code: number }).code).toBe(1);
      expect((after as { stderr: string }).stderr).toContain(`seq ${target}`);
    }
    const broken = await po.get('/api/v1/audit/verify');
    expect(broken.body).toMatchObject({
      ok: false,
      firstBroken: { seq: target, reason: expect.stringContaining('altered') },
    });
  });
});
