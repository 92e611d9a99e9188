import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type TestApp, aHousehold, as, createTestApp } from '../../testing/api.js';
import { testDbKinds } from '../../testing/databases.js';

const publicSignal = (over: Record<string, unknown> = {}) => ({
  signallerName: 'Buurvrouw Els',
  signallerEmail: 'els@example.nl',
  signallerPhone: '06 1234 5678',
  subject: {
    name: 'Familie Bakker',
    dateOfBirth: null,
    address: { street: 'Dorpsstraat', houseNumber: '3', postcode: '8011 XY', city: 'Zwolle' },
  },
  concern: 'Ik hoor al weken geschreeuw en de kinderen lijken niet naar school te gaan.',
  urgency: 'normal',
  ...over,
});

describe.each(testDbKinds())('signals on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t.close();
  });

  it('anyone can report without an account and look the status up with the reference code', async () => {
    const anon = new ApiClient(t.app, '10.1.0.1');
    const res = await anon.post('/api/v1/public/signals', publicSignal());
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      referenceCode: expect.stringMatching(/^SK-[A-Z0-9]{4}-[A-Z0-9]{4}$/),
      status: 'received',
    });
    const status = await anon.get(
      `/api/v1/public/signals/status?code=${res.body.referenceCode.toLowerCase()}`,
    );
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ referenceCode: res.body.referenceCode, status: 'received' });
    expect(Object.keys(status.body).sort()).toEqual(['receivedAt', 'referenceCode', 'status', 'updatedAt']);
    const unknown = await anon.get('/api/v1/public/signals/status?code=SK-AAAA-BBBB');
    expect(unknown.status).toBe(404);
    const malformed = await anon.get('/api/v1/public/signals/status?code=<script>');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields[0].path).toBe('querystring.code');
  });

  it('answers identically whether or not the household is known', async () => {
    const known = new ApiClient(t.app, '10.1.0.2');
    const a = await known.post(
      '/api/v1/public/signals',
      publicSignal({
        subject: {
          name: 'Familie Jansen',
          dateOfBirth: '1980-03-14',
          address: { street: '', houseNumber: '', postcode: '', city: '' },
        },
      }),
    );
    const b = await known.post(
      '/api/v1/public/signals',
      publicSignal({
        subject: {
          name: 'Niemand Onbekend',
          dateOfBirth: null,
          address: { street: '', houseNumber: '', postcode: '', city: '' },
        },
      }),
    );
    expect(a.status).toBe(b.status);
    expect(Object.keys(a.body)).toEqual(Object.keys(b.body));
    expect(a.body.status).toBe(b.body.status);
  });

  it('refuses bad input with field paths and stores nothing; markup is kept as plain text', async () => {
    const anon = new ApiClient(t.app, '10.1.0.3');
    const tooLong = await anon.post('/api/v1/public/signals', publicSignal({ concern: 'x'.repeat(4001) }));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.fields).toEqual([expect.objectContaining({ path: 'concern' })]);
    const missing = await anon.post(
      '/api/v1/public/signals',
      publicSignal({ signallerName: '', urgency: 'panic' }),
    );
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'signallerName',
      'urgency',
    ]);
    const extra = await anon.post('/api/v1/public/signals', { ...publicSignal(), isAdmin: true });
    expect(extra.status).toBe(400);
    const huge = await anon.request('POST', '/api/v1/public/signals', {
      rawBody: JSON.stringify({ ...publicSignal(), concern: 'y'.repeat(20_000) }),
    });
    expect(huge.status).toBe(413);

    const script = '<script>alert("x")</script> & <b>vet</b>';
    const ok = await anon.post(
      '/api/v1/public/signals',
      publicSignal({
        concern: `Zorgen: ${script}`,
        subject: {
          name: '<img src=x onerror=alert(1)>',
          dateOfBirth: null,
          address: { street: '', houseNumber: '', postcode: '', city: '' },
        },
      }),
    );
    expect(ok.status).toBe(201);
    const pm = await as(t.app, 'process');
    const queue = await pm.get('/api/v1/triage/signals');
    const mine = queue.body.items.find(
      (s: { referenceCode: string }) => s.referenceCode === ok.body.referenceCode,
    );
    const detail = await pm.get(`/api/v1/triage/signals/${mine.id}`);
    expect(detail.body.concern).toBe(`Zorgen: ${script}`);
    expect(detail.body.subjectName).toBe('<img src=x onerror=alert(1)>');
  });

  it('a honeypot gets the same answer, but nothing is stored', async () => {
    const bot = new ApiClient(t.app, '10.1.0.4');
    const res = await bot.post('/api/v1/public/signals', publicSignal({ website: 'http://spam.example' }));
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('received');
    expect((await bot.get(`/api/v1/public/signals/status?code=${res.body.referenceCode}`)).status).toBe(404);
    const pm = await as(t.app, 'process');
    const queue = await pm.get('/api/v1/triage/signals');
    expect(queue.body.items.map((s: { referenceCode: string }) => s.referenceCode)).not.toContain(
      res.body.referenceCode,
    );
  });

  it('a flood from one address is stopped with 429 and Retry-After; other addresses still get through', async () => {
    const flood = new ApiClient(t.app, '10.1.0.5');
    const codes: number[] = [];
    for (let i = 0; i < 7; i++)
      codes.push((await flood.post('/api/v1/public/signals', publicSignal())).status);
    expect(codes).toEqual([201, 201, 201, 201, 201, 429, 429]);
    const last = await flood.post('/api/v1/public/signals', publicSignal());
    expect(last.body.error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    expect(
      (await new ApiClient(t.app, '10.1.0.6').post('/api/v1/public/signals', publicSignal())).status,
    ).toBe(201);
  });

  it('a professional passes on a signal about a household they see, and follows its status', async () => {
    const coord = await as(t.app, 'coord1');
    const h = (await coord.post('/api/v1/households', aHousehold('Familie Doorgeven'))).body;
    const res = await coord.post('/api/v1/signals', {
      householdId: h.id,
      concern: 'Moeder geeft aan dat de schulden oplopen.',
      urgency: 'urgent',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      subjectName: 'Familie Doorgeven',
      urgency: 'urgent',
      status: 'received',
      source: 'professional',
    });
    expect(new Date(res.body.dueAt).getTime() - new Date(res.body.receivedAt).getTime()).toBe(24 * 3_600_000);
    const mine = await coord.get('/api/v1/signals/mine');
    expect(mine.body.items[0]).toMatchObject({ id: res.body.id, outcome: null });

    const other = await as(t.app, 'coord2');
    const hidden = await other.post('/api/v1/signals', {
      householdId: h.id,
      concern: 'Iets over dit gezin dat ik niet zie.',
      urgency: 'normal',
    });
    expect(hidden.status).toBe(404);
    const nobody = await other.post('/api/v1/signals', {
      concern: 'Zonder onderwerp ingestuurd.',
      urgency: 'normal',
    });
    expect(nobody.status).toBe(400);
    expect(nobody.body.error.fields[0].path).toBe('subject');
    const admin = await as(t.app, 'admin');
    expect(
      (
        await admin.post('/api/v1/signals', {
          subject: { name: 'X' },
          concern: 'Beheerder mag dit niet doen.',
          urgency: 'normal',
        })
      ).status,
    ).toBe(403);
  });
});
