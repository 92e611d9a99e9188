import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { prepareDatabase } from './bootstrap.js';
import { loadConfig } from './config.js';
import type { DatabaseTarget } from './db/connect.js';
import { as } from './testing/api.js';
import { testDbKinds } from './testing/databases.js';

describe.each(testDbKinds())('first start and restart on %s', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  async function freshTarget(): Promise<DatabaseTarget> {
    if (kind === 'pglite') {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'schakel-boot-'));
      cleanups.push(() => Promise.resolve(rmSync(dir, { recursive: true, force: true })));
      return { kind: 'pglite', dataDir: dir };
    }
    const url = process.env.DATABASE_URL!;
    const name = `schakel_boot_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    cleanups.push(async () => {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    });
    const u = new URL(url);
    u.pathname = `/${name}`;
    return { kind: 'postgres', url: u.toString() };
  }

  it('creates the schema and the demo region on first start; a restart keeps the data and does not seed again', async () => {
    const target = await freshTarget();
    const first = await prepareDatabase(target, { seedDemo: true });
    expect(first.seeded).toBe(true);
    const config = { ...loadConfig({}), webDir: '/nonexistent' };
    let app = await buildApp({ db: first.database, config, version: 'test' });
    let c = await as(app, 'coord1');
    const names = (await c.get('/api/v1/households')).body.items.map((h: { name: string }) => h.name);
    expect(names).toEqual(['Familie Bakker', 'Familie de Vries', 'Familie Tesfay']);
    const orgs = (await c.get('/api/v1/organisations')).body.items;
    expect(orgs.length).toBeGreaterThanOrEqual(6);
    expect(new Set(orgs.map((o: { type: string }) => o.type)).size).toBeGreaterThanOrEqual(6);
    const h = (await c.get('/api/v1/households')).body.items[0];
    await c.patch(`/api/v1/households/${h.id}`, { pyramidCategory: 3 }, 1);
    await app.close();
    await first.database.close();

    const second = await prepareDatabase(target, { seedDemo: true });
    expect(second.seeded).toBe(false);
    app = await buildApp({ db: second.database, config, version: 'test' });
    c = await as(app, 'coord1');
    const again = (await c.get('/api/v1/households')).body.items;
    expect(again).toHaveLength(3);
    expect(again.find((x: { id: string }) => x.id === h.id).pyramidCategory).toBe(3);
    const partner = await as(app, 'jeugd');
    expect((await partner.get('/api/v1/households')).body.items.length).toBeGreaterThan(0);
    await app.close();
    await second.database.close();
  });
});
