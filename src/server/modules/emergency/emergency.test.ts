import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, type TestApp, aHousehold, as, createTestApp } from '../../testing/api.js';
import { testDbKinds } from '../../testing/databases.js';

const REASON = 'Melding van de politie: kinderen alleen thuis, ik moet weten wie betrokken is.';

describe.each(testDbKinds())('emergency access (noodknop) on %s', (kind) => {
  let t: TestApp;
  let coord: ApiClient;
  let householdId: string;
  const address = { street: 'Noodweg', houseNumber: '12a', postcode: '8043 KL', city: 'Zwolle' };

  /** Plays the database owner: moves an emergency access's expiry into the past. */
  async function expire(id: string): Promise<void> {
    const stmt = `update emergency_accesses set expires_at = now() - interval '1 minute' where id = '${id}'`;
    if (kind === 'pglite') {
      await t.database.app.transaction(async (tx) => {
        await tx.execute(sql`reset role`);
        await tx.execute(sql.raw(stmt));
        await tx.execute(sql`set role schakel_app`);
      });
    } else {
      const owner = new pg.Client({ connectionString: t.ownerUrl });
      await owner.connect();
      await owner.query(stmt);
      await owner.end();
    }
  }

  const userId = async (c: ApiClient) => (await c.get('/api/v1/auth/session')).body.user.id as string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    coord = await as(t.app, 'coord2');
    const h = await coord.post('/api/v1/households', { ...aHousehold('Familie Nood'), address });
    expect(h.status).toBe(201);
    householdId = h.body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('opens the household read-only for 4 hours; every audit row of it is marked emergency; writes are refused', async () => {
    const ggz = await as(t.app, 'ggz');
    expect((await ggz.get(`/api/v1/households/${householdId}`)).status).toBe(404);
    const before = Date.now();
    const res = await ggz.post('/api/v1/emergency-access', {
      postcode: '8043kl',
      houseNumber: '12 A',
      reason: REASON,
    });
    expect(res.status).toBe(201);
    expect(res.body.householdId).toBe(householdId);
    const expires = Date.parse(res.body.expiresAt);
    expect(expires - before).toBeGreaterThanOrEqual(4 * 3600_000 - 5_000);
    expect(expires - before).toBeLessThanOrEqual(4 * 3600_000 + 5_000);
    const accessId = res.body.id as string;

    const h = await ggz.get(`/api/v1/households/${householdId}`);
    expect(h.status).toBe(200);
    expect(h.body).toMatchObject({ relation: 'emergency', can: [], emergencyUntil: res.body.expiresAt });
    const members = await ggz.get(`/api/v1/households/${householdId}/members`);
    expect(members.status).toBe(200);
    expect(members.body.items).toHaveLength(2);
    expect((await ggz.get(`/api/v1/households/${householdId}/network-contacts`)).status).toBe(200);

    // Writes: refused, even though the household is readable.
    expect(
      (await ggz.patch(`/api/v1/households/${householdId}`, { name: 'Gewijzigd' }, h.body.version)).status,
    ).toBe(403);
    expect(
      (
        await ggz.post(`/api/v1/households/${householdId}/members`, {
          name: 'Nieuw Lid',
          role: 'other_adult',
        })
      ).status,
    ).toBe(403);

    // Asking again while it is active returns the same access.
    const again = await ggz.post('/api/v1/emergency-access', {
      postcode: '8043 KL',
      houseNumber: '12a',
      reason: REASON,
    });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(accessId);

    // The coordinator's own reads are not emergency reads.
    expect((await coord.get(`/api/v1/households/${householdId}`)).body.emergencyUntil).toBeNull();

    const po = await as(t.app, 'privacy');
    const ggzId = await userId(ggz);
    const audit = await po.get(`/api/v1/audit?householdId=${householdId}&userId=${ggzId}&limit=200`);
    const ok = audit.body.items.filter((e: { outcome: string }) => e.outcome === 'success');
    expect(ok.length).toBeGreaterThanOrEqual(4);
    expect(ok.every((e: { emergency: boolean }) => e.emergency)).toBe(true);
    expect(ok.every((e: { basis: string }) => e.basis.startsWith(`emergency_access:${accessId}`))).toBe(true);
    expect(ok.map((e: { objectType: string }) => e.objectType)).toEqual(
      expect.arrayContaining(['emergency_access', 'household', 'member_list']),
    );
    const created = ok.find((e: { objectType: string }) => e.objectType === 'emergency_access');
    expect(created).toMatchObject({ action: 'create', basis: `emergency_access:${accessId}`, consent: null });
    // The refused writes are audited as denied.
    expect(
      audit.body.items.filter((e: { outcome: string }) => e.outcome === 'denied').length,
    ).toBeGreaterThanOrEqual(2);

    // Every privacy officer of the region is told, with a link and no case content.
    const inbox = await po.get('/api/v1/notifications');
    const note = inbox.body.items.find((n: { kind: string }) => n.kind === 'emergency.started');
    expect(note).toMatchObject({ link: '/privacy/emergency', params: {} });

    const mine = await ggz.get('/api/v1/emergency-access/mine');
    expect(mine.body.items[0]).toMatchObject({
      id: accessId,
      state: 'active',
      reason: REASON,
      reviewStatus: 'pending',
      household: { id: householdId, name: 'Familie Nood' },
    });
  });

  it('answers 404 for an unknown address and audits the lookup as denied', async () => {
    const jeugd = await as(t.app, 'jeugdmgr');
    const res = await jeugd.post('/api/v1/emergency-access', {
      postcode: '9999 ZZ',
      houseNumber: '1',
      reason: REASON,
    });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    // Same postcode, other number: also not found.
    const other = await jeugd.post('/api/v1/emergency-access', {
      postcode: '8043 KL',
      houseNumber: '13',
      reason: REASON,
    });
    expect(other.status).toBe(404);
    const po = await as(t.app, 'privacy');
    const denied = await po.get(`/api/v1/audit?userId=${await userId(jeugd)}&outcome=denied`);
    expect(
      denied.body.items.filter(
        (e: { objectType: string; basis: string }) =>
          e.objectType === 'emergency_access' && e.basis === 'emergency_lookup',
      ),
    ).toHaveLength(2);
    expect((await jeugd.get('/api/v1/emergency-access/mine')).body.items).toEqual([]);
  });

  it('requires a real reason and a valid address; only professionals may use it', async () => {
    const ggz = await as(t.app, 'verslaving');
    const short = await ggz.post('/api/v1/emergency-access', {
      postcode: '8043 KL',
      houseNumber: '12a',
      reason: 'even kijken',
    });
    expect(short.status).toBe(400);
    expect(short.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['reason']);
    const blank = await ggz.post('/api/v1/emergency-access', {
      postcode: '8043 KL',
      houseNumber: '12a',
      reason: ' '.repeat(30),
    });
    expect(blank.status).toBe(400);
    const long = await ggz.post('/api/v1/emergency-access', {
      postcode: '8043 KL',
      houseNumber: '12a',
      reason: 'x'.repeat(1001),
    });
    expect(long.status).toBe(400);
    const missing = await ggz.post('/api/v1/emergency-access', { postcode: '8043 KL', houseNumber: '12a' });
    expect(missing.status).toBe(400);
    const badPostcode = await ggz.post('/api/v1/emergency-access', {
      postcode: '80433',
      houseNumber: '12a',
      reason: REASON,
    });
    expect(badPostcode.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['postcode']);
    const extra = await ggz.post('/api/v1/emergency-access', {
      postcode: '8043 KL',
      houseNumber: '12a',
      reason: REASON,
      hours: 48,
    });
    expect(extra.status).toBe(400);
    for (const key of ['privacy', 'policy', 'process']) {
      const c = await as(t.app, key);
      expect((await c.post('/api/v1/emergency-access', { ...address, reason: REASON })).status, key).toBe(
        400,
      );
      const res = await c.post('/api/v1/emergency-access', {
        postcode: address.postcode,
        houseNumber: address.houseNumber,
        reason: REASON,
      });
      expect(res.status, key).toBe(403);
    }
    expect((await ggz.get('/api/v1/emergency-access/mine')).body.items).toEqual([]);
  });

  it('answers 409 to someone who already works with the household', async () => {
    const body = { postcode: '8043 KL', houseNumber: '12a', reason: REASON };
    expect((await coord.post('/api/v1/emergency-access', body)).status).toBe(409);
    const pros = (await coord.get('/api/v1/professionals')).body.items;
    const school = pros.find(
      (p: { organisation: { name: string } }) => p.organisation.name === 'Vechtdal College',
    );
    expect(
      (await coord.post(`/api/v1/households/${householdId}/involvements`, { userId: school.id })).status,
    ).toBe(201);
    const partner = await as(t.app, 'school');
    const res = await partner.post('/api/v1/emergency-access', body);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONFLICT');
  });

  it('after expiry the household is 404 again on the very next request', async () => {
    const c = await as(t.app, 'woning');
    const res = await c.post('/api/v1/emergency-access', {
      postcode: '8043 KL',
      houseNumber: '12a',
      reason: REASON,
    });
    expect(res.status).toBe(201);
    expect((await c.get(`/api/v1/households/${householdId}/members`)).status).toBe(200);
    await expire(res.body.id);
    expect((await c.get(`/api/v1/households/${householdId}`)).status).toBe(404);
    expect((await c.get(`/api/v1/households/${householdId}/members`)).status).toBe(404);
    const mine = await c.get('/api/v1/emergency-access/mine');
    expect(mine.body.items[0]).toMatchObject({
      id: res.body.id,
      state: 'expired',
      household: { name: null },
    });
    expect((await c.post(`/api/v1/emergency-access/${res.body.id}/end`)).status).toBe(409);
  });

  it('is ended early by its user or by the privacy officer, not by the coordinator', async () => {
    const c = await as(t.app, 'politie');
    const first = await c.post('/api/v1/emergency-access', {
      postcode: '8043 KL',
      houseNumber: '12a',
      reason: REASON,
    });
    expect((await coord.post(`/api/v1/emergency-access/${first.body.id}/end`)).status).toBe(404);
    const ended = await c.post(`/api/v1/emergency-access/${first.body.id}/end`);
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ state: 'ended' });
    expect((await c.get(`/api/v1/households/${householdId}`)).status).toBe(404);

    const second = await c.post('/api/v1/emergency-access', {
      postcode: '8043 KL',
      houseNumber: '12a',
      reason: REASON,
    });
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
    const po = await as(t.app, 'privacy');
    const byOfficer = await po.post(`/api/v1/emergency-access/${second.body.id}/end`);
    expect(byOfficer.status).toBe(200);
    expect((await c.get(`/api/v1/households/${householdId}`)).status).toBe(404);
    const audit = await po.get(`/api/v1/audit?householdId=${householdId}&userId=${await userId(po)}`);
    expect(
      audit.body.items.find(
        (e: { objectType: string; action: string }) =>
          e.objectType === 'emergency_access' && e.action === 'update',
      ),
    ).toMatchObject({ basis: 'privacy_audit', emergency: false, role: 'privacy_officer' });
  });

  it('the privacy officer reviews with If-Match: sees who, why, how long and what was viewed; approves or follows up', async () => {
    const po = await as(t.app, 'privacy');
    const other = await as(t.app, 'ggz');
    expect((await other.get('/api/v1/privacy/emergency-accesses')).status).toBe(403);

    const queue = await po.get('/api/v1/privacy/emergency-accesses?status=pending');
    expect(queue.status).toBe(200);
    const item = queue.body.items.find((i: { user: { name: string } }) => i.user.name === 'Mark Hendriks');
    expect(item).toMatchObject({
      organisation: { name: 'GGZ Oost' },
      household: { id: householdId, name: 'Familie Nood' },
      reason: REASON,
      state: 'active',
      reviewStatus: 'pending',
      reviewedBy: null,
    });
    expect(item.minutesInUse).toBeGreaterThanOrEqual(0);
    const viewed = item.viewed.map(
      (v: { objectType: string; action: string }) => `${v.objectType}:${v.action}`,
    );
    expect(viewed).toEqual(
      expect.arrayContaining(['emergency_access:create', 'household:read', 'member_list:read']),
    );
    // Four accesses were started in this file (ggz, woning, politie twice); all pending, oldest first.
    expect(queue.body.items).toHaveLength(4);
    const started = queue.body.items.map((i: { startedAt: string }) => i.startedAt);
    expect([...started].sort()).toEqual(started);

    const url = `/api/v1/privacy/emergency-accesses/${item.id}/review`;
    expect((await po.post(url, { decision: 'approved' })).status).toBe(428);
    const noNote = await po.request('POST', url, {
      body: { decision: 'follow_up', note: '' },
      ifMatch: item.version,
    });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['note']);
    const stale = await po.request('POST', url, {
      body: { decision: 'approved' },
      ifMatch: item.version + 5,
    });
    expect(stale.status).toBe(412);
    const followed = await po.request('POST', url, {
      body: { decision: 'follow_up', note: 'Gesprek met de teamleider over de reden.' },
      ifMatch: item.version,
    });
    expect(followed.status).toBe(200);
    expect(followed.body).toMatchObject({
      reviewStatus: 'followed_up',
      reviewNote: 'Gesprek met de teamleider over de reden.',
      reviewedBy: { name: 'Noor Privacy' },
    });
    expect(followed.headers.etag).toBe(`"${followed.body.version}"`);
    const approved = await po.request('POST', url, {
      body: { decision: 'approved', note: 'Besproken; terecht gebruikt.' },
      ifMatch: followed.body.version,
    });
    expect(approved.body.reviewStatus).toBe('approved');
    const again = await po.request('POST', url, {
      body: { decision: 'approved' },
      ifMatch: approved.body.version,
    });
    expect(again.status).toBe(409);

    const pending = await po.get('/api/v1/privacy/emergency-accesses');
    expect(pending.body.items.map((i: { id: string }) => i.id)).not.toContain(item.id);
    const reviewed = await po.get('/api/v1/privacy/emergency-accesses?status=reviewed');
    expect(reviewed.body.items.map((i: { id: string }) => i.id)).toEqual([item.id]);
    expect((await po.get('/api/v1/privacy/emergency-accesses?status=all')).status).toBe(400);

    // The user sees the outcome of the review on their own list.
    const mine = await other.get('/api/v1/emergency-access/mine');
    expect(mine.body.items[0]).toMatchObject({
      reviewStatus: 'approved',
      reviewNote: 'Besproken; terecht gebruikt.',
    });

    // The review is itself audited.
    const audit = await po.get(`/api/v1/audit?userId=${await userId(po)}&action=update`);
    expect(
      audit.body.items.filter((e: { objectType: string }) => e.objectType === 'emergency_access_review'),
    ).toHaveLength(2);
  });
});
