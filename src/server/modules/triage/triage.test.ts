import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Mailer } from '../../mail/outbox.js';
import {
  ApiClient,
  type ApiResponse,
  type TestApp,
  aHousehold,
  as,
  createTestApp,
} from '../../testing/api.js';
import { testDbKinds } from '../../testing/databases.js';
import { sweepOverdueSignals } from './overdue-sweep.js';

interface Received {
  to: string[];
  raw: string;
}

async function startSmtp(): Promise<{ server: SMTPServer; port: number; inbox: Received[] }> {
  const inbox: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  return { server, port: typeof address === 'object' && address ? address.port : 0, inbox };
}

const subject = (name: string, dateOfBirth: string | null = null) => ({
  name,
  dateOfBirth,
  address: { street: 'Kerkstraat', houseNumber: '12', postcode: '8011 AB', city: 'Zwolle' },
});
const decode = (raw: string) =>
  raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

describe.each(testDbKinds())('triage and assignment on %s', (kind) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let mailer: Mailer;
  beforeAll(async () => {
    t = await createTestApp(kind);
    smtp = await startSmtp();
    mailer = new Mailer(
      t.database.app,
      {
        smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
        from: 'Schakel <no-reply@schakel.test>',
        publicUrl: 'https://schakel.test',
      },
      { info: () => {}, warn: () => {} },
    );
  });
  afterAll(async () => {
    mailer.close();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
    await t.close();
  });

  async function publicSignal(
    ip: string,
    name: string,
    extra: Record<string, unknown> = {},
  ): Promise<ApiResponse> {
    return new ApiClient(t.app, ip).post('/api/v1/public/signals', {
      signallerName: 'Meester Jan',
      signallerEmail: 'meester.jan@school.test',
      subject: subject(name),
      concern: 'Lisa komt vaak te laat en zonder eten naar school.',
      urgency: 'urgent',
      ...extra,
    });
  }

  it('public signal → triage with a confirmed match → household opened → coordinator assigned → signaller sees "picked up", by e-mail too', async () => {
    const sent = await publicSignal('10.2.0.1', 'Lisa Janssen');
    const code = sent.body.referenceCode as string;
    await mailer.deliverPending();
    const confirmation = smtp.inbox.find((m) => m.to.includes('meester.jan@school.test'));
    expect(confirmation).toBeDefined();
    expect(decode(confirmation!.raw)).toContain(code);
    expect(decode(confirmation!.raw)).not.toContain('Lisa');

    const pm = await as(t.app, 'process');
    const queue = await pm.get('/api/v1/triage/signals');
    expect(queue.status).toBe(200);
    const item = queue.body.items.find((s: { referenceCode: string }) => s.referenceCode === code);
    expect(item).toMatchObject({ urgency: 'urgent', status: 'received', overdue: false });
    const bell = await pm.get('/api/v1/notifications');
    expect(bell.body.items).toContainEqual(
      expect.objectContaining({ kind: 'signal.received', link: `/triage/${item.id}`, read: false }),
    );

    // An existing household with a near-duplicate name and the same address is offered as a candidate.
    const coord1 = await as(t.app, 'coord1');
    const existing = (
      await coord1.post('/api/v1/households', {
        ...aHousehold('Familie Jansen'),
        address: { street: 'Kerkstraat', houseNumber: '12', postcode: '8011 AB', city: 'Zwolle' },
        members: [{ name: 'Lisa Jansen', dateOfBirth: '2014-02-02', role: 'child' }],
      })
    ).body;
    const detail = await pm.get(`/api/v1/triage/signals/${item.id}`);
    expect(detail.body.candidates[0]).toMatchObject({
      householdId: existing.id,
      reasons: expect.arrayContaining(['name', 'address']),
      matchedMember: 'Lisa Jansen',
    });

    // A decision without a reason changes nothing.
    const version = Number(String(detail.headers.etag).replace(/"/g, ''));
    const noReason = await pm.request('POST', `/api/v1/triage/signals/${item.id}/decision`, {
      body: { outcome: 'intensive', reasons: '', pyramidCategory: 2 },
      ifMatch: version,
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0].path).toBe('reasons');
    const noCategory = await pm.request('POST', `/api/v1/triage/signals/${item.id}/decision`, {
      body: { outcome: 'intensive', reasons: 'Meerdere problemen' },
      ifMatch: version,
    });
    expect(noCategory.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['pyramidCategory']);
    const stale = await pm.request('POST', `/api/v1/triage/signals/${item.id}/decision`, {
      body: { outcome: 'no_action', reasons: 'Geen zorgen' },
      ifMatch: version + 5,
    });
    expect(stale.status).toBe(412);
    expect((await new ApiClient(t.app).get(`/api/v1/public/signals/status?code=${code}`)).body.status).toBe(
      'received',
    );

    // Open a new household's case (no match confirmed).
    const decided = await pm.request('POST', `/api/v1/triage/signals/${item.id}/decision`, {
      body: {
        outcome: 'intensive',
        reasons: 'School, schulden en huisvesting: meer dan één organisatie nodig.',
        pyramidCategory: 2,
        dominantProblem: 'jeugdhulp',
      },
      ifMatch: version,
    });
    expect(decided.status).toBe(200);
    const householdId = decided.body.householdId as string;
    expect(householdId).not.toBe(existing.id);
    expect(decided.body.signal).toMatchObject({
      status: 'picked_up',
      outcome: 'intensive',
      decision: { pyramidCategory: 2, decidedBy: { name: 'Jolanda Procesmanager' } },
    });
    const again = await pm.request('POST', `/api/v1/triage/signals/${item.id}/decision`, {
      body: { outcome: 'no_action', reasons: 'Nog eens' },
      ifMatch: decided.body.signal.version,
    });
    expect(again.status).toBe(409);

    // Assignment: candidates ranked; someone who is not a coordinator is refused.
    const view = await pm.get(`/api/v1/assignment/households/${householdId}`);
    expect(view.status).toBe(200);
    expect(view.body.current).toBeNull();
    expect(view.body.candidates.map((c: { user: { name: string } }) => c.user.name).sort()).toEqual([
      'Ahmed El Amrani',
      'Sanne de Boer',
    ]);
    const hv = view.body.household.version as number;
    const pros = await coord1.get('/api/v1/professionals');
    const lotte = pros.body.items.find((p: { name: string }) => p.name === 'Lotte Visser');
    const wrong = await pm.request('POST', `/api/v1/assignment/households/${householdId}`, {
      body: { coordinatorId: lotte.id },
      ifMatch: hv,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0].path).toBe('coordinatorId');

    const sanne = view.body.candidates.find(
      (c: { user: { name: string } }) => c.user.name === 'Sanne de Boer',
    ).user.id;
    const ahmed = view.body.candidates.find(
      (c: { user: { name: string } }) => c.user.name === 'Ahmed El Amrani',
    ).user.id;
    const assigned = await pm.request('POST', `/api/v1/assignment/households/${householdId}`, {
      body: {
        coordinatorId: sanne,
        preference: {
          preferredUserId: null,
          notWantedUserIds: [],
          note: 'Moeder wil liefst een vrouw als regisseur.',
        },
      },
      ifMatch: hv,
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body.current).toEqual({ id: sanne, name: 'Sanne de Boer' });
    expect(assigned.body.preference.note).toBe('Moeder wil liefst een vrouw als regisseur.');
    expect((await coord1.get(`/api/v1/households/${householdId}`)).body).toMatchObject({
      relation: 'coordinator',
      pyramidCategory: 2,
    });
    const status = await new ApiClient(t.app).get(`/api/v1/public/signals/status?code=${code}`);
    expect(status.body.status).toBe('picked_up');
    // The coordinator now sees the signal that opened the case (and is told by the bell).
    expect((await coord1.get('/api/v1/notifications')).body.items).toContainEqual(
      expect.objectContaining({ kind: 'household.assigned', link: `/households/${householdId}` }),
    );

    // Open work of the coordinator: an action in the plan, assigned to Sanne herself.
    const member = (await coord1.get(`/api/v1/households/${householdId}/members`)).body.items[0];
    const goal = await coord1.post(`/api/v1/households/${householdId}/plan/goals`, {
      text: 'De kinderen gaan elke dag met ontbijt naar school',
      memberIds: [member.id],
      domains: ['daytime_activities'],
      kind: 'personal',
      successCriterion: 'Vier weken geen melding van school',
    });
    expect(goal.status).toBe(201);
    const action = await coord1.post(`/api/v1/households/${householdId}/plan/actions`, {
      goalId: goal.body.id,
      what: 'Gesprek met school plannen',
      assignee: { kind: 'professional', id: sanne },
      dueDate: '2030-01-01',
    });
    expect(action.status).toBe(201);

    // Switching: one step with a reason; history kept; access moves; the not-wanted person sinks.
    const v2 = (await pm.get(`/api/v1/assignment/households/${householdId}`)).body.household.version;
    const noReasonSwitch = await pm.request('POST', `/api/v1/assignment/households/${householdId}`, {
      body: { coordinatorId: ahmed },
      ifMatch: v2,
    });
    expect(noReasonSwitch.status).toBe(400);
    expect(noReasonSwitch.body.error.fields[0].path).toBe('reason');
    const switched = await pm.request('POST', `/api/v1/assignment/households/${householdId}`, {
      body: {
        coordinatorId: ahmed,
        reason: 'De klik met de regisseur ontbreekt; moeder vraagt om iemand anders.',
        preference: { preferredUserId: null, notWantedUserIds: [sanne], note: '' },
      },
      ifMatch: v2,
    });
    expect(switched.status).toBe(200);
    expect(
      switched.body.history.map((h: { coordinator: { name: string }; to: string | null }) => [
        h.coordinator.name,
        h.to === null,
      ]),
    ).toEqual([
      ['Sanne de Boer', false],
      ['Ahmed El Amrani', true],
    ]);
    expect(switched.body.candidates.at(-1)).toMatchObject({
      user: { id: sanne },
      reasons: expect.arrayContaining(['not_wanted', 'earlier_relation']),
    });
    expect((await coord1.get(`/api/v1/households/${householdId}`)).status).toBe(404);
    const coord2 = await as(t.app, 'coord2');
    const seen = await coord2.get(`/api/v1/households/${householdId}`);
    expect(seen.body).toMatchObject({ relation: 'coordinator', coordinator: { name: 'Ahmed El Amrani' } });
    const plan = await coord2.get(`/api/v1/households/${householdId}/plan`);
    expect(plan.body.actions.find((a: { id: string }) => a.id === action.body.id).assignee).toMatchObject({
      kind: 'professional',
      id: ahmed,
    });
    const involved = await coord2.get(`/api/v1/households/${householdId}/involvements`);
    expect(
      involved.body.items
        .filter((i: { relation: string }) => i.relation === 'coordinator')
        .map((i: { professional: { name: string } }) => i.professional.name),
    ).toEqual(['Ahmed El Amrani']);

    await mailer.deliverPending();
    const news = smtp.inbox.filter((m) => m.to.includes('meester.jan@school.test'));
    expect(news.length).toBe(2);
    expect(decode(news[1]!.raw)).toContain('opgepakt');
    for (const m of smtp.inbox) {
      expect(decode(m.raw)).not.toMatch(/Janssen|school, schulden|Lisa/i);
    }
  });

  it('the caseload board: norm per FTE, over-norm assignments need a reason and show on the board', async () => {
    const pm = await as(t.app, 'process');
    const coord2 = await as(t.app, 'coord2');
    // Ahmed (0.8 FTE → 8 households) gets households up to the norm.
    const board0 = (await pm.get('/api/v1/caseloads')).body;
    const ahmedRow = board0.rows.find((r: { user: { name: string } }) => r.user.name === 'Ahmed El Amrani');
    expect(ahmedRow.capacity).toBe(8);
    for (let i = ahmedRow.caseload; i < 8; i++)
      await coord2.post('/api/v1/households', aHousehold(`Familie Vol ${i}`));
    const sent = await publicSignal('10.2.0.2', 'Familie Nieuw');
    const item = (await pm.get('/api/v1/triage/signals')).body.items.find(
      (s: { referenceCode: string }) => s.referenceCode === sent.body.referenceCode,
    );
    const d = await pm.get(`/api/v1/triage/signals/${item.id}`);
    const decided = await pm.request('POST', `/api/v1/triage/signals/${item.id}/decision`, {
      body: { outcome: 'intensive', reasons: 'Zorgen op meerdere gebieden', pyramidCategory: 1 },
      ifMatch: d.body.version,
    });
    const householdId = decided.body.householdId;
    const view = (await pm.get(`/api/v1/assignment/households/${householdId}`)).body;
    const ahmed = view.candidates.find((c: { user: { name: string } }) => c.user.name === 'Ahmed El Amrani');
    expect(ahmed).toMatchObject({ overNorm: true, reasons: expect.arrayContaining(['over_norm']) });
    expect(view.candidates[0].user.name).toBe('Sanne de Boer');
    const refused = await pm.request('POST', `/api/v1/assignment/households/${householdId}`, {
      body: { coordinatorId: ahmed.user.id },
      ifMatch: view.household.version,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields[0].path).toBe('overNormReason');
    const ok = await pm.request('POST', `/api/v1/assignment/households/${householdId}`, {
      body: { coordinatorId: ahmed.user.id, overNormReason: 'Spreekt Arabisch met moeder; tijdelijk.' },
      ifMatch: view.household.version,
    });
    expect(ok.status).toBe(200);
    const board = (await pm.get('/api/v1/caseloads')).body;
    const row = board.rows.find((r: { user: { name: string } }) => r.user.name === 'Ahmed El Amrani');
    expect(row).toMatchObject({ caseload: 9, overNorm: true });
    expect(row.overNormAssignments).toEqual([
      expect.objectContaining({
        household: { id: householdId, name: 'Familie Nieuw' },
        reason: 'Spreekt Arabisch met moeder; tijdelijk.',
      }),
    ]);
    expect(board.normPerFte).toBe(10);
    // A coordinator sees only their own row; a partner sees no board.
    const own = (await coord2.get('/api/v1/caseloads')).body;
    expect(own.rows.map((r: { user: { name: string } }) => r.user.name)).toEqual(['Ahmed El Amrani']);
    expect(own.unassigned).toEqual([]);
    expect((await (await as(t.app, 'jeugd')).get('/api/v1/caseloads')).status).toBe(403);
  });

  it('only process managers triage; other regions’ and unknown ids answer 404', async () => {
    for (const key of ['coord1', 'jeugd', 'admin', 'privacy']) {
      const c = await as(t.app, key);
      expect((await c.get('/api/v1/triage/signals')).status, key).toBe(403);
    }
    const pm = await as(t.app, 'process');
    expect((await pm.get('/api/v1/triage/signals/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await pm.get('/api/v1/assignment/households/00000000-0000-4000-8000-000000000000')).status).toBe(
      404,
    );
    // The process manager still cannot open household pages through the care routes.
    const board = (await pm.get('/api/v1/caseloads')).body;
    const anyHousehold = board.rows.flatMap((r: { households: { id: string }[] }) => r.households)[0];
    expect((await pm.get(`/api/v1/households/${anyHousehold.id}/members`)).status).toBe(404);
  });

  it('overdue signals are flagged in the queue and announced once to the process managers', async () => {
    const sent = await publicSignal('10.2.0.3', 'Familie Laat', { urgency: 'normal' });
    const later = new Date(Date.now() + 10 * 24 * 3_600_000);
    const flagged = await sweepOverdueSignals(t.database.app, later);
    expect(flagged).toBeGreaterThanOrEqual(1);
    expect(await sweepOverdueSignals(t.database.app, later)).toBe(0);
    const pm = await as(t.app, 'process');
    const inbox = (await pm.get('/api/v1/notifications')).body;
    expect(inbox.items).toContainEqual(
      expect.objectContaining({ kind: 'signal.overdue', params: { code: sent.body.referenceCode } }),
    );
    const read = await pm.post(`/api/v1/notifications/${inbox.items[0].id}/read`);
    expect(read.status).toBe(204);
    expect((await pm.get('/api/v1/notifications/unread-count')).body.unread).toBe(inbox.unread - 1);
    expect((await pm.post('/api/v1/notifications/read-all')).status).toBe(204);
    expect((await pm.get('/api/v1/notifications/unread-count')).body.unread).toBe(0);
    // Someone else's notification is not found.
    const other = await as(t.app, 'coord1');
    expect((await other.post(`/api/v1/notifications/${inbox.items[0].id}/read`)).status).toBe(404);
  });

  it('without SMTP_URL no e-mail is sent and that is logged once', async () => {
    const warnings: string[] = [];
    const silent = new Mailer(
      t.database.app,
      { smtpUrl: undefined, from: 'x@y.z', publicUrl: 'https://schakel.test' },
      { info: () => {}, warn: (m: unknown) => void warnings.push(String(m)) },
    );
    await publicSignal('10.2.0.4', 'Familie Zonder Mail');
    const first = await silent.deliverPending();
    await publicSignal('10.2.0.4', 'Familie Zonder Mail 2');
    await silent.deliverPending();
    expect(first.skipped).toBeGreaterThan(0);
    expect(warnings).toHaveLength(1);
    expect(await silent.pendingCount()).toBe(0);
  });
});
