import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type TestApp, as, createTestApp } from '../../testing/api.js';
import { testDbKinds } from '../../testing/databases.js';

const subject = (name: string) => ({
  name,
  dateOfBirth: null,
  address: { street: 'Veerallee', houseNumber: '7', postcode: '8019 AD', city: 'Zwolle' },
});

describe.each(testDbKinds())('intake coordinator and the regular route on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t.close();
  });

  async function publicSignal(ip: string, name: string): Promise<string> {
    const sent = await new ApiClient(t.app, ip).post('/api/v1/public/signals', {
      signallerName: 'Buurvrouw Els',
      signallerEmail: 'els@buurt.test',
      signallerPhone: '06 1234 5678',
      subject: subject(name),
      concern: 'De post stapelt zich op en er komen deurwaarders aan de deur.',
      urgency: 'normal',
    });
    expect(sent.status).toBe(201);
    return sent.body.referenceCode as string;
  }

  async function openSignal(c: ApiClient, code: string) {
    const queue = await c.get('/api/v1/triage/signals');
    expect(queue.status).toBe(200);
    return queue.body.items.find((s: { referenceCode: string }) => s.referenceCode === code) as {
      id: string;
    };
  }

  async function organisationId(c: ApiClient, name: string): Promise<string> {
    const orgs = await c.get('/api/v1/organisations');
    expect(orgs.status).toBe(200);
    return orgs.body.items.find((o: { name: string }) => o.name.includes(name)).id as string;
  }

  it('an intake coordinator triages and decides (opening a household), but may not assign a coordinator', async () => {
    const code = await publicSignal('10.7.0.1', 'Familie Intake');
    const intake = await as(t.app, 'intake');
    const session = (await intake.get('/api/v1/auth/session')).body;
    const me = (session.user ?? session) as { id: string; permissions: string[] };
    expect(me.permissions).toContain('signal.triage');
    expect(me.permissions).not.toContain('coordinator.assign');
    const bell = await intake.get('/api/v1/notifications');
    expect(bell.body.items).toContainEqual(expect.objectContaining({ kind: 'signal.received' }));

    const item = await openSignal(intake, code);
    const detail = await intake.get(`/api/v1/triage/signals/${item.id}`);
    expect(detail.status).toBe(200);
    const decided = await intake.request('POST', `/api/v1/triage/signals/${item.id}/decision`, {
      body: { outcome: 'intensive', reasons: 'Schulden en zorgen om de kinderen.', pyramidCategory: 2 },
      ifMatch: detail.body.version,
    });
    expect(decided.status).toBe(200);
    expect(decided.body.signal.decision.decidedBy.name).toBe('Yasmin Intake');
    const householdId = decided.body.householdId as string;
    expect(householdId).toBeTruthy();

    expect((await intake.get(`/api/v1/assignment/households/${householdId}`)).status).toBe(403);
    const assign = await intake.request('POST', `/api/v1/assignment/households/${householdId}`, {
      body: { coordinatorId: me.id },
      ifMatch: 1,
    });
    expect(assign.status).toBe(403);
    // The process manager still assigns the household the intake coordinator opened.
    const pm = await as(t.app, 'process');
    expect((await pm.get(`/api/v1/assignment/households/${householdId}`)).status).toBe(200);

    // The audit trail records the decision in the intake coordinator's role.
    const audit = await (await as(t.app, 'privacy')).get(`/api/v1/audit?userId=${me.id}&action=update`);
    expect(audit.status).toBe(200);
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({
        objectType: 'signal',
        objectId: item.id,
        role: 'intake_coordinator',
        basis: 'triage:intake_coordinator',
      }),
    );
  });

  it('an intake coordinator decides a safety concern: the household and its meldcode path are opened', async () => {
    const code = await publicSignal('10.7.0.4', 'Familie Veilig');
    const intake = await as(t.app, 'intake');
    const item = await openSignal(intake, code);
    const detail = await intake.get(`/api/v1/triage/signals/${item.id}`);
    const decided = await intake.request('POST', `/api/v1/triage/signals/${item.id}/decision`, {
      body: { outcome: 'safety', reasons: 'Zorgen over huiselijk geweld.', pyramidCategory: 4 },
      ifMatch: detail.body.version,
    });
    expect(decided.status).toBe(200);
    expect(decided.body.householdId).toBeTruthy();
    expect(decided.body.signal.outcome).toBe('safety');
  });

  it('the regular route notifies the organisation’s manager, who reads only that signal and picks it up', async () => {
    const code = await publicSignal('10.7.0.2', 'Familie Doorgeven');
    const other = await publicSignal('10.7.0.3', 'Familie Anders');
    const intake = await as(t.app, 'intake');
    const item = await openSignal(intake, code);
    const otherItem = await openSignal(intake, other);
    const jeugd = await organisationId(intake, 'Jeugd');
    const detail = await intake.get(`/api/v1/triage/signals/${item.id}`);
    const decided = await intake.request('POST', `/api/v1/triage/signals/${item.id}/decision`, {
      body: {
        outcome: 'regular',
        reasons: 'Opvoedondersteuning via jeugdhulp volstaat.',
        referredOrganisationId: jeugd,
      },
      ifMatch: detail.body.version,
    });
    expect(decided.status).toBe(200);
    expect(decided.body.signal.decision.pickedUp).toBeNull();

    // The manager of the organisation is told (not its professional: a manager is there).
    const mgr = await as(t.app, 'jeugdmgr');
    const bell = await mgr.get('/api/v1/notifications');
    const note = bell.body.items.find((n: { kind: string }) => n.kind === 'signal.passed_on');
    expect(note).toMatchObject({ link: `/passed-on/${item.id}`, params: { code } });
    const prof = await as(t.app, 'jeugd');
    expect(
      (await prof.get('/api/v1/notifications')).body.items.some(
        (n: { kind: string }) => n.kind === 'signal.passed_on',
      ),
    ).toBe(false);

    // The manager reads exactly that signal: what is needed to act.
    const list = await mgr.get('/api/v1/signals/passed-on');
    expect(list.status).toBe(200);
    expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([item.id]);
    const read = await mgr.get(`/api/v1/signals/passed-on/${item.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      referenceCode: code,
      signaller: { name: 'Buurvrouw Els', email: 'els@buurt.test', phone: '06 1234 5678' },
      subject: { name: 'Familie Doorgeven' },
      urgency: 'normal',
      reasons: 'Opvoedondersteuning via jeugdhulp volstaat.',
      pickedUpAt: null,
    });
    expect(read.body.concern).toContain('deurwaarders');
    // Not the region's other (undecided) signals, nor the triage routes.
    expect((await mgr.get(`/api/v1/signals/passed-on/${otherItem.id}`)).status).toBe(404);
    expect((await mgr.get(`/api/v1/triage/signals/${item.id}`)).status).toBe(403);

    // Another organisation's people get 404; roles without the permission 403.
    const ggz = await as(t.app, 'ggz');
    expect((await ggz.get(`/api/v1/signals/passed-on/${item.id}`)).status).toBe(404);
    expect((await ggz.get('/api/v1/signals/passed-on')).body.items).toEqual([]);
    expect((await (await as(t.app, 'coord1')).get('/api/v1/signals/passed-on')).status).toBe(403);

    // Picking it up: needs the version; then the triage side sees who picked it up.
    const noMatch = await mgr.request('POST', `/api/v1/signals/passed-on/${item.id}/pick-up`, { body: {} });
    expect(noMatch.status).toBe(428);
    const ggzPick = await ggz.request('POST', `/api/v1/signals/passed-on/${item.id}/pick-up`, {
      body: {},
      ifMatch: read.body.version,
    });
    expect(ggzPick.status).toBe(404);
    const picked = await mgr.request('POST', `/api/v1/signals/passed-on/${item.id}/pick-up`, {
      body: {},
      ifMatch: read.body.version,
    });
    expect(picked.status).toBe(200);
    expect(picked.body.pickedUpBy.name).toBeTruthy();
    expect(picked.body.pickedUpAt).not.toBeNull();
    const twice = await mgr.request('POST', `/api/v1/signals/passed-on/${item.id}/pick-up`, {
      body: {},
      ifMatch: picked.body.version,
    });
    expect(twice.status).toBe(409);

    const pm = await as(t.app, 'process');
    const triageSide = await pm.get(`/api/v1/triage/signals/${item.id}`);
    expect(triageSide.body.decision.pickedUp).toMatchObject({
      organisation: expect.stringContaining('Jeugd'),
      by: { name: picked.body.pickedUpBy.name },
    });
  });
});
