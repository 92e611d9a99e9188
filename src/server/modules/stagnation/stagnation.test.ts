import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, type TestApp, aHousehold, as, createTestApp } from '../../testing/api.js';
import { testDbKinds } from '../../testing/databases.js';
import { mailOutbox } from '../../db/schema/notifications.js';
import { regionIds, sweepChanged, sweepRegion } from './sweep.js';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

describe.each(testDbKinds())('stagnation on %s', (kind) => {
  let t: TestApp;
  let region: string;
  let coord: ApiClient;
  let partner: ApiClient;
  beforeAll(async () => {
    t = await createTestApp(kind);
    region = (await regionIds(t.database.app))[0]!;
    coord = await as(t.app, 'coord1');
    partner = await as(t.app, 'jeugd');
  });
  afterAll(async () => {
    await t.close();
  });

  /** A household of coord1 with Lotte Visser (jeugdhulp) attached as partner. */
  async function household(name: string) {
    const h = (await coord.post('/api/v1/households', aHousehold(name))).body;
    const pros = await coord.get('/api/v1/professionals');
    const lotte = pros.body.items.find((p: { name: string }) => p.name === 'Lotte Visser');
    expect((await coord.post(`/api/v1/households/${h.id}/involvements`, { userId: lotte.id })).status).toBe(
      201,
    );
    const members = (await coord.get(`/api/v1/households/${h.id}/members`)).body.items;
    return { id: h.id as string, memberId: members[0].id as string };
  }
  const contact = (hid: string, memberId: string, status: string, daysAgo: number) =>
    partner.post(`/api/v1/households/${hid}/contacts`, { memberId, plannedAt: ago(daysAgo), status });
  const mine = async (hid: string) =>
    (await coord.get('/api/v1/stagnations')).body.items.filter(
      (s: { household: { id: string } }) => s.household.id === hid,
    );

  it('a second no-show opens a stagnation on the fast path; attending again closes it by itself', async () => {
    const h = await household('Familie Wegblijver');
    expect((await contact(h.id, h.memberId, 'no_show', 3)).status).toBe(201);
    await sweepChanged(t.database.app, region);
    expect(await mine(h.id)).toEqual([]);

    expect((await contact(h.id, h.memberId, 'no_show', 1)).status).toBe(201);
    await sweepChanged(t.database.app, region);
    const [s] = await mine(h.id);
    expect(s).toMatchObject({
      kind: 'no_shows',
      status: 'open',
      member: { name: 'Ouder Test' },
      organisation: { name: 'Jeugdhulp IJsselland' },
      level: 0,
      levelKey: 'partner_professional',
      can: ['acknowledge', 'outreach', 'resolve', 'escalate'],
    });
    expect(s.nextDeadline).not.toBeNull();
    // The partner professional is addressed (level 1) and the coordinator is told.
    const inbox = (await partner.get('/api/v1/notifications')).body.items;
    expect(inbox).toContainEqual(
      expect.objectContaining({ kind: 'stagnation.alert', link: expect.stringMatching(/^\/escalations\//) }),
    );
    expect((await coord.get('/api/v1/notifications')).body.items).toContainEqual(
      expect.objectContaining({ kind: 'stagnation.alert', link: `/stagnations/${s.id}` }),
    );

    // Running again, or the full sweep, creates nothing new.
    await sweepChanged(t.database.app, region);
    await sweepRegion(t.database.app, region);
    expect(await mine(h.id)).toHaveLength(1);

    expect((await contact(h.id, h.memberId, 'attended', 0.01)).status).toBe(201);
    await sweepChanged(t.database.app, region);
    expect(await mine(h.id)).toEqual([]);
    const all = (await coord.get(`/api/v1/households/${h.id}/stagnations?status=all`)).body.items;
    expect(all).toEqual([
      expect.objectContaining({ id: s.id, status: 'resolved', autoResolvedReason: 'attended_again' }),
    ]);
    const detail = (await coord.get(`/api/v1/stagnations/${s.id}`)).body;
    expect(detail.steps).toEqual([expect.objectContaining({ level: 0, endedAt: expect.any(String) })]);
  });

  it('the coordinator acknowledges, records outreach and resolves; a resolved cause only reopens on a new event', async () => {
    const h = await household('Familie Uitreiking');
    await contact(h.id, h.memberId, 'no_show', 4);
    await contact(h.id, h.memberId, 'no_show', 2);
    await sweepChanged(t.database.app, region);
    const [s] = await mine(h.id);
    const ack = await coord.post(`/api/v1/stagnations/${s.id}/acknowledge`);
    expect(ack.status).toBe(200);
    expect(ack.body.status).toBe('acknowledged');
    const out = await coord.post(`/api/v1/stagnations/${s.id}/outreach`, {
      type: 'home_visit',
      clientReasons: 'Geen vervoer naar de afspraken',
      partnerReasons: 'Afspraken alleen overdag',
    });
    expect(out.status).toBe(200);
    expect(out.body.outreach).toEqual([
      expect.objectContaining({ type: 'home_visit', clientReasons: 'Geen vervoer naar de afspraken' }),
    ]);
    expect(
      (await partner.post(`/api/v1/stagnations/${s.id}/resolve`, { resolutionType: 'other', note: 'x' }))
        .status,
    ).toBe(403);
    const other = await as(t.app, 'coord2');
    expect((await other.get(`/api/v1/stagnations/${s.id}`)).status).toBe(404);
    expect(
      (await other.post(`/api/v1/stagnations/${s.id}/resolve`, { resolutionType: 'other', note: 'x' }))
        .status,
    ).toBe(404);
    const bad = await coord.post(`/api/v1/stagnations/${s.id}/resolve`, {
      resolutionType: 'magic',
      note: '',
    });
    expect(bad.status).toBe(400);

    const done = await coord.post(`/api/v1/stagnations/${s.id}/resolve`, {
      resolutionType: 'client_reasons_addressed',
      note: 'Afspraken verplaatst naar de avond, vervoer geregeld.',
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      status: 'resolved',
      resolutionType: 'client_reasons_addressed',
      can: [],
    });
    expect(
      (await coord.post(`/api/v1/stagnations/${s.id}/resolve`, { resolutionType: 'other', note: 'nog eens' }))
        .status,
    ).toBe(409);

    // The same facts seen again do not reopen it …
    await sweepChanged(t.database.app, region);
    await sweepRegion(t.database.app, region);
    expect(await mine(h.id)).toEqual([]);
    // … a new no-show (a new event) does.
    await contact(h.id, h.memberId, 'no_show', 0.5);
    await sweepChanged(t.database.app, region);
    const reopened = await mine(h.id);
    expect(reopened).toHaveLength(1);
    expect(reopened[0].id).not.toBe(s.id);
  });

  it('escalates by itself along the ladder when deadlines pass; each level is notified and can acknowledge', async () => {
    const h = await household('Familie Ladder');
    await contact(h.id, h.memberId, 'no_show', 5);
    await contact(h.id, h.memberId, 'no_show', 4);
    await sweepChanged(t.database.app, region);
    const [s] = await mine(h.id);
    // Eight calendar days later the five working days of step 1 have passed: the partner's manager is addressed.
    await sweepRegion(t.database.app, region, new Date(Date.now() + 8 * DAY));
    const manager = await as(t.app, 'jeugdmgr');
    const briefings = (await manager.get('/api/v1/escalations')).body.items;
    const step2 = (await coord.get(`/api/v1/stagnations/${s.id}`)).body.steps[1];
    const mineB = briefings.find((b: { id: string }) => b.id === step2.id);
    expect(mineB).toMatchObject({
      levelKey: 'partner_manager',
      organisation: 'Jeugdhulp IJsselland',
      acknowledgedAt: null,
    });
    expect(mineB.tried.length).toBeGreaterThan(0);
    expect(JSON.stringify(briefings)).not.toContain('Familie Ladder');
    expect(JSON.stringify(briefings)).not.toContain('Ouder Test');
    expect((await manager.get(`/api/v1/stagnations/${s.id}`)).status).toBe(404);
    expect((await manager.post(`/api/v1/escalations/${mineB.id}/acknowledge`)).status).toBe(204);
    expect((await partner.post(`/api/v1/escalations/${mineB.id}/acknowledge`)).status).toBe(404);

    // Much later, and with the sweep having been down meanwhile: every level passed is recorded and notified.
    await sweepRegion(t.database.app, region, new Date(Date.now() + 60 * DAY));
    const detail = (await coord.get(`/api/v1/stagnations/${s.id}`)).body;
    expect(
      detail.steps.map((st: { levelKey: string; trigger: string }) => `${st.levelKey}:${st.trigger}`),
    ).toEqual([
      'partner_professional:opened',
      'partner_manager:auto',
      'process_manager:auto',
      'partner_director:auto',
      'alderman:auto',
    ]);
    expect(detail.steps[1].acknowledgedAt).not.toBeNull();
    expect(detail).toMatchObject({ level: 4, levelKey: 'alderman', nextDeadline: null });
    expect(detail.can).not.toContain('escalate');
    // The director and the alderman's office have no account: they get an e-mail with a link only, no case content.
    const mails = await t.database.app.select().from(mailOutbox);
    const toDirector = mails.filter((m) => m.toAddress === 'e.bos@jeugdhulp.demo');
    expect(toDirector.length).toBeGreaterThanOrEqual(1);
    for (const m of toDirector) {
      expect(m.body).toMatch(/\/escalations\//);
      expect(m.body).not.toMatch(/Familie|Ouder Test|Jeugdhulp/);
    }
    const pm = await as(t.app, 'process');
    expect((await pm.get('/api/v1/escalations')).body.items).toContainEqual(
      expect.objectContaining({ levelKey: 'process_manager' }),
    );

    const board = await pm.get('/api/v1/stagnation/board');
    expect(board.status).toBe(200);
    expect(
      board.body.openByLevel.find((l: { levelKey: string }) => l.levelKey === 'alderman').count,
    ).toBeGreaterThanOrEqual(1);
    const jeugd = board.body.organisations.find(
      (o: { organisation: { name: string } }) => o.organisation.name === 'Jeugdhulp IJsselland',
    );
    expect(jeugd.caused).toBeGreaterThanOrEqual(3);
    expect(jeugd.reachedLevel[4]).toBeGreaterThanOrEqual(1);
    expect(jeugd.medianDaysToResolve).not.toBeNull();
    expect(JSON.stringify(board.body)).not.toMatch(/Familie|Ouder Test/);
    expect((await coord.get('/api/v1/stagnation/board')).status).toBe(403);

    // Resolving closes the whole escalation; every step stays on record.
    const done = await coord.post(`/api/v1/stagnations/${s.id}/resolve`, {
      resolutionType: 'partner_delivered',
      note: 'Hulp gestart.',
    });
    expect(done.body.steps).toHaveLength(5);
    expect(done.body.steps.every((st: { endedAt: string | null }) => st.endedAt !== null)).toBe(true);
  });

  it('a partner reports stagnation by hand; the coordinator sees it at once and may escalate by hand', async () => {
    const h = await household('Familie Melding');
    const res = await partner.post(`/api/v1/households/${h.id}/stagnations`, {
      reason: 'cannot_deliver',
      description: 'Wij hebben geen plek voor gezinsbegeleiding tot na de zomer.',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'reported',
      report: { reason: 'cannot_deliver', reportedBy: 'Lotte Visser' },
      organisation: { name: 'Jeugdhulp IJsselland' },
      can: [],
    });
    const [s] = await mine(h.id);
    expect(s.id).toBe(res.body.id);
    const up = await coord.post(`/api/v1/stagnations/${s.id}/escalate`, {});
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ level: 1, levelKey: 'partner_manager' });
    expect(up.body.steps[1]).toMatchObject({ trigger: 'manual' });
    // A reported stagnation is never closed by a sweep.
    await sweepRegion(t.database.app, region);
    expect(await mine(h.id)).toHaveLength(1);
    const stranger = await as(t.app, 'ggz');
    expect(
      (
        await stranger.post(`/api/v1/households/${h.id}/stagnations`, {
          reason: 'unreachable',
          description: 'x',
        })
      ).status,
    ).toBe(404);
    const invalid = await partner.post(`/api/v1/households/${h.id}/stagnations`, {
      reason: 'household_says_stuck',
      description: 'x',
    });
    expect(invalid.status).toBe(400);
  });

  it('time-based rules run in the periodic sweep: no agreed plan 28 days after assignment, without duplicates', async () => {
    const h = await household('Familie Zonder Plan');
    const later = new Date(Date.now() + 29 * DAY);
    await Promise.all([
      sweepRegion(t.database.app, region, later),
      sweepRegion(t.database.app, region, later),
    ]);
    await sweepRegion(t.database.app, region, later);
    const items = (await coord.get(`/api/v1/households/${h.id}/stagnations`)).body.items;
    expect(items.filter((s: { kind: string }) => s.kind === 'no_agreed_plan')).toHaveLength(1);
  });

  it('settings per region: defaults, audited change with If-Match, only process managers and administrators', async () => {
    const pm = await as(t.app, 'process');
    const got = await pm.get('/api/v1/stagnation/settings');
    expect(got.body).toMatchObject({
      consecutiveNoShows: 2,
      noContactDays: 21,
      actionOverdueDays: 7,
      referralAnswerWorkingDays: 5,
      version: 0,
    });
    expect(got.body.ladder.map((l: { workingDays: number | null }) => l.workingDays)).toEqual([
      5,
      5,
      10,
      10,
      null,
    ]);
    expect((await coord.get('/api/v1/stagnation/settings')).status).toBe(403);
    const body = { ...got.body, noContactDays: 14 };
    delete body.version;
    const put = (b: unknown, v: number) => pm.patch('/api/v1/stagnation/settings', b, v);
    const ok = await put(body, 0);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ noContactDays: 14, version: 1 });
    expect((await put(body, 0)).status).toBe(412);
    const bad = await put({ ...body, consecutiveNoShows: 0 }, 1);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toContain('consecutiveNoShows');
    const privacy = await as(t.app, 'privacy');
    const audit = await privacy.get('/api/v1/audit?objectType=stagnation_settings');
    if (audit.status === 200) expect(JSON.stringify(audit.body)).toContain('stagnation_settings');
  });
});
