import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, aHousehold, as, createTestApp } from '../../testing/api.js';
import { testDbKinds } from '../../testing/databases.js';

describe.each(testDbKinds())('households on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t.close();
  });

  it('a coordinator registers a household with members and network; it shows in their list', async () => {
    const c = await as(t.app, 'coord1');
    const res = await c.post('/api/v1/households', aHousehold('Familie Registratie'));
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({
      name: 'Familie Registratie',
      relation: 'coordinator',
      pyramidCategory: 1,
      coordinator: { name: 'Sanne de Boer' },
    });
    expect(res.body.can).toEqual(
      expect.arrayContaining(['update', 'member.write', 'network.write', 'involvement.manage']),
    );
    const id = res.body.id as string;
    const members = await c.get(`/api/v1/households/${id}/members`);
    expect(members.body.items.map((m: { name: string }) => m.name)).toEqual(['Ouder Test', 'Kind Test']);
    expect(members.body.items[1]).toMatchObject({ lvb: true, role: 'child', dateOfBirth: '2015-05-05' });
    const network = await c.get(`/api/v1/households/${id}/network-contacts`);
    expect(network.body.items).toEqual([
      expect.objectContaining({ name: 'Oma Test', quality: 'supportive' }),
    ]);
    const list = await c.get('/api/v1/households');
    expect(list.body.items).toContainEqual(
      expect.objectContaining({ id, memberCount: 2, relation: 'coordinator' }),
    );
    const involved = await c.get(`/api/v1/households/${id}/involvements`);
    expect(involved.body.items).toEqual([
      expect.objectContaining({
        relation: 'coordinator',
        professional: expect.objectContaining({ name: 'Sanne de Boer' }),
      }),
    ]);
  });

  it('a household one is not involved in answers 404 everywhere, and is absent from lists', async () => {
    const owner = await as(t.app, 'coord1');
    const id = (await owner.post('/api/v1/households', aHousehold('Familie Verborgen'))).body.id as string;
    for (const key of ['coord2', 'jeugd', 'process', 'policy', 'admin']) {
      const other = await as(t.app, key);
      for (const path of ['', '/members', '/network-contacts', '/involvements', '/history']) {
        const res = await other.get(`/api/v1/households/${id}${path}`);
        expect(res.status, `${key} GET ${path}`).toBe(404);
        expect(res.body.error.code).toBe('NOT_FOUND');
      }
      const write = await other.post(`/api/v1/households/${id}/members`, {
        name: 'Indringer',
        role: 'other_adult',
      });
      expect(write.status).toBe(404);
      const list = await other.get('/api/v1/households');
      expect(list.body.items.map((h: { id: string }) => h.id)).not.toContain(id);
    }
    const members = await owner.get(`/api/v1/households/${id}/members`);
    expect(members.body.items).toHaveLength(2);
  });

  it('an attached partner sees the household read-only; detaching ends access on the next request', async () => {
    const c = await as(t.app, 'coord1');
    const id = (await c.post('/api/v1/households', aHousehold('Familie Keten'))).body.id as string;
    const pros = await c.get('/api/v1/professionals');
    const lotte = pros.body.items.find((p: { name: string }) => p.name === 'Lotte Visser');
    const partner = await as(t.app, 'jeugd');
    expect((await partner.get(`/api/v1/households/${id}`)).status).toBe(404);

    const attach = await c.post(`/api/v1/households/${id}/involvements`, {
      userId: lotte.id,
      description: 'Gezinsbegeleiding',
    });
    expect(attach.status).toBe(201);
    expect(attach.body).toMatchObject({
      relation: 'partner',
      organisation: { name: 'Jeugdhulp IJsselland', type: 'jeugdhulp' },
    });
    const again = await c.post(`/api/v1/households/${id}/involvements`, { userId: lotte.id });
    expect(again.status).toBe(409);

    const seen = await partner.get(`/api/v1/households/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      relation: 'partner',
      can: [
        'action.report',
        'plan.acknowledge',
        'referral.write',
        'contact.write',
        'handover.write',
        'stagnation.report',
        'basis.share',
      ],
    });
    expect((await partner.get(`/api/v1/households/${id}/members`)).body.items).toHaveLength(2);
    const edit = await partner.post(`/api/v1/households/${id}/members`, { name: 'Nieuw', role: 'child' });
    expect(edit.status).toBe(403);
    expect(edit.body.error.code).toBe('FORBIDDEN');

    const detach = await c.del(`/api/v1/households/${id}/involvements/${attach.body.id}`);
    expect(detach.status).toBe(204);
    expect((await partner.get(`/api/v1/households/${id}`)).status).toBe(404);
    expect((await partner.get(`/api/v1/households/${id}/members`)).status).toBe(404);
  });

  it('members are edited with If-Match, removed reversibly, and every version is kept', async () => {
    const c = await as(t.app, 'coord1');
    const id = (await c.post('/api/v1/households', aHousehold('Familie Versies'))).body.id as string;
    const add = await c.post(`/api/v1/households/${id}/members`, {
      name: 'Tiener',
      dateOfBirth: '2010-01-01',
      role: 'child',
      email: 'Tiener@Example.nl',
    });
    expect(add.status).toBe(201);
    expect(add.body.email).toBe('tiener@example.nl');
    const mid = add.body.id as string;

    const missing = await c.request('PATCH', `/api/v1/households/${id}/members/${mid}`, {
      body: { name: 'X' },
    });
    expect(missing.status).toBe(428);
    const ok = await c.patch(`/api/v1/households/${id}/members/${mid}`, { name: 'Tiener B.' }, 1);
    expect(ok.status).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    const stale = await c.patch(`/api/v1/households/${id}/members/${mid}`, { name: 'Verouderd' }, 1);
    expect(stale.status).toBe(412);
    expect(stale.body.error).toMatchObject({
      code: 'STALE_VERSION',
      current: { name: 'Tiener B.', version: 2 },
    });

    expect((await c.del(`/api/v1/households/${id}/members/${mid}`, 2)).status).toBe(204);
    const after = await c.get(`/api/v1/households/${id}/members`);
    expect(after.body.items.map((m: { id: string }) => m.id)).not.toContain(mid);

    const history = await c.get(`/api/v1/households/${id}/history`);
    const versions = history.body.items.filter((h: { recordId: string }) => h.recordId === mid);
    expect(versions.map((v: { change: string; version: number }) => `${v.change}:${v.version}`)).toEqual([
      'removed:3',
      'updated:2',
      'created:1',
    ]);
    expect(versions[2].data.name).toBe('Tiener');

    const admin = await as(t.app, 'admin');
    const removed = await admin.get('/api/v1/admin/removed');
    expect(removed.body.items).toContainEqual(
      expect.objectContaining({
        id: mid,
        recordType: 'member',
        householdName: 'Familie Versies',
        removedBy: expect.objectContaining({ name: 'Sanne de Boer' }),
      }),
    );
    expect((await c.get('/api/v1/admin/removed')).status).toBe(403);
    expect((await admin.post(`/api/v1/admin/removed/member/${mid}/restore`)).status).toBe(204);
    expect((await admin.post(`/api/v1/admin/removed/member/${mid}/restore`)).status).toBe(409);
    const back = await c.get(`/api/v1/households/${id}/members`);
    expect(back.body.items).toContainEqual(
      expect.objectContaining({ id: mid, name: 'Tiener B.', version: 4 }),
    );
  });

  it('a partial update changes only the fields sent', async () => {
    const c = await as(t.app, 'coord1');
    const id = (await c.post('/api/v1/households', aHousehold('Familie Gedeeltelijk'))).body.id as string;
    const m = await c.post(`/api/v1/households/${id}/members`, {
      name: 'Met Telefoon',
      role: 'parent',
      phone: '06 1111 2222',
      lvb: true,
      preferredLanguage: 'tr',
    });
    const upd = await c.patch(`/api/v1/households/${id}/members/${m.body.id}`, { name: 'Nieuwe Naam' }, 1);
    expect(upd.body).toMatchObject({
      name: 'Nieuwe Naam',
      phone: '06 1111 2222',
      lvb: true,
      preferredLanguage: 'tr',
    });
    const n = await c.post(`/api/v1/households/${id}/network-contacts`, {
      name: 'Buur',
      relation: 'Buurman',
      quality: 'neutral',
      note: 'Helpt met boodschappen',
    });
    const nu = await c.patch(
      `/api/v1/households/${id}/network-contacts/${n.body.id}`,
      { quality: 'supportive' },
      1,
    );
    expect(nu.body).toMatchObject({ quality: 'supportive', note: 'Helpt met boodschappen' });
  });

  it('network contacts are edited and removed like members', async () => {
    const c = await as(t.app, 'coord1');
    const id = (await c.post('/api/v1/households', aHousehold('Familie Netwerk'))).body.id as string;
    const add = await c.post(`/api/v1/households/${id}/network-contacts`, {
      name: 'Buurman',
      relation: 'Buurman',
      quality: 'neutral',
    });
    expect(add.status).toBe(201);
    const upd = await c.patch(
      `/api/v1/households/${id}/network-contacts/${add.body.id}`,
      { quality: 'stressful' },
      1,
    );
    expect(upd.body).toMatchObject({ quality: 'stressful', version: 2 });
    expect((await c.del(`/api/v1/households/${id}/network-contacts/${add.body.id}`, 2)).status).toBe(204);
    expect((await c.get(`/api/v1/households/${id}/network-contacts`)).body.items).toHaveLength(1);
  });

  it('bad input gets a clear error and changes nothing', async () => {
    const c = await as(t.app, 'coord1');
    const before = (await c.get('/api/v1/households')).body.items.length;
    const future = new Date(Date.now() + 3 * 86400000).toISOString().slice(0, 10);
    const cases: [unknown, string][] = [
      [
        { ...aHousehold(), members: [{ name: 'Nog niet geboren', dateOfBirth: future, role: 'child' }] },
        'members.0.dateOfBirth',
      ],
      [
        { ...aHousehold(), members: [{ name: 'Datum', dateOfBirth: '2020-02-30', role: 'child' }] },
        'members.0.dateOfBirth',
      ],
      [{ ...aHousehold(), unknownField: true }, 'unknownField'],
      [{ ...aHousehold(), name: 'x'.repeat(121) }, 'name'],
      [{ ...aHousehold(), name: '' }, 'name'],
      [{ ...aHousehold(), pyramidCategory: 7 }, 'pyramidCategory'],
      [{ ...aHousehold(), address: { postcode: 'ABCD 12' } }, 'address.postcode'],
      [{ ...aHousehold(), members: [{ name: 'Rol', role: 'boss' }] }, 'members.0.role'],
      [
        { ...aHousehold(), networkContacts: [{ name: 'N', relation: 'R', quality: 'great' }] },
        'networkContacts.0.quality',
      ],
    ];
    for (const [body, path] of cases) {
      const res = await c.post('/api/v1/households', body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(path);
    }
    const malformed = await c.request('POST', '/api/v1/households', { rawBody: '{"name": "Half' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('MALFORMED_REQUEST');
    const wrongType = await c.request('POST', '/api/v1/households', {
      rawBody: 'name=x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(wrongType.status).toBe(415);
    expect((await c.get('/api/v1/households/not-a-uuid')).status).toBe(400);
    expect((await c.get('/api/v1/households')).body.items.length).toBe(before);
  });

  it('only coordinators register households', async () => {
    const partner = await as(t.app, 'jeugd');
    const res = await partner.post('/api/v1/households', aHousehold());
    expect(res.status).toBe(403);
  });

  it('a stale household edit gets 412 with the current version', async () => {
    const c = await as(t.app, 'coord1');
    const h = (await c.post('/api/v1/households', aHousehold('Familie Gelijktijdig'))).body;
    expect((await c.patch(`/api/v1/households/${h.id}`, { pyramidCategory: 3 }, 1)).status).toBe(200);
    const stale = await c.patch(`/api/v1/households/${h.id}`, { name: 'Andere naam' }, 1);
    expect(stale.status).toBe(412);
    expect(stale.body.error.current).toMatchObject({ pyramidCategory: 3, version: 2 });
    expect((await c.get(`/api/v1/households/${h.id}`)).body.name).toBe('Familie Gelijktijdig');
  });

  it('Idempotency-Key: a replay returns the first result, a different body with the same key gets 422', async () => {
    const c = await as(t.app, 'coord1');
    const key = 'test-key-0001';
    const first = await c.post('/api/v1/households', aHousehold('Familie Eenmalig'), {
      'idempotency-key': key,
    });
    const replay = await c.post('/api/v1/households', aHousehold('Familie Eenmalig'), {
      'idempotency-key': key,
    });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(first.body.id);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const list = (await c.get('/api/v1/households')).body.items.filter(
      (h: { name: string }) => h.name === 'Familie Eenmalig',
    );
    expect(list).toHaveLength(1);
    const other = await c.post('/api/v1/households', aHousehold('Familie Anders'), {
      'idempotency-key': key,
    });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const failed = await c.post('/api/v1/households', { name: '' }, { 'idempotency-key': 'test-key-0002' });
    expect(failed.status).toBe(400);
    const retried = await c.post('/api/v1/households', aHousehold('Familie Herkansing'), {
      'idempotency-key': 'test-key-0002',
    });
    expect(retried.status).toBe(201);
  });
});
