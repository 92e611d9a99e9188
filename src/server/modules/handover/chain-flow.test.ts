import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, type TestApp, aHousehold, as, createTestApp } from '../../testing/api.js';
import { testDbKinds } from '../../testing/databases.js';

async function step(c: ApiClient, id: string, version: number, body: object) {
  return c.request('POST', `/api/v1/referrals/${id}/steps`, { body, ifMatch: version });
}

describe.each(testDbKinds())('contacts, warm handover and the timeline on %s', (kind) => {
  let t: TestApp;
  let coord: ApiClient;
  let householdId: string;
  let parent: { id: string };
  let lotteInvolvement: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    coord = await as(t.app, 'coord1');
    householdId = (await coord.post('/api/v1/households', aHousehold('Familie Overdracht'))).body.id;
    parent = (await coord.get(`/api/v1/households/${householdId}/members`)).body.items[0];
    const lotte = (await coord.get('/api/v1/professionals')).body.items.find(
      (p: { name: string }) => p.name === 'Lotte Visser',
    );
    lotteInvolvement = (
      await coord.post(`/api/v1/households/${householdId}/involvements`, {
        userId: lotte.id,
        description: 'Gezinsbegeleiding',
      })
    ).body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('a partner logs appointments and their outcome; the organisation that had it records the outcome', async () => {
    const lotte = await as(t.app, 'jeugd');
    const past = new Date(Date.now() - 86_400_000).toISOString();
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const planned = await lotte.post(`/api/v1/households/${householdId}/contacts`, {
      memberId: parent.id,
      plannedAt: future,
      note: 'Huisbezoek',
    });
    expect(planned.status).toBe(201);
    expect(planned.body).toMatchObject({
      status: 'planned',
      canEdit: true,
      organisation: { name: 'Jeugdhulp IJsselland' },
    });
    const tooEarly = await lotte.patch(
      `/api/v1/households/${householdId}/contacts/${planned.body.id}`,
      { status: 'no_show' },
      1,
    );
    expect(tooEarly.status).toBe(400);
    expect(tooEarly.body.error.fields[0].path).toBe('status');
    const cancelled = await lotte.patch(
      `/api/v1/households/${householdId}/contacts/${planned.body.id}`,
      { status: 'cancelled_by_client', note: 'Ziek' },
      1,
    );
    expect(cancelled.body).toMatchObject({ status: 'cancelled_by_client', note: 'Ziek', version: 2 });
    expect(
      (
        await lotte.patch(
          `/api/v1/households/${householdId}/contacts/${planned.body.id}`,
          { status: 'attended' },
          2,
        )
      ).status,
    ).toBe(422);

    const missed = await lotte.post(`/api/v1/households/${householdId}/contacts`, {
      memberId: parent.id,
      plannedAt: past,
      status: 'no_show',
    });
    expect(missed.body.status).toBe('no_show');
    // The coordinator sees it but does not record another organisation's outcome.
    const seen = await coord.get(`/api/v1/households/${householdId}/contacts`);
    expect(seen.body.items.find((c: { id: string }) => c.id === missed.body.id)).toMatchObject({
      canEdit: false,
    });
    expect(
      (await coord.patch(`/api/v1/households/${householdId}/contacts/${missed.body.id}`, { note: 'x' }, 1))
        .status,
    ).toBe(403);
  });

  it('refuses a contact for a member of another household, and nonsense, changing nothing', async () => {
    const other = (await coord.post('/api/v1/households', aHousehold('Familie Elders'))).body.id;
    const stranger = (await coord.get(`/api/v1/households/${other}/members`)).body.items[0];
    const before = (await coord.get(`/api/v1/households/${householdId}/contacts`)).body.items.length;
    const res = await coord.post(`/api/v1/households/${householdId}/contacts`, {
      memberId: stranger.id,
      plannedAt: new Date().toISOString(),
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'memberId' }] });
    const bad = await coord.post(`/api/v1/households/${householdId}/contacts`, {
      plannedAt: 'morgen',
      status: 'maybe',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['plannedAt', 'status']),
    );
    const outsider = await as(t.app, 'ggz');
    expect(
      (
        await outsider.post(`/api/v1/households/${householdId}/contacts`, {
          plannedAt: new Date().toISOString(),
        })
      ).status,
    ).toBe(404);
    expect((await coord.get(`/api/v1/households/${householdId}/contacts`)).body.items.length).toBe(before);
  });

  it('warm handover: the sending involvement ends only when the new care started, or with a reason', async () => {
    const lotte = await as(t.app, 'jeugd');
    const svc = (await coord.get('/api/v1/services')).body.items.find(
      (s: { name: string }) => s.name === 'Basis-GGZ volwassenen',
    ).id;
    const ref = (
      await lotte.post(`/api/v1/households/${householdId}/referrals`, {
        serviceId: svc,
        memberId: parent.id,
        question: 'Behandeling angstklachten',
      })
    ).body;
    expect(ref.sender).toMatchObject({ name: 'Lotte Visser' });
    const plan = await lotte.post(`/api/v1/households/${householdId}/handovers`, {
      fromInvolvementId: lotteInvolvement,
      referralId: ref.id,
      meetingAt: new Date(Date.now() + 86_400_000).toISOString(),
      meetingPlace: 'Bij de familie thuis',
      summary: 'Moeder heeft baat bij vaste afspraken.',
    });
    expect(plan.status).toBe(201);
    expect(plan.body).toMatchObject({
      status: 'open',
      canEdit: true,
      referral: { status: 'sent', organisation: { name: 'GGZ Oost' } },
    });
    expect(
      (
        await lotte.post(`/api/v1/households/${householdId}/handovers`, {
          fromInvolvementId: lotteInvolvement,
          referralId: ref.id,
        })
      ).status,
    ).toBe(409);
    const overview = await coord.get(`/api/v1/households/${householdId}/involved`);
    expect(overview.body.items.find((i: { id: string }) => i.id === lotteInvolvement).status).toBe(
      'handing_over',
    );

    // Not started yet and no reason: refused, nothing changes.
    const early = await lotte.request(
      'POST',
      `/api/v1/households/${householdId}/handovers/${plan.body.id}/complete`,
      { body: {}, ifMatch: 1 },
    );
    expect(early.status).toBe(422);
    expect(early.body.error.fields[0].path).toBe('reason');
    expect((await lotte.get(`/api/v1/households/${householdId}`)).status).toBe(200);

    const letter = await lotte.patch(
      `/api/v1/households/${householdId}/handovers/${plan.body.id}`,
      {
        warningSigns: 'Blijft in bed, neemt telefoon niet op.',
        whatToDo: 'Dezelfde dag langsgaan.',
        whomToCall: 'Sanne de Boer, 06 1000 0001',
        crisisAgreements: 'Bij crisis direct terug bij Jeugdhulp, zonder wachtlijst.',
        meetingHeld: true,
      },
      1,
    );
    expect(letter.status).toBe(200);
    const mark = await as(t.app, 'ggz');
    await step(mark, ref.id, 1, { action: 'receive' });
    await step(mark, ref.id, 2, { action: 'accept' });
    await step(mark, ref.id, 3, { action: 'start' });
    // The new professional now reads the handover letter.
    const forMark = await mark.get(`/api/v1/households/${householdId}/handovers`);
    expect(forMark.body.items[0]).toMatchObject({
      warningSigns: 'Blijft in bed, neemt telefoon niet op.',
      canEdit: false,
      referral: { status: 'started', receiver: { name: 'Mark Hendriks' } },
    });

    const done = await lotte.request(
      'POST',
      `/api/v1/households/${householdId}/handovers/${plan.body.id}/complete`,
      { body: {}, ifMatch: 2 },
    );
    expect(done.body.error ?? null).toBeNull();
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', from: { ended: true }, endReason: '' });
    // Lotte's last involvement ended, so did her access.
    expect((await lotte.get(`/api/v1/households/${householdId}`)).status).toBe(404);
  });

  it('the timeline merges history, involvements, referrals, contacts and handovers; filters by kind and member', async () => {
    const all = await coord.get(`/api/v1/households/${householdId}/timeline`);
    expect(all.status).toBe(200);
    const kinds = new Set(all.body.items.map((e: { kind: string }) => e.kind));
    for (const k of ['record', 'involvement', 'referral', 'contact', 'handover']) expect(kinds).toContain(k);
    const ats = all.body.items.map((e: { at: string }) => e.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    expect(all.body.items).toContainEqual(
      expect.objectContaining({
        type: 'referral.start',
        details: expect.objectContaining({ service: 'Basis-GGZ volwassenen' }),
      }),
    );
    expect(all.body.items).toContainEqual(
      expect.objectContaining({ type: 'contact.cancelled_by_client', summary: 'Ziek' }),
    );

    const onlyContacts = await coord.get(`/api/v1/households/${householdId}/timeline?kinds=contact`);
    expect(new Set(onlyContacts.body.items.map((e: { kind: string }) => e.kind))).toEqual(
      new Set(['contact']),
    );
    const forParent = await coord.get(`/api/v1/households/${householdId}/timeline?memberId=${parent.id}`);
    expect(forParent.body.items.length).toBeGreaterThan(0);
    expect(forParent.body.items.every((e: { memberIds: string[] }) => e.memberIds.includes(parent.id))).toBe(
      true,
    );
    const period = await coord.get(
      `/api/v1/households/${householdId}/timeline?from=2020-01-01&to=2020-12-31`,
    );
    expect(period.body).toMatchObject({ items: [], from: '2020-01-01', to: '2020-12-31' });

    const bad = await coord.get(`/api/v1/households/${householdId}/timeline?kinds=gossip`);
    expect(bad.status).toBe(400);
    const backwards = await coord.get(
      `/api/v1/households/${householdId}/timeline?from=2026-02-01&to=2026-01-01`,
    );
    expect(backwards.status).toBe(422);
    expect(backwards.body.error.fields[0].path).toBe('to');
    expect((await (await as(t.app, 'coord2')).get(`/api/v1/households/${householdId}/timeline`)).status).toBe(
      404,
    );
  });
});
