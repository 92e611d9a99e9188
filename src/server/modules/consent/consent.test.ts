import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../../domain/calendar/working-days.js';
import { addMonths } from '../../../domain/privacy/consent.js';
import { type ApiClient, type TestApp, as, createTestApp } from '../../testing/api.js';
import { testDbKinds } from '../../testing/databases.js';

const today = localDate(new Date());
const year = Number(today.slice(0, 4));

interface Setup {
  id: string;
  coord: ApiClient;
  lotte: ApiClient;
  fatma: ApiClient;
  parent: string;
  teen: string;
  child: string;
  jeugdOrg: string;
  schuldOrg: string;
  vtOrg: string;
  politieOrg: string;
}

describe.each(testDbKinds())('consent and legal basis on %s', (kind) => {
  let t: TestApp;
  let s: Setup;
  beforeAll(async () => {
    t = await createTestApp(kind);
    s = await setup('Familie Toestemming');
  });
  afterAll(async () => {
    await t.close();
  });

  /** A parent, a child of 14 and a child of 8; Lotte (Jeugdhulp) and Fatma (Schuldhulp) involved. */
  async function setup(name: string): Promise<Setup> {
    const coord = await as(t.app, 'coord1');
    const created = await coord.post('/api/v1/households', {
      name,
      address: { street: 'Teststraat', houseNumber: '2', postcode: '8011 AB', city: 'Zwolle' },
      pyramidCategory: 2,
      members: [
        { name: 'Ouder Toestemming', dateOfBirth: '1985-05-05', role: 'parent' },
        { name: 'Tiener Toestemming', dateOfBirth: `${year - 14}-01-01`, role: 'child' },
        { name: 'Kind Toestemming', dateOfBirth: `${year - 8}-01-01`, role: 'child' },
      ],
      networkContacts: [],
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const pros = (await coord.get('/api/v1/professionals')).body.items as {
      id: string;
      name: string;
      organisation: { id: string; name: string };
    }[];
    const pro = (n: string) => pros.find((p) => p.name === n)!;
    const orgOf = (n: string) => pros.find((p) => p.organisation.name === n)!.organisation.id;
    for (const n of ['Lotte Visser', 'Fatma Demir'])
      expect((await coord.post(`/api/v1/households/${id}/involvements`, { userId: pro(n).id })).status).toBe(
        201,
      );
    const members = (await coord.get(`/api/v1/households/${id}/members`)).body.items as {
      id: string;
      name: string;
    }[];
    const m = (n: string) => members.find((x) => x.name === n)!.id;
    return {
      id,
      coord,
      lotte: await as(t.app, 'jeugd'),
      fatma: await as(t.app, 'schuld'),
      parent: m('Ouder Toestemming'),
      teen: m('Tiener Toestemming'),
      child: m('Kind Toestemming'),
      jeugdOrg: pro('Lotte Visser').organisation.id,
      schuldOrg: pro('Fatma Demir').organisation.id,
      vtOrg: orgOf(pros.find((p) => p.organisation.name.startsWith('Veilig Thuis'))!.organisation.name),
      politieOrg: orgOf(
        pros.find((p) => p.organisation.name.toLowerCase().includes('politie'))!.organisation.name,
      ),
    };
  }

  const consent = (over: Record<string, unknown> = {}) => ({
    memberId: s.parent,
    organisationId: s.jeugdOrg,
    categories: ['plan', 'health'],
    purpose: 'coordination',
    givenBy: [{ kind: 'member', name: 'Ouder Toestemming' }],
    givenOn: today,
    form: 'paper',
    validUntil: addMonths(today, 12),
    ...over,
  });
  const url = () => `/api/v1/households/${s.id}/consents`;
  const bases = () => `/api/v1/households/${s.id}/legal-bases`;
  const problemsOf = (res: { body: { error: { fields: { path: string; message: string }[] } } }) =>
    res.body.error.fields.map((f) => `${f.path}:${f.message}`);

  it('the coordinator records a consent; it is active, versioned and names who gave it', async () => {
    const res = await s.coord.post(url(), consent());
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({
      memberId: s.parent,
      memberName: 'Ouder Toestemming',
      organisationId: s.jeugdOrg,
      organisationName: expect.stringContaining('Jeugd'),
      categories: ['plan', 'health'],
      purpose: 'coordination',
      serviceId: null,
      givenBy: [{ kind: 'member', name: 'Ouder Toestemming' }],
      givenOn: today,
      form: 'paper',
      witness: '',
      status: 'active',
      withdrawnAt: null,
      recordedBy: expect.any(String),
      version: 1,
    });
  });

  it('a child of 12 to 16 needs the child and a parent; under 12 only a parent or guardian may sign', async () => {
    const teenAlone = await s.coord.post(
      url(),
      consent({ memberId: s.teen, givenBy: [{ kind: 'member', name: 'Tiener' }] }),
    );
    expect(teenAlone.status).toBe(422);
    expect(teenAlone.body.error.code).toBe('CONSENT_INVALID');
    expect(problemsOf(teenAlone)).toEqual(['givenBy:parent_or_guardian_must_sign']);

    const parentOnly = await s.coord.post(
      url(),
      consent({ memberId: s.teen, givenBy: [{ kind: 'parent', name: 'Ouder Toestemming' }] }),
    );
    expect(problemsOf(parentOnly)).toEqual(['givenBy:member_must_sign']);

    const both = await s.coord.post(
      url(),
      consent({
        memberId: s.teen,
        givenBy: [
          { kind: 'member', name: 'Tiener Toestemming' },
          { kind: 'parent', name: 'Ouder Toestemming' },
        ],
      }),
    );
    expect(both.status).toBe(201);

    const child = await s.coord.post(
      url(),
      consent({ memberId: s.child, givenBy: [{ kind: 'member', name: 'Kind' }] }),
    );
    expect(child.status).toBe(422);
    expect(problemsOf(child)).toEqual([
      'givenBy:child_under_12_cannot_sign',
      'givenBy:parent_or_guardian_must_sign',
    ]);
    const guardian = await s.coord.post(
      url(),
      consent({ memberId: s.child, givenBy: [{ kind: 'guardian', name: 'Voogd Jansen' }] }),
    );
    expect(guardian.status).toBe(201);
  });

  it('every broken rule is reported at once with a stable code per field', async () => {
    const res = await s.coord.post(
      url(),
      consent({
        givenBy: [],
        form: 'verbal',
        witness: '',
        givenOn: addMonths(today, 1),
        validUntil: addMonths(today, 40),
        purpose: 'referral',
        categories: [],
      }),
    );
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('CONSENT_INVALID');
    expect(problemsOf(res)).toEqual([
      'givenBy:member_must_sign',
      'witness:witness_required',
      'givenOn:given_in_future',
      'validUntil:valid_too_long',
      'serviceId:service_required',
      'categories:no_categories',
    ]);
    const before = await s.coord.post(url(), consent({ validUntil: addMonths(today, -1) }));
    expect(problemsOf(before)).toEqual(['validUntil:valid_until_before_given']);
    const verbal = await s.coord.post(url(), consent({ form: 'verbal', witness: 'Collega Jansen' }));
    expect(verbal.status).toBe(201);
    expect(verbal.body.witness).toBe('Collega Jansen');
  });

  it('refuses a member, organisation or service that does not fit the household (400 with the field)', async () => {
    const coord = s.coord;
    const other = (
      await coord.post('/api/v1/households', {
        name: 'Familie Anders',
        address: { street: 'Teststraat', houseNumber: '3', postcode: '8011 AB', city: 'Zwolle' },
        pyramidCategory: 1,
        members: [{ name: 'Iemand Anders', dateOfBirth: '1970-01-01', role: 'parent' }],
        networkContacts: [],
      })
    ).body;
    const stranger = (await coord.get(`/api/v1/households/${other.id}/members`)).body.items[0].id as string;
    const wrongMember = await coord.post(url(), consent({ memberId: stranger }));
    expect(wrongMember.status).toBe(400);
    expect(wrongMember.body.error.fields[0].path).toBe('memberId');

    const uninvolved = await coord.post(url(), consent({ organisationId: s.politieOrg }));
    expect(uninvolved.status).toBe(400);
    expect(uninvolved.body.error.fields[0].path).toBe('organisationId');

    const services = (await coord.get('/api/v1/services')).body.items as {
      id: string;
      organisation: { id: string };
    }[];
    const ofSchuld = services.find((x) => x.organisation.id === s.schuldOrg)!.id;
    const ofJeugd = services.find((x) => x.organisation.id === s.jeugdOrg)!.id;
    const wrongService = await coord.post(url(), consent({ purpose: 'referral', serviceId: ofSchuld }));
    expect(wrongService.status).toBe(400);
    expect(wrongService.body.error.fields[0].path).toBe('serviceId');
    const referral = await coord.post(url(), consent({ purpose: 'referral', serviceId: ofJeugd }));
    expect(referral.status).toBe(201);
    expect(referral.body).toMatchObject({
      purpose: 'referral',
      serviceId: ofJeugd,
      serviceName: expect.any(String),
    });

    const unknownField = await coord.post(url(), { ...consent(), extra: 'x' });
    expect(unknownField.status).toBe(400);
    const removedMember = await coord.post(`/api/v1/households/${s.id}/members`, {
      name: 'Tijdelijk Lid',
      dateOfBirth: '1990-01-01',
      role: 'other_adult',
    });
    expect((await coord.del(`/api/v1/households/${s.id}/members/${removedMember.body.id}`, 1)).status).toBe(
      204,
    );
    const gone = await coord.post(url(), consent({ memberId: removedMember.body.id }));
    expect(gone.status).toBe(400);
    expect(gone.body.error.fields[0].path).toBe('memberId');
  });

  it('a partner may not record consent (403); an uninvolved professional does not see the household (404)', async () => {
    const res = await s.lotte.post(url(), consent());
    expect(res.status).toBe(403);
    const politie = await as(t.app, 'politie');
    expect((await politie.get(url())).status).toBe(404);
    expect((await politie.post(url(), consent())).status).toBe(404);
    expect((await politie.get(bases())).status).toBe(404);
  });

  it('a partner sees only the consents given to their own organisation', async () => {
    expect(
      (await s.coord.post(url(), consent({ organisationId: s.schuldOrg, categories: ['financial'] }))).status,
    ).toBe(201);
    const all = (await s.coord.get(url())).body.items as { organisationId: string }[];
    expect(new Set(all.map((c) => c.organisationId))).toEqual(new Set([s.jeugdOrg, s.schuldOrg]));
    const lotte = (await s.lotte.get(url())).body.items as { organisationId: string }[];
    const fatma = (await s.fatma.get(url())).body.items as { organisationId: string; categories: string[] }[];
    expect(lotte.length).toBeGreaterThan(0);
    expect(lotte.every((c) => c.organisationId === s.jeugdOrg)).toBe(true);
    expect(fatma.map((c) => [c.organisationId, c.categories])).toEqual([[s.schuldOrg, ['financial']]]);
    expect(lotte.length + fatma.length).toBe(all.length);
  });

  it('withdrawal needs the current version, tells the organisation, and counts from the very next request', async () => {
    const fresh = await setup('Familie Intrekken');
    const c = await fresh.coord.post(
      `/api/v1/households/${fresh.id}/consents`,
      consent({ memberId: fresh.parent, organisationId: fresh.jeugdOrg }),
    );
    const cid = c.body.id as string;
    const withdraw = `/api/v1/households/${fresh.id}/consents/${cid}/withdraw`;
    const membersUrl = `/api/v1/households/${fresh.id}/members`;

    expect((await fresh.lotte.get(membersUrl)).status).toBe(200);
    expect(
      (await fresh.coord.request('POST', withdraw, { body: { note: 'Wil dit niet meer' } })).status,
    ).toBe(428);
    const stale = await fresh.coord.request('POST', withdraw, {
      body: { note: 'Wil dit niet meer' },
      ifMatch: 7,
    });
    expect(stale.status).toBe(412);
    expect(stale.body.error.current).toMatchObject({ id: cid, version: 1 });
    expect((await fresh.coord.request('POST', withdraw, { body: { note: '' }, ifMatch: 1 })).status).toBe(
      400,
    );
    expect(
      (await fresh.lotte.request('POST', withdraw, { body: { note: 'Mag niet' }, ifMatch: 1 })).status,
    ).toBe(403);

    const done = await fresh.coord.request('POST', withdraw, {
      body: { note: 'Moeder wil niet meer dat haar gezondheid gedeeld wordt' },
      ifMatch: 1,
    });
    expect(done.status).toBe(200);
    expect(done.headers.etag).toBe('"2"');
    expect(done.body).toMatchObject({
      status: 'withdrawn',
      withdrawalNote: 'Moeder wil niet meer dat haar gezondheid gedeeld wordt',
      withdrawnBy: expect.any(String),
      version: 2,
    });
    expect(done.body.withdrawnAt).not.toBeNull();
    const again = await fresh.coord.request('POST', withdraw, { body: { note: 'Nog eens' }, ifMatch: 2 });
    expect(again.status).toBe(409);

    // The very next request of Lotte no longer relies on the consent.
    expect((await fresh.lotte.get(membersUrl)).status).toBe(200);
    const privacy = await as(t.app, 'privacy');
    const lotteId = (await fresh.lotte.get('/api/v1/auth/session')).body.user.id as string;
    const reads = (
      await privacy.get(`/api/v1/audit?householdId=${fresh.id}&userId=${lotteId}&action=read&limit=200`)
    ).body.items as { objectType: string; consent: string | null; seq: number }[];
    const memberReads = reads.filter((r) => r.objectType === 'member_list').sort((a, b) => a.seq - b.seq);
    expect(memberReads.map((r) => r.consent)).toEqual([`consent:${cid}`, null]);

    const inbox = (await fresh.lotte.get('/api/v1/notifications')).body.items as {
      kind: string;
      link: string;
      params: object;
    }[];
    expect(inbox).toContainEqual(
      expect.objectContaining({
        kind: 'consent.withdrawn',
        link: `/households/${fresh.id}/consent`,
        params: {},
      }),
    );
    const fatmaInbox = (await fresh.fatma.get('/api/v1/notifications')).body.items as { kind: string }[];
    expect(fatmaInbox.some((n) => n.kind === 'consent.withdrawn')).toBe(false);
    const list = (await fresh.lotte.get(`/api/v1/households/${fresh.id}/consents`)).body.items;
    expect(list).toEqual([expect.objectContaining({ id: cid, status: 'withdrawn' })]);
  });

  it('legal basis: the case basis by the coordinator, a sharing without consent by a partner with its justification', async () => {
    const caseBasis = await s.coord.post(bases(), {
      scope: 'case',
      ground: 'jeugdwet',
      justification: 'Jeugdhulp aan Tiener en Kind; regie door het wijkteam',
    });
    expect(caseBasis.status).toBe(201);
    expect(caseBasis.body).toMatchObject({
      scope: 'case',
      ground: 'jeugdwet',
      organisationId: null,
      categories: [],
      validFrom: today,
      validUntil: null,
      active: true,
      version: 1,
    });
    expect(
      (await s.lotte.post(bases(), { scope: 'case', ground: 'wmo_support', justification: 'Poging' })).status,
    ).toBe(403);
    expect(
      (await s.coord.post(bases(), { scope: 'case', ground: 'meldrecht', justification: 'Verkeerde grond' }))
        .status,
    ).toBe(400);

    const share = {
      scope: 'sharing',
      ground: 'meldrecht',
      organisationId: s.vtOrg,
      memberId: s.child,
      categories: ['safety', 'health'],
      justification: 'Vermoeden van kindermishandeling na afweging meldcode; melding bij Veilig Thuis.',
    };
    const short = await s.lotte.post(bases(), { ...share, justification: 'Te kort' });
    expect(short.status).toBe(400);
    expect(short.body.error.fields[0].path).toBe('justification');
    const noCategories = await s.lotte.post(bases(), { ...share, categories: [] });
    expect(noCategories.status).toBe(400);
    expect(noCategories.body.error.fields[0].path).toBe('categories');
    const noOrg = await s.lotte.post(bases(), { ...share, organisationId: undefined });
    expect(noOrg.status).toBe(400);
    const backwards = await s.lotte.post(bases(), {
      ...share,
      validFrom: today,
      validUntil: addMonths(today, -1),
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields[0].path).toBe('validUntil');

    const shared = await s.lotte.post(bases(), share);
    expect(shared.status).toBe(201);
    expect(shared.body).toMatchObject({
      scope: 'sharing',
      ground: 'meldrecht',
      organisationId: s.vtOrg,
      organisationName: expect.stringContaining('Veilig Thuis'),
      memberId: s.child,
      memberName: 'Kind Toestemming',
      categories: ['safety', 'health'],
      recordedBy: 'Lotte Visser',
      active: true,
    });

    const coordSees = (await s.coord.get(bases())).body.items as { id: string; scope: string }[];
    expect(coordSees.map((b) => b.scope)).toEqual(['case', 'sharing']);
    const lotteSees = (await s.lotte.get(bases())).body.items as { id: string }[];
    expect(lotteSees.map((b) => b.id)).toEqual([caseBasis.body.id, shared.body.id]);
    const fatmaSees = (await s.fatma.get(bases())).body.items as { id: string }[];
    expect(fatmaSees.map((b) => b.id)).toEqual([caseBasis.body.id]);

    const endUrl = (id: string) => `${bases()}/${id}/end`;
    expect((await s.lotte.request('POST', endUrl(caseBasis.body.id), { body: {}, ifMatch: 1 })).status).toBe(
      403,
    );
    expect((await s.fatma.request('POST', endUrl(shared.body.id), { body: {}, ifMatch: 1 })).status).toBe(
      404,
    );
    expect((await s.lotte.request('POST', endUrl(shared.body.id), { body: {}, ifMatch: 3 })).status).toBe(
      412,
    );
    const ended = await s.lotte.request('POST', endUrl(shared.body.id), { body: {}, ifMatch: 1 });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ active: false, endedBy: 'Lotte Visser', version: 2 });
    expect((await s.lotte.request('POST', endUrl(shared.body.id), { body: {}, ifMatch: 2 })).status).toBe(
      409,
    );

    // The case's ground is recorded as the basis of later access.
    await s.fatma.get(url());
    const fatmaId = (await s.fatma.get('/api/v1/auth/session')).body.user.id as string;
    const privacy = await as(t.app, 'privacy');
    const rows = (await privacy.get(`/api/v1/audit?householdId=${s.id}&userId=${fatmaId}&limit=5`)).body
      .items as { objectType: string; basis: string }[];
    expect(rows.find((r) => r.objectType === 'consent_list')!.basis).toBe('care_relation:partner;jeugdwet');
  });

  it('writes an audit row for every read and write, with the basis of the access', async () => {
    const privacy = await as(t.app, 'privacy');
    const rows = (await privacy.get(`/api/v1/audit?householdId=${s.id}&limit=200`)).body.items as {
      objectType: string;
      action: string;
      basis: string;
      role: string;
      objectId: string | null;
      outcome: string;
    }[];
    const of = (type: string, action: string, outcome = 'success') =>
      rows.filter((r) => r.objectType === type && r.action === action && r.outcome === outcome);
    expect(of('consent', 'create').length).toBeGreaterThanOrEqual(6);
    expect(
      of('consent', 'create').every(
        (r) => r.basis.startsWith('care_relation:coordinator') && r.role === 'coordinator',
      ),
    ).toBe(true);
    expect(of('consent_list', 'read').length).toBeGreaterThanOrEqual(3);
    expect(
      of('legal_basis', 'create')
        .map((r) => r.role)
        .sort(),
    ).toEqual(['coordinator', 'partner_professional']);
    expect(of('legal_basis', 'update')).toHaveLength(1);
    expect(of('legal_basis_list', 'read').length).toBeGreaterThanOrEqual(3);
    // Refused attempts are logged too: Lotte recording a consent, ending the case's basis, recording a case basis.
    expect(of('consent', 'update', 'denied').length).toBeGreaterThanOrEqual(1);
    expect(of('legal_basis', 'update', 'denied')).toHaveLength(2);
  });
});
