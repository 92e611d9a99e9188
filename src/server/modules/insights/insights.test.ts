import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, aHousehold, as, createTestApp } from '../../testing/api.js';
import { testDbKinds } from '../../testing/databases.js';

describe.each(testDbKinds())('insights for policy viewers on %s', (kind) => {
  let t: TestApp;
  const ids: string[] = [];
  beforeAll(async () => {
    t = await createTestApp(kind);
    const c = await as(t.app, 'coord1');
    // Six households in pyramid category 1, two in category 3.
    for (const [i, category] of [1, 1, 1, 1, 1, 1, 3, 3].entries()) {
      const res = await c.post('/api/v1/households', {
        ...aHousehold(`Familie Cijfers ${i}`),
        pyramidCategory: category,
      });
      expect(res.status).toBe(201);
      ids.push(res.body.id as string);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows a policy viewer counts of the region, with counts under five suppressed', async () => {
    const policy = await as(t.app, 'policy');
    const res = await policy.get('/api/v1/insights');
    expect(res.status).toBe(200);
    expect(res.body.smallCell).toBe(5);
    expect(res.body.households.total).toEqual({ value: 8, suppressed: false });
    expect(res.body.households.registered).toEqual({ value: 8, suppressed: false });
    expect(res.body.households.byPyramid).toEqual([
      // 6 is shown on its own, but with 2 suppressed it would give the 2 away (8 − 6): it is suppressed too.
      { category: 1, count: { value: null, suppressed: true } },
      { category: 3, count: { value: null, suppressed: true } },
    ]);
    expect(res.body.referrals).toEqual({
      sent: { value: 0, suppressed: false },
      byStatus: [],
      medianDaysToStart: null,
    });
    expect(res.body.stagnations.openNow).toEqual({ value: 0, suppressed: false });
    // Nothing in the answer names a household.
    expect(JSON.stringify(res.body)).not.toContain('Familie Cijfers');
  });

  it('gives a policy viewer no household at all, not even in a list', async () => {
    const policy = await as(t.app, 'policy');
    expect((await policy.get('/api/v1/households')).body.items).toEqual([]);
    for (const id of ids.slice(0, 2)) {
      expect((await policy.get(`/api/v1/households/${id}`)).status).toBe(404);
      expect((await policy.get(`/api/v1/households/${id}/plan`)).status).toBe(404);
    }
  });

  it('is for policy viewers and process managers only', async () => {
    expect((await (await as(t.app, 'process')).get('/api/v1/insights')).status).toBe(200);
    for (const key of ['coord1', 'jeugd', 'admin']) {
      const res = await (await as(t.app, key)).get('/api/v1/insights');
      expect(res.status, key).toBe(403);
    }
  });

  it('checks the period', async () => {
    const policy = await as(t.app, 'policy');
    const backwards = await policy.get('/api/v1/insights?from=2026-05-01&to=2026-04-01');
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields[0].path).toBe('from');
    const tooLong = await policy.get('/api/v1/insights?from=2020-01-01&to=2026-04-01');
    expect(tooLong.status).toBe(400);
    expect((await policy.get('/api/v1/insights?from=not-a-date')).status).toBe(400);
    const past = await policy.get('/api/v1/insights?from=2020-01-01&to=2020-12-31');
    expect(past.body.households.registered).toEqual({ value: 0, suppressed: false });
  });
});
