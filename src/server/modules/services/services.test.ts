import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, as, createTestApp } from '../../testing/api.js';
import { testDbKinds } from '../../testing/databases.js';

describe.each(testDbKinds())('services directory on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t.close();
  });

  it('every professional reads the active directory; inactive services are hidden unless asked for', async () => {
    const c = await as(t.app, 'coord1');
    const res = await c.get('/api/v1/services');
    expect(res.status).toBe(200);
    const names = res.body.items.map((s: { name: string }) => s.name);
    expect(names).toContain('Schuldhulpverlening');
    expect(names).not.toContain('Budgetcursus (gestopt)');
    expect(res.body.items[0]).toMatchObject({ canManage: false, contact: expect.any(Object) });
    const all = await c.get('/api/v1/services?includeInactive=true&kind=income_support');
    expect(all.body.items.map((s: { name: string }) => s.name)).toEqual(['Budgetcursus (gestopt)']);
    const search = await c.get('/api/v1/services?q=ggz');
    expect(search.body.items.map((s: { name: string }) => s.name)).toEqual(['Basis-GGZ volwassenen']);
  });

  it("a manager maintains their own organisation's services, with If-Match; nobody else may", async () => {
    const mgr = await as(t.app, 'jeugdmgr');
    const created = await mgr.post('/api/v1/services', {
      name: 'Gezinshuis',
      kind: 'youth_care',
      eligibility: 'Kinderen 4-18 jaar',
      capacity: 6,
      waitingDays: 90,
      contactName: 'Karin Smit',
      contactEmail: 'Manager.Jeugdhulp@schakel.demo',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      organisation: { name: 'Jeugdhulp IJsselland' },
      canManage: true,
      version: 1,
      contact: { email: 'manager.jeugdhulp@schakel.demo' },
    });
    const id = created.body.id as string;

    const stale = await mgr.patch(`/api/v1/services/${id}`, { waitingDays: 60 }, 9);
    expect(stale.status).toBe(412);
    const noMatch = await mgr.request('PATCH', `/api/v1/services/${id}`, { body: { waitingDays: 60 } });
    expect(noMatch.status).toBe(428);
    const updated = await mgr.patch(`/api/v1/services/${id}`, { waitingDays: 60 }, 1);
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      waitingDays: 60,
      version: 2,
      eligibility: 'Kinderen 4-18 jaar',
      capacity: 6,
    });

    const dup = await mgr.post('/api/v1/services', { name: 'gezinshuis', kind: 'youth_care' });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'NAME_TAKEN', fields: [{ path: 'name' }] });

    for (const key of ['jeugd', 'coord1']) {
      const other = await as(t.app, key);
      expect((await other.post('/api/v1/services', { name: 'X', kind: 'other' })).status).toBe(403);
      expect((await other.patch(`/api/v1/services/${id}`, { waitingDays: 1 }, 2)).status).toBe(403);
    }
    const ggzMgrLike = await as(t.app, 'admin');
    const byAdmin = await ggzMgrLike.patch(`/api/v1/services/${id}`, { active: false }, 2);
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.active).toBe(false);
  });

  it('refuses bad input with field paths and changes nothing', async () => {
    const mgr = await as(t.app, 'jeugdmgr');
    const before = (await mgr.get('/api/v1/services?includeInactive=true')).body.items.length;
    const bad = await mgr.post('/api/v1/services', {
      name: '',
      kind: 'magic',
      capacity: -1,
      contactEmail: 'geen-mail',
      extra: 1,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    const paths = bad.body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'kind', 'capacity', 'contactEmail']));
    const otherOrg = await mgr.post('/api/v1/services', {
      name: 'Elders',
      kind: 'other',
      organisationId: '00000000-0000-4000-8000-000000000000',
    });
    expect(otherOrg.status).toBe(403);
    expect((await mgr.get('/api/v1/services?includeInactive=true')).body.items.length).toBe(before);
  });
});
