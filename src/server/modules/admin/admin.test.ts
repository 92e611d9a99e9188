import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type TestApp, as, createTestApp } from '../../testing/api.js';
import { testDbKinds } from '../../testing/databases.js';

describe.each(testDbKinds())('administration on %s', (kind) => {
  let t: TestApp;
  let admin: ApiClient;
  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await as(t.app, 'admin');
  });
  afterAll(async () => {
    await t.close();
  });

  const anOrg = (name: string) => ({
    name,
    type: 'ggz',
    email: 'info@example.nl',
    phone: '038 000 0000',
    address: 'Straat 1, Zwolle',
    manager: { name: 'Manager', email: 'manager@example.nl' },
    director: { name: 'Directeur', email: 'directeur@example.nl' },
  });

  it('manages organisations with escalation contacts; names are unique; edits need the current version', async () => {
    const created = await admin.post('/api/v1/organisations', anOrg('GGZ Test'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      type: 'ggz',
      manager: { name: 'Manager' },
      director: { email: 'directeur@example.nl' },
      active: true,
      version: 1,
    });
    const dup = await admin.post('/api/v1/organisations', anOrg('ggz test'));
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('NAME_TAKEN');
    const upd = await admin.patch(
      `/api/v1/organisations/${created.body.id}`,
      { active: false, director: { name: 'Nieuwe directeur', email: '' } },
      1,
    );
    expect(upd.body).toMatchObject({ active: false, version: 2, director: { name: 'Nieuwe directeur' } });
    expect(upd.body).toMatchObject({
      email: 'info@example.nl',
      phone: '038 000 0000',
      manager: { name: 'Manager' },
    });
    const stale = await admin.patch(`/api/v1/organisations/${created.body.id}`, { name: 'Oud' }, 1);
    expect(stale.status).toBe(412);
    const badType = await admin.post('/api/v1/organisations', { ...anOrg('X'), type: 'bank' });
    expect(badType.status).toBe(400);
    expect(badType.body.error.fields[0].path).toBe('type');
  });

  it('only administrators manage organisations and users', async () => {
    const c = await as(t.app, 'coord1');
    expect((await c.post('/api/v1/organisations', anOrg('Niet toegestaan'))).status).toBe(403);
    expect((await c.get('/api/v1/users')).status).toBe(403);
    expect((await c.get('/api/v1/organisations')).status).toBe(200);
  });

  it('creates users with a strong password, unique e-mail and an FTE for coordinators', async () => {
    const orgs = (await admin.get('/api/v1/organisations')).body.items;
    const wijkteam = orgs.find((o: { type: string }) => o.type === 'wijkteam');
    const base = {
      organisationId: wijkteam.id,
      name: 'Nieuwe Regisseur',
      email: 'nieuw@schakel.demo',
      roles: ['coordinator'],
      fte: 0.9,
      password: 'Zonnig-weer-in-Zwolle-42',
    };
    const weak = await admin.post('/api/v1/users', { ...base, password: 'welkom123' });
    expect(weak.status).toBe(422);
    expect(weak.body.error.code).toBe('WEAK_PASSWORD');
    const noFte = await admin.post('/api/v1/users', { ...base, fte: null });
    expect(noFte.status).toBe(400);
    expect(noFte.body.error.fields[0].path).toBe('fte');
    const created = await admin.post('/api/v1/users', base);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      roles: ['coordinator'],
      fte: 0.9,
      active: true,
      organisationName: 'Wijkteam Zwolle-Zuid',
    });
    const dup = await admin.post('/api/v1/users', { ...base, email: 'NIEUW@schakel.demo' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('EMAIL_TAKEN');
    const login = await new ApiClient(t.app).request('POST', '/api/v1/auth/login', {
      body: { email: 'nieuw@schakel.demo', password: base.password },
    });
    expect(login.status).toBe(200);
  });

  it('disabling an account ends its sessions at once and blocks login with a clear message', async () => {
    const victim = await as(t.app, 'politie');
    expect((await victim.get('/api/v1/households')).status).toBe(200);
    const users = (await admin.get('/api/v1/users')).body.items;
    const dennis = users.find((u: { name: string }) => u.name === 'Dennis Kok');
    const res = await admin.patch(`/api/v1/users/${dennis.id}`, { active: false }, dennis.version);
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);
    expect((await victim.get('/api/v1/households')).status).toBe(401);
    const login = await new ApiClient(t.app).login('politie');
    expect(login.status).toBe(403);
    expect(login.body.error.code).toBe('ACCOUNT_DISABLED');
    const enable = await admin.patch(`/api/v1/users/${dennis.id}`, { active: true }, res.body.version);
    expect(enable.status).toBe(200);
    expect((await new ApiClient(t.app).login('politie')).status).toBe(200);
  });

  it('an administrator cannot disable themselves', async () => {
    const me = (await admin.get('/api/v1/auth/session')).body.user;
    const user = (await admin.get(`/api/v1/users/${me.id}`)).body;
    const res = await admin.patch(`/api/v1/users/${me.id}`, { active: false }, user.version);
    expect(res.status).toBe(422);
  });

  it('lists the professional directory without administrators or privacy officers', async () => {
    const c = await as(t.app, 'coord1');
    const res = await c.get('/api/v1/professionals');
    const names = res.body.items.map((p: { name: string }) => p.name);
    expect(names).toContain('Lotte Visser');
    expect(names).not.toContain('Bram Beheer');
    expect(names).not.toContain('Noor Privacy');
  });
});
