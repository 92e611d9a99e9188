import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../../domain/calendar/working-days.js';
import { type ApiClient, type TestApp, aHousehold, as, createTestApp } from '../../testing/api.js';
import { testDbKinds } from '../../testing/databases.js';

interface Group {
  day: string;
  organisation: { name: string } | null;
  role: string | null;
  category: string;
  basis: string;
  emergency: boolean;
  reads: number;
  changes: number;
  firstAt: string;
  lastAt: string;
  people?: { name: string }[];
}

const REASON = 'Acute zorgen gemeld door de huisarts; ik moet weten wie er betrokken is.';

describe.each(testDbKinds())('access overview on %s', (kind) => {
  let t: TestApp;
  let coord: ApiClient;
  let householdId: string;
  let jeugdId: string;
  let ggzId: string;
  const today = localDate(new Date());

  beforeAll(async () => {
    t = await createTestApp(kind);
    coord = await as(t.app, 'coord1');
    const h = await coord.post('/api/v1/households', {
      ...aHousehold('Familie Inzage'),
      address: { street: 'Kijkstraat', houseNumber: '7', postcode: '8011 XY', city: 'Zwolle' },
    });
    householdId = h.body.id;
    const pros = (await coord.get('/api/v1/professionals')).body.items;
    jeugdId = pros.find((p: { name: string }) => p.name === 'Lotte Visser').id;
    ggzId = pros.find((p: { name: string }) => p.name === 'Mark Hendriks').id;
    expect(
      (await coord.post(`/api/v1/households/${householdId}/involvements`, { userId: jeugdId })).status,
    ).toBe(201);
    const jeugd = await as(t.app, 'jeugd');
    expect((await jeugd.get(`/api/v1/households/${householdId}`)).status).toBe(200);
    expect((await jeugd.get(`/api/v1/households/${householdId}/members`)).status).toBe(200);
    expect((await jeugd.get(`/api/v1/households/${householdId}/network-contacts`)).status).toBe(200);
    const ggz = await as(t.app, 'ggz');
    expect(
      (
        await ggz.post('/api/v1/emergency-access', {
          postcode: '8011XY',
          houseNumber: '7',
          reason: REASON,
        })
      ).status,
    ).toBe(201);
    expect((await ggz.get(`/api/v1/households/${householdId}`)).status).toBe(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it('groups access per day, organisation, role, category, basis and emergency, without names for the household', async () => {
    const res = await coord.get(`/api/v1/households/${householdId}/access-log`);
    expect(res.status).toBe(200);
    const from = new Date(`${today}T00:00:00Z`);
    from.setUTCDate(from.getUTCDate() - 29);
    expect(res.body).toMatchObject({ from: from.toISOString().slice(0, 10), to: today });
    const items = res.body.items as Group[];
    const jeugd = items.filter((g) => g.organisation?.name === 'Jeugdhulp IJsselland');
    // household header, members and network: one identity group of three reads by a partner on a care relation.
    expect(jeugd).toEqual([
      expect.objectContaining({
        day: today,
        role: 'partner_professional',
        category: 'identity',
        basis: 'care_relation',
        emergency: false,
        reads: 3,
        changes: 0,
      }),
    ]);
    expect(Date.parse(jeugd[0]!.firstAt)).toBeLessThanOrEqual(Date.parse(jeugd[0]!.lastAt));
    const ggz = items.filter((g) => g.organisation?.name === 'GGZ Oost');
    expect(ggz).toEqual([
      expect.objectContaining({
        role: 'partner_professional',
        category: 'identity',
        basis: 'emergency',
        emergency: true,
        // Starting the emergency access changes none of the household's data: it counts as access.
        reads: 2,
        changes: 0,
      }),
    ]);
    const own = items.filter((g) => g.organisation?.name === 'Wijkteam Zwolle-Zuid');
    expect(own.every((g) => g.role === 'coordinator' && g.basis === 'coordinator')).toBe(true);
    expect(own.reduce((n, g) => n + g.changes, 0)).toBeGreaterThanOrEqual(2);
    // The household's view names organisations and roles, never employees.
    expect(items.every((g) => g.people === undefined)).toBe(true);
    expect(JSON.stringify(res.body)).not.toContain('Lotte Visser');
    expect(JSON.stringify(res.body)).not.toContain('Mark Hendriks');

    // Looking at the overview is access too: it shows the next time.
    const reads = (body: { items: Group[] }) =>
      body.items
        .filter((g) => g.organisation?.name === 'Wijkteam Zwolle-Zuid')
        .reduce((n, g) => n + g.reads, 0);
    const next = await coord.get(`/api/v1/households/${householdId}/access-log`);
    expect(reads(next.body)).toBe(reads(res.body) + 1);
  });

  it('the privacy officer sees the same overview with the people behind each line', async () => {
    const po = await as(t.app, 'privacy');
    const res = await po.get(`/api/v1/households/${householdId}/access-log?from=${today}&to=${today}`);
    expect(res.status).toBe(200);
    const items = res.body.items as Group[];
    expect(items.find((g) => g.organisation?.name === 'Jeugdhulp IJsselland')?.people).toEqual([
      { id: jeugdId, name: 'Lotte Visser' },
    ]);
    expect(items.find((g) => g.emergency)?.people).toEqual([{ id: ggzId, name: 'Mark Hendriks' }]);
  });

  it('validates the period: from ≤ to, at most 366 days, real dates; a period without access is empty', async () => {
    const url = `/api/v1/households/${householdId}/access-log`;
    const reversed = await coord.get(`${url}?from=2026-03-02&to=2026-03-01`);
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.fields).toEqual([{ path: 'from', message: expect.any(String) }]);
    const tooLong = await coord.get(`${url}?from=2025-01-01&to=2026-01-02`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.fields[0].path).toBe('to');
    expect((await coord.get(`${url}?from=2025-01-01&to=2026-01-01`)).status).toBe(200);
    expect((await coord.get(`${url}?from=2026-02-30`)).status).toBe(400);
    expect((await coord.get(`${url}?from=yesterday`)).status).toBe(400);
    expect((await coord.get(`${url}?userId=${jeugdId}`)).status).toBe(400);
    const past = await coord.get(`${url}?from=2020-01-01&to=2020-12-31`);
    expect(past.body).toEqual({ from: '2020-01-01', to: '2020-12-31', items: [] });
  });

  it('is 404 for an uninvolved user and 403 for a partner', async () => {
    const url = `/api/v1/households/${householdId}/access-log`;
    expect((await (await as(t.app, 'coord2')).get(url)).status).toBe(404);
    expect((await (await as(t.app, 'schuld')).get(url)).status).toBe(404);
    expect((await (await as(t.app, 'jeugd')).get(url)).status).toBe(403);
    // Emergency access reads, but not the household's access overview.
    expect((await (await as(t.app, 'ggz')).get(url)).status).toBe(403);
    expect((await (await as(t.app, 'policy')).get(url)).status).toBe(404);
  });

  it('the privacy officer sees per employee every household they accessed, with basis, consent and emergency', async () => {
    const po = await as(t.app, 'privacy');
    const employees = await po.get('/api/v1/privacy/employees');
    expect(employees.status).toBe(200);
    expect(employees.body.items.map((e: { name: string }) => e.name)).toEqual(
      expect.arrayContaining(['Lotte Visser', 'Mark Hendriks', 'Sanne de Boer']),
    );

    const jeugd = await po.get(`/api/v1/privacy/access-log?userId=${jeugdId}`);
    expect(jeugd.status).toBe(200);
    expect(jeugd.body.user).toMatchObject({
      name: 'Lotte Visser',
      organisation: { name: 'Jeugdhulp IJsselland' },
    });
    expect(jeugd.body.items).toEqual([
      expect.objectContaining({
        household: { id: householdId, name: 'Familie Inzage' },
        role: 'partner_professional',
        basis: 'care_relation',
        basisRecorded: 'care_relation:partner',
        consent: null,
        emergency: false,
        reads: 3,
        changes: 0,
      }),
    ]);
    const ggz = await po.get(`/api/v1/privacy/access-log?userId=${ggzId}&from=${today}&to=${today}`);
    // Starting the access (a change) and reading the household, both on the emergency access.
    expect(ggz.body.items).toEqual([
      expect.objectContaining({
        household: { id: householdId, name: 'Familie Inzage' },
        basis: 'emergency',
        basisRecorded: expect.stringMatching(/^emergency_access:[0-9a-f-]{36}$/),
        consent: null,
        emergency: true,
        reads: 1,
        changes: 1,
      }),
    ]);

    expect(
      (await po.get(`/api/v1/privacy/access-log?userId=${ggzId}&from=2020-01-01&to=2020-01-31`)).body.items,
    ).toEqual([]);
    expect(
      (await po.get(`/api/v1/privacy/access-log?userId=00000000-0000-4000-8000-000000000000`)).status,
    ).toBe(404);
    expect((await po.get(`/api/v1/privacy/access-log`)).status).toBe(400);
    expect(
      (await po.get(`/api/v1/privacy/access-log?userId=${ggzId}&from=2026-03-02&to=2026-01-01`)).status,
    ).toBe(400);
    for (const key of ['coord1', 'jeugd', 'admin']) {
      const c = await as(t.app, key);
      expect((await c.get(`/api/v1/privacy/access-log?userId=${jeugdId}`)).status, key).toBe(403);
      expect((await c.get('/api/v1/privacy/employees')).status, key).toBe(403);
    }
    // Looking up an employee is audited.
    const audit = await po.get('/api/v1/audit?limit=50');
    expect(
      audit.body.items.filter(
        (e: { objectType: string; objectId: string }) =>
          e.objectType === 'employee_access_log' && e.objectId === jeugdId,
      ),
    ).toHaveLength(1);
  });
});
