import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, type TestApp, aHousehold, as, createTestApp } from '../../testing/api.js';
import { testDbKinds } from '../../testing/databases.js';

async function serviceId(c: ApiClient, name: string, includeInactive = false): Promise<string> {
  const res = await c.get(`/api/v1/services${includeInactive ? '?includeInactive=true' : ''}`);
  return res.body.items.find((s: { name: string }) => s.name === name).id;
}

async function setup(t: TestApp, name: string) {
  const coord = await as(t.app, 'coord1');
  const h = await coord.post('/api/v1/households', aHousehold(name));
  const members = (await coord.get(`/api/v1/households/${h.body.id}/members`)).body.items as {
    id: string;
    name: string;
  }[];
  return {
    coord,
    householdId: h.body.id as string,
    parent: members.find((m) => m.name === 'Ouder Test')!,
    child: members.find((m) => m.name === 'Kind Test')!,
  };
}

async function step(c: ApiClient, id: string, version: number, body: object) {
  return c.request('POST', `/api/v1/referrals/${id}/steps`, { body, ifMatch: version });
}

describe.each(testDbKinds())('referrals on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t.close();
  });

  it('closes the loop: sent → received → accepted → started → completed, the sender sees every step', async () => {
    const { coord, householdId, parent } = await setup(t, 'Familie Lus');
    const svc = await serviceId(coord, 'Schuldhulpverlening');
    const created = await coord.post(`/api/v1/households/${householdId}/referrals`, {
      serviceId: svc,
      memberId: parent.id,
      question: 'Schulden lopen op; graag een intake.',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'sent',
      side: 'sender',
      can: ['withdraw'],
      client: { name: 'Ouder Test', dateOfBirth: '1985-05-05' },
      household: { name: 'Familie Lus' },
    });
    const id = created.body.id as string;

    const receiver = await as(t.app, 'schuld');
    expect((await receiver.get(`/api/v1/households/${householdId}`)).status).toBe(404);
    const queue = await receiver.get('/api/v1/referrals');
    const inQueue = queue.body.items.find((r: { id: string }) => r.id === id);
    // The receiver sees the client and the question, not the household.
    expect(inQueue).toMatchObject({
      side: 'receiver',
      household: null,
      question: 'Schulden lopen op; graag een intake.',
      sender: { name: 'Sanne de Boer', email: 'regisseur@schakel.demo' },
      can: ['receive'],
    });
    expect(JSON.stringify(inQueue)).not.toContain('Familie Lus');
    // Another organisation does not see it at all.
    const other = await as(t.app, 'ggz');
    expect((await other.get(`/api/v1/referrals/${id}`)).status).toBe(404);
    expect((await other.get('/api/v1/referrals')).body.items.map((r: { id: string }) => r.id)).not.toContain(
      id,
    );

    // Out of order: started before accepted.
    const early = await step(receiver, id, 1, { action: 'start' });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('RULE_VIOLATION');
    expect((await receiver.get(`/api/v1/referrals/${id}`)).body).toMatchObject({
      status: 'sent',
      version: 1,
    });

    const received = await step(receiver, id, 1, { action: 'receive' });
    expect(received.status).toBe(200);
    expect((await step(receiver, id, 1, { action: 'accept' })).status).toBe(412);
    const accepted = await step(receiver, id, 2, { action: 'accept' });
    expect(accepted.body).toMatchObject({
      status: 'accepted',
      receiver: { name: 'Fatma Demir' },
      can: expect.arrayContaining(['start']),
    });
    // The sender cannot take the receiver's steps.
    expect((await step(coord, id, 3, { action: 'start' })).status).toBe(403);

    const started = await step(receiver, id, 3, {
      action: 'start',
      firstContactAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect(started.status).toBe(200);
    expect(started.body.status).toBe('started');
    // Now involved: the receiver sees the household, and is on the "who is involved" overview.
    expect((await receiver.get(`/api/v1/households/${householdId}`)).status).toBe(200);
    const involved = await coord.get(`/api/v1/households/${householdId}/involved`);
    expect(involved.body.items[0]).toMatchObject({ relation: 'coordinator' });
    expect(involved.body.items).toContainEqual(
      expect.objectContaining({
        professional: expect.objectContaining({ name: 'Fatma Demir' }),
        service: expect.objectContaining({ name: 'Schuldhulpverlening' }),
        member: { id: parent.id, name: 'Ouder Test' },
        status: 'active',
      }),
    );
    // The first contact is on record as attended.
    const contacts = await coord.get(`/api/v1/households/${householdId}/contacts`);
    expect(contacts.body.items).toEqual([
      expect.objectContaining({
        status: 'attended',
        referralId: id,
        member: { id: parent.id, name: 'Ouder Test' },
      }),
    ]);

    const done = await step(receiver, id, 4, { action: 'complete' });
    expect(done.body.status).toBe('completed');
    const seen = await coord.get(`/api/v1/households/${householdId}/referrals`);
    expect(seen.body.items[0].steps.map((s: { toStatus: string }) => s.toStatus)).toEqual([
      'draft',
      'sent',
      'received',
      'accepted',
      'started',
      'completed',
    ]);
    // Completing ended the involvement and with it the receiver's access.
    expect((await receiver.get(`/api/v1/households/${householdId}`)).status).toBe(404);
  });

  it('declines with a reason, waitlists with an expected start; the reasons reach the sender', async () => {
    const { coord, householdId, parent, child } = await setup(t, 'Familie Wachtlijst');
    const ggz = await serviceId(coord, 'Basis-GGZ volwassenen');
    const jeugd = await serviceId(coord, 'Ambulante gezinsbegeleiding');
    const a = (
      await coord.post(`/api/v1/households/${householdId}/referrals`, {
        serviceId: ggz,
        memberId: parent.id,
        question: 'Somberheid',
      })
    ).body;
    const b = (
      await coord.post(`/api/v1/households/${householdId}/referrals`, {
        serviceId: jeugd,
        memberId: child.id,
        question: 'Opvoedvragen',
      })
    ).body;
    const mark = await as(t.app, 'ggz');
    await step(mark, a.id, 1, { action: 'receive' });
    const noReason = await step(mark, a.id, 2, { action: 'decline' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields).toEqual([{ path: 'reason', message: 'Give a reason.' }]);
    const declined = await step(mark, a.id, 2, { action: 'decline', reason: 'Past beter bij de POH-GGZ' });
    expect(declined.body).toMatchObject({ status: 'declined', reason: 'Past beter bij de POH-GGZ', can: [] });

    const lotte = await as(t.app, 'jeugd');
    await step(lotte, b.id, 1, { action: 'receive' });
    expect((await step(lotte, b.id, 2, { action: 'waitlist' })).body.error.fields[0].path).toBe(
      'expectedStart',
    );
    const waiting = await step(lotte, b.id, 2, { action: 'waitlist', expectedStart: '2099-01-15' });
    expect(waiting.body).toMatchObject({ status: 'waitlisted', expectedStart: '2099-01-15' });
    // A manager of the receiving organisation works the same queue and may assign the professional.
    const karin = await as(t.app, 'jeugdmgr');
    expect((await karin.get('/api/v1/referrals')).body.items.map((r: { id: string }) => r.id)).toContain(
      b.id,
    );
    const lotteId = (await coord.get('/api/v1/professionals')).body.items.find(
      (p: { name: string }) => p.name === 'Lotte Visser',
    ).id;
    const assigned = await step(karin, b.id, 3, { action: 'accept', receiverId: lotteId });
    expect(assigned.body).toMatchObject({ status: 'accepted', receiver: { name: 'Lotte Visser' } });
    // Only the assigned professional records the first contact.
    expect((await step(karin, b.id, 4, { action: 'start' })).status).toBe(422);

    const list = (await coord.get(`/api/v1/households/${householdId}/referrals`)).body.items;
    expect(list.map((r: { status: string }) => r.status).sort()).toEqual(['accepted', 'declined']);
  });

  it('refuses bad referrals and changes nothing', async () => {
    const { coord, householdId, parent } = await setup(t, 'Familie Fout');
    const other = await setup(t, 'Familie Anders');
    const inactive = await serviceId(coord, 'Budgetcursus (gestopt)', true);
    const active = await serviceId(coord, 'Schuldhulpverlening');
    const count = async () =>
      (await coord.get(`/api/v1/households/${householdId}/referrals`)).body.items.length;

    const r1 = await coord.post(`/api/v1/households/${householdId}/referrals`, {
      serviceId: inactive,
      memberId: parent.id,
      question: 'x',
    });
    expect(r1.status).toBe(400);
    expect(r1.body.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'serviceId' }] });
    const r2 = await coord.post(`/api/v1/households/${householdId}/referrals`, {
      serviceId: active,
      memberId: other.parent.id,
      question: 'x',
    });
    expect(r2.body.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'memberId' }] });
    const r3 = await coord.post(`/api/v1/households/${householdId}/referrals`, {
      serviceId: active,
      memberId: parent.id,
      question: '',
      surplus: true,
    });
    expect(r3.status).toBe(400);
    expect(await count()).toBe(0);

    expect(
      (
        await coord.post(`/api/v1/households/${householdId}/referrals`, {
          serviceId: active,
          memberId: parent.id,
          question: 'Schulden',
        })
      ).status,
    ).toBe(201);
    const dup = await coord.post(`/api/v1/households/${householdId}/referrals`, {
      serviceId: active,
      memberId: parent.id,
      question: 'Nog eens',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('CONFLICT');
    expect(await count()).toBe(1);
    // A draft is not in the receiver's queue until it is sent; a withdrawn one frees the way for a new one.
    const draft = (
      await coord.post(`/api/v1/households/${householdId}/referrals`, {
        serviceId: await serviceId(coord, 'Ambulante verslavingszorg'),
        memberId: parent.id,
        question: 'Alcohol',
        send: false,
      })
    ).body;
    const eva = await as(t.app, 'verslaving');
    expect((await eva.get(`/api/v1/referrals/${draft.id}`)).status).toBe(404);
    expect((await step(coord, draft.id, 1, { action: 'withdraw' })).status).toBe(400);
    expect(
      (await step(coord, draft.id, 1, { action: 'withdraw', reason: 'Cliënt wil eerst zelf bellen' })).body
        .status,
    ).toBe('withdrawn');
    // Someone not involved with the household cannot refer.
    const stranger = await as(t.app, 'coord2');
    expect(
      (
        await stranger.post(`/api/v1/households/${householdId}/referrals`, {
          serviceId: active,
          question: 'x',
        })
      ).status,
    ).toBe(404);
  });

  it('tells organisations serving the same member of each other (Verwijsindex), without case content', async () => {
    const { coord, householdId, parent } = await setup(t, 'Familie Index');
    const schuld = await as(t.app, 'schuld');
    const eva = await as(t.app, 'verslaving');
    const start = async (pro: ApiClient, service: string) => {
      const ref = (
        await coord.post(`/api/v1/households/${householdId}/referrals`, {
          serviceId: await serviceId(coord, service),
          memberId: parent.id,
          question: 'Geheim detail',
        })
      ).body;
      await step(pro, ref.id, 1, { action: 'receive' });
      await step(pro, ref.id, 2, { action: 'accept' });
      return step(pro, ref.id, 3, { action: 'start' });
    };
    expect((await start(schuld, 'Schuldhulpverlening')).status).toBe(200);
    expect((await schuld.get('/api/v1/notices')).body.items).toEqual([]);
    expect((await start(eva, 'Ambulante verslavingszorg')).status).toBe(200);

    const forFatma = (await schuld.get('/api/v1/notices')).body.items;
    expect(forFatma).toEqual([
      expect.objectContaining({
        household: expect.objectContaining({ name: 'Familie Index' }),
        member: { id: parent.id, name: 'Ouder Test' },
        read: false,
        other: expect.objectContaining({
          professional: expect.objectContaining({ name: 'Eva Jansen', phone: '06 1000 0006' }),
          organisation: expect.objectContaining({ name: 'Verslavingszorg Kompas' }),
        }),
      }),
    ]);
    expect(JSON.stringify(forFatma)).not.toContain('Geheim detail');
    const forEva = (await eva.get(`/api/v1/households/${householdId}/involved`)).body.notices;
    expect(forEva).toEqual([
      expect.objectContaining({
        other: expect.objectContaining({ professional: expect.objectContaining({ name: 'Fatma Demir' }) }),
      }),
    ]);
    expect((await schuld.post(`/api/v1/notices/${forFatma[0].id}/read`)).status).toBe(204);
    expect((await schuld.get('/api/v1/notices')).body.items[0].read).toBe(true);
    expect((await eva.post(`/api/v1/notices/${forFatma[0].id}/read`)).status).toBe(404);
    // The coordinator's own overview lists both, without notices of their own.
    expect((await coord.get(`/api/v1/households/${householdId}/involved`)).body.notices).toEqual([]);
  });

  it('audits reads and steps of referrals', async () => {
    const { coord, householdId, parent } = await setup(t, 'Familie Audit');
    const ref = (
      await coord.post(`/api/v1/households/${householdId}/referrals`, {
        serviceId: await serviceId(coord, 'Schuldhulpverlening'),
        memberId: parent.id,
        question: 'x',
      })
    ).body;
    const fatma = await as(t.app, 'schuld');
    await fatma.get('/api/v1/referrals');
    await step(fatma, ref.id, 1, { action: 'receive' });
    const privacy = await as(t.app, 'privacy');
    const audit = await privacy.get(`/api/v1/audit?householdId=${householdId}`);
    const events = audit.body.items.map(
      (e: { objectType: string; action: string }) => `${e.objectType}:${e.action}`,
    );
    expect(events).toEqual(expect.arrayContaining(['referral:create', 'referral:read', 'referral:update']));
  });
});
