import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, aHousehold, as, createTestApp } from '../../testing/api.js';
import { testDbKinds } from '../../testing/databases.js';

const a = (answer: boolean) => ({ answer, note: '' });

describe.each(testDbKinds())('meldcode on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t.close();
  });

  it('the coordinator records the five steps in order; the afwegingskader forces a report with date and basis', async () => {
    const c = await as(t.app, 'coord1');
    const h = (await c.post('/api/v1/households', aHousehold('Familie Meldcode'))).body;
    const base = `/api/v1/households/${h.id}/meldcode`;
    const opened = await c.post(base);
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ status: 'open', nextStep: 1, required: 'pending', steps: [] });
    expect((await c.post(base)).status).toBe(409);
    const id = opened.body.id as string;
    let version = opened.body.version as number;
    const step = async (body: unknown) =>
      c.request('POST', `${base}/${id}/steps`, { body, ifMatch: version });

    const early = await step({ step: 3, skipped: true, skipReason: 'Vader is dreigend' });
    expect(early.status).toBe(400);
    expect(early.body.error.fields[0]).toMatchObject({ path: 'step', message: 'Record step 1 first.' });

    for (const body of [
      { step: 1, signals: 'Kind vertelt over slaan; blauwe plek op arm. <script>x</script>' },
      {
        step: 2,
        colleague: 'Aandachtsfunctionaris',
        veiligThuisConsulted: true,
        veiligThuisAdvice: 'Anoniem advies: gesprek voeren, daarna wegen.',
      },
    ]) {
      const res = await step(body);
      expect(res.status).toBe(201);
      version = res.body.version;
    }
    const noReason = await step({ step: 3, skipped: true, skipReason: '' });
    expect(noReason.body.error.fields[0].path).toBe('skipReason');
    version = (
      await step({ step: 3, skipped: true, skipReason: 'Een gesprek brengt moeder en kind in gevaar.' })
    ).body.version;
    const weighed = await step({
      step: 4,
      suspicion: a(true),
      acuteOrStructural: a(true),
      canHelp: a(true),
      accepted: a(false),
      safeInTime: a(false),
    });
    expect(weighed.body).toMatchObject({ required: 'report', nextStep: 5 });
    version = weighed.body.version;
    const helpOnly = await step({
      step: 5,
      organiseHelp: true,
      report: false,
      explanation: 'Hulp via jeugdhulp',
    });
    expect(helpOnly.status).toBe(400);
    expect(helpOnly.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['report']);
    const stale = await c.request('POST', `${base}/${id}/steps`, {
      body: { step: 1, signals: 'x' },
      ifMatch: version - 1,
    });
    expect(stale.status).toBe(412);
    const decided = await step({
      step: 5,
      organiseHelp: true,
      report: true,
      reportedOn: '2026-01-05',
      explanation: 'Melding gedaan; hulp loopt door.',
    });
    expect(decided.status).toBe(201);
    expect(decided.body).toMatchObject({
      status: 'closed',
      nextStep: null,
      report: { reportedOn: '2026-01-05', basis: 'meldrecht' },
    });
    expect(decided.body.steps[0].data.signals).toContain('<script>x</script>');
    expect(
      (
        await c.request('POST', `${base}/${id}/steps`, {
          body: { step: 1, signals: 'x' },
          ifMatch: decided.body.version,
        })
      ).status,
    ).toBe(409);

    // Partners and others do not see the meldcode path.
    const pros = await c.get('/api/v1/professionals');
    const lotte = pros.body.items.find((p: { name: string }) => p.name === 'Lotte Visser');
    await c.post(`/api/v1/households/${h.id}/involvements`, { userId: lotte.id });
    const partner = await as(t.app, 'jeugd');
    expect((await partner.get(base)).status).toBe(403);
    expect((await (await as(t.app, 'coord2')).get(base)).status).toBe(404);
  });

  it('a safety concern in triage opens the meldcode path for the coordinator assigned later', async () => {
    const pm = await as(t.app, 'process');
    const coord = await as(t.app, 'coord1');
    const sent = await coord.post('/api/v1/signals', {
      subject: { name: 'Familie Veilig', dateOfBirth: '2018-04-04' },
      concern: 'Kind vertelt dat vader slaat.',
      urgency: 'urgent',
    });
    const d = await pm.get(`/api/v1/triage/signals/${sent.body.id}`);
    const decided = await pm.request('POST', `/api/v1/triage/signals/${sent.body.id}/decision`, {
      body: { outcome: 'safety', reasons: 'Signalen van kindermishandeling', pyramidCategory: 3 },
      ifMatch: d.body.version,
    });
    expect(decided.status).toBe(200);
    const hid = decided.body.householdId;
    const view = (await pm.get(`/api/v1/assignment/households/${hid}`)).body;
    const sanne = view.candidates.find((c: { user: { name: string } }) => c.user.name === 'Sanne de Boer');
    const reason = sanne.overNorm ? { overNormReason: 'Crisis, zij kent de school.' } : {};
    expect(
      (
        await pm.request('POST', `/api/v1/assignment/households/${hid}`, {
          body: { coordinatorId: sanne.user.id, ...reason },
          ifMatch: view.household.version,
        })
      ).status,
    ).toBe(200);
    const inbox = (await coord.get('/api/v1/notifications')).body.items;
    expect(inbox).toContainEqual(
      expect.objectContaining({ kind: 'meldcode.opened', link: `/households/${hid}/meldcode` }),
    );
    const list = await coord.get(`/api/v1/households/${hid}/meldcode`);
    expect(list.body.items).toEqual([expect.objectContaining({ status: 'open', nextStep: 1 })]);
    const members = await coord.get(`/api/v1/households/${hid}/members`);
    expect(members.body.items).toEqual([
      expect.objectContaining({ name: 'Familie Veilig', role: 'child', dateOfBirth: '2018-04-04' }),
    ]);
    const timeline = await coord.get(`/api/v1/households/${hid}/timeline?kinds=signal`);
    expect(timeline.body.items.map((e: { type: string }) => e.type).sort()).toEqual([
      'signal.decided',
      'signal.received',
    ]);
    expect(
      (await coord.get('/api/v1/signals/mine')).body.items.find((s: { id: string }) => s.id === sent.body.id),
    ).toMatchObject({ status: 'picked_up', outcome: null });
  });
});
