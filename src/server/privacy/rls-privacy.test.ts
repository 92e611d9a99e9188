/**
 * The data categories and emergency access, enforced by the database itself (issue 5, "Proof"): raw SQL as the
 * application role with only `schakel.actor` set, so no application check runs. Sensitive rows of a household
 * are not returned to an involved partner without a consent or sharing basis in force, are with one, and are gone
 * again after withdrawal; emergency access opens reads only while it lasts and never writes.
 */
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, type TestApp, as, createTestApp } from '../testing/api.js';
import { testDbKinds } from '../testing/databases.js';
import {
  type OwnerAccess,
  amsterdamDay,
  insertConsent,
  insertEmergencyAccess,
  insertSharingBasis,
  ownerAccess,
  rowsAsActor,
} from '../testing/owner.js';

const ALL = ['identity', 'plan', 'contacts', 'assessment', 'safety', 'health', 'financial'];

describe.each(testDbKinds())('row-level security of the data categories on %s', (kind) => {
  let t: TestApp;
  let owner: OwnerAccess;
  const ids = new Map<string, { user: string; org: string }>();
  const clients = new Map<string, ApiClient>();
  let hid = '';
  let parent = '';
  let child = '';

  /** What an actor gets back from each table for the household, bypassing the application. */
  async function seen(user: string | null) {
    const actor = user ? ids.get(user)!.user : null;
    const texts = (q: SQL) => rowsAsActor<{ v: string }>(t, actor, q).then((r) => r.map((x) => x.v).sort());
    return {
      households: await texts(sql`select name as v from households where id = ${hid}`),
      members: await texts(sql`select name as v from members where household_id = ${hid}`),
      assessments: await texts(sql`select note as v from assessments where household_id = ${hid}`),
      safety: await texts(sql`select concerns as v from safety_assessments where household_id = ${hid}`),
      contacts: await texts(sql`select note as v from contacts where household_id = ${hid}`),
      helpQuestions: await texts(sql`select text as v from help_questions where household_id = ${hid}`),
      goals: await texts(sql`select text as v from goals where household_id = ${hid}`),
    };
  }

  const NOTHING = {
    households: [],
    members: [],
    assessments: [],
    safety: [],
    contacts: [],
    helpQuestions: [],
    goals: [],
  };
  const EVERYTHING = {
    households: ['Familie Rijbeveiliging'],
    members: ['Kind Test', 'Ouder Test'],
    assessments: ['RLS beoordeling'],
    safety: ['RLS veiligheid'],
    contacts: ['RLS contact eigen organisatie', 'RLS contact andere organisatie'].sort(),
    helpQuestions: ['RLS financien', 'RLS verslaving', 'RLS wonen'],
    goals: ['RLS doel financien', 'RLS doel gezondheid', 'RLS doel wonen'],
  };
  /** An involved partner without consent: identity, the plan's main lines, their own organisation's contacts. */
  const PARTNER_BASE = {
    ...EVERYTHING,
    assessments: [],
    safety: [],
    contacts: ['RLS contact eigen organisatie'],
    helpQuestions: ['RLS wonen'],
    goals: ['RLS doel wonen'],
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    owner = await ownerAccess(t);
    for (const key of ['coord1', 'jeugd', 'schuld', 'ggz', 'verslaving', 'woning']) {
      const c = await as(t.app, key);
      const me = (await c.get('/api/v1/auth/session')).body.user;
      clients.set(key, c);
      ids.set(key, { user: me.id, org: me.organisation.id });
    }
    const c = clients.get('coord1')!;
    const h = await c.post('/api/v1/households', {
      name: 'Familie Rijbeveiliging',
      members: [
        { name: 'Ouder Test', role: 'parent' },
        { name: 'Kind Test', role: 'child', dateOfBirth: '2015-05-05' },
      ],
    });
    hid = h.body.id;
    const members = (await c.get(`/api/v1/households/${hid}/members`)).body.items as {
      id: string;
      role: string;
    }[];
    parent = members.find((m) => m.role === 'parent')!.id;
    child = members.find((m) => m.role === 'child')!.id;
    for (const key of ['jeugd', 'schuld'])
      expect(
        (await c.post(`/api/v1/households/${hid}/involvements`, { userId: ids.get(key)!.user })).status,
      ).toBe(201);
    const base = `/api/v1/households/${hid}/plan`;
    const posts: [ApiClient, string, unknown][] = [
      [c, `${base}/help-questions`, { domain: 'housing', text: 'RLS wonen' }],
      [c, `${base}/help-questions`, { domain: 'substance_use', memberId: parent, text: 'RLS verslaving' }],
      [c, `${base}/help-questions`, { domain: 'finances', memberId: parent, text: 'RLS financien' }],
      ...(
        [
          ['RLS doel wonen', 'housing'],
          ['RLS doel gezondheid', 'mental_health'],
          ['RLS doel financien', 'finances'],
        ] as const
      ).map(([text, domain]): [ApiClient, string, unknown] => [
        c,
        `${base}/goals`,
        {
          text,
          memberIds: [parent],
          domains: [domain],
          kind: 'personal',
          successCriterion: 'Dat zeggen we zelf',
          targetDate: amsterdamDay(60),
        },
      ]),
      [
        c,
        `${base}/assessments`,
        {
          memberId: parent,
          assessedOn: amsterdamDay(-1),
          note: 'RLS beoordeling',
          scores: [{ domain: 'housing', score: 3 }],
        },
      ],
      [
        c,
        `${base}/safety-assessments`,
        { assessedOn: amsterdamDay(-1), childIds: [child], concerns: 'RLS veiligheid', riskLevel: 'low' },
      ],
      [
        clients.get('schuld')!,
        `/api/v1/households/${hid}/contacts`,
        { memberId: parent, plannedAt: new Date().toISOString(), note: 'RLS contact andere organisatie' },
      ],
      [
        clients.get('jeugd')!,
        `/api/v1/households/${hid}/contacts`,
        { memberId: parent, plannedAt: new Date().toISOString(), note: 'RLS contact eigen organisatie' },
      ],
    ];
    for (const [client, url, body] of posts) {
      const res = await client.post(url, body);
      expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBe(201);
    }
  });
  afterAll(async () => {
    await owner?.close();
    await t?.close();
  });

  const clearConsent = async () => {
    await owner.rows(sql`delete from consents where household_id = ${hid}`);
    await owner.rows(sql`delete from legal_bases where household_id = ${hid}`);
  };
  const consentForJeugd = async (categories = ALL) => {
    const out: string[] = [];
    for (const memberId of [parent, child])
      out.push(
        await insertConsent(owner, {
          householdId: hid,
          memberId,
          organisationId: ids.get('jeugd')!.org,
          categories,
          recordedBy: ids.get('coord1')!.user,
        }),
      );
    return out;
  };

  it('the coordinator sees every row; without an actor nothing is returned', async () => {
    expect(await seen('coord1')).toEqual(EVERYTHING);
    expect(await seen(null)).toEqual(NOTHING);
  });

  it('an involved partner without consent gets no assessments, safety, other organisations’ contacts, health or finance help questions and goals', async () => {
    await clearConsent();
    expect(await seen('jeugd')).toEqual(PARTNER_BASE);
  });

  it('a consent in force opens them; withdrawn, they are gone again on the next query', async () => {
    await clearConsent();
    const consents = await consentForJeugd();
    expect(await seen('jeugd')).toEqual(EVERYTHING);
    // The other involved organisation has no consent of its own: nothing changes for it.
    expect(await seen('schuld')).toEqual({
      ...PARTNER_BASE,
      contacts: ['RLS contact andere organisatie'],
    });
    for (const id of consents)
      await owner.rows(sql`update consents set withdrawn_at = now(), withdrawn_by = ${ids.get('coord1')!.user}
                           where id = ${id}`);
    expect(await seen('jeugd')).toEqual(PARTNER_BASE);
  });

  it('a consent that expired, or is not yet in force, or covers one category opens only what it covers', async () => {
    await clearConsent();
    for (const memberId of [parent, child])
      await insertConsent(owner, {
        householdId: hid,
        memberId,
        organisationId: ids.get('jeugd')!.org,
        categories: ALL,
        recordedBy: ids.get('coord1')!.user,
        givenOn: amsterdamDay(-400),
        validUntil: amsterdamDay(-1),
      });
    await insertConsent(owner, {
      householdId: hid,
      memberId: parent,
      organisationId: ids.get('jeugd')!.org,
      categories: ALL,
      recordedBy: ids.get('coord1')!.user,
      givenOn: amsterdamDay(1),
    });
    expect(await seen('jeugd')).toEqual(PARTNER_BASE);
    await consentForJeugd(['health']);
    expect(await seen('jeugd')).toEqual({
      ...PARTNER_BASE,
      helpQuestions: ['RLS verslaving', 'RLS wonen'],
      goals: ['RLS doel gezondheid', 'RLS doel wonen'],
    });
  });

  it('a sharing basis (meldrecht) in force opens what it covers; ended, it does not', async () => {
    await clearConsent();
    const id = await insertSharingBasis(owner, {
      householdId: hid,
      organisationId: ids.get('jeugd')!.org,
      categories: ['safety', 'assessment'],
      recordedBy: ids.get('jeugd')!.user,
    });
    expect(await seen('jeugd')).toEqual({
      ...PARTNER_BASE,
      assessments: ['RLS beoordeling'],
      safety: ['RLS veiligheid'],
    });
    await owner.rows(sql`update legal_bases set ended_at = now() where id = ${id}`);
    expect(await seen('jeugd')).toEqual(PARTNER_BASE);
    await clearConsent();
  });

  it('an uninvolved professional sees nothing, consent given to others or not', async () => {
    await clearConsent();
    await consentForJeugd();
    expect(await seen('ggz')).toEqual(NOTHING);
    await clearConsent();
  });

  it('emergency access makes the household readable while it lasts; expired, it does not', async () => {
    expect(await seen('verslaving')).toEqual(NOTHING);
    const id = await insertEmergencyAccess(owner, {
      householdId: hid,
      userId: ids.get('verslaving')!.user,
      organisationId: ids.get('verslaving')!.org,
      expiresInMinutes: 240,
    });
    expect(await seen('verslaving')).toEqual(EVERYTHING);
    await insertEmergencyAccess(owner, {
      householdId: hid,
      userId: ids.get('woning')!.user,
      organisationId: ids.get('woning')!.org,
      expiresInMinutes: -1,
    });
    expect(await seen('woning')).toEqual(NOTHING);
    await owner.rows(
      sql`update emergency_accesses set expires_at = now() - interval '1 second' where id = ${id}`,
    );
    expect(await seen('verslaving')).toEqual(NOTHING);
    await owner.rows(
      sql`update emergency_accesses set expires_at = now() + interval '1 hour' where id = ${id}`,
    );
    await owner.rows(sql`update emergency_accesses set ended_at = now() where id = ${id}`);
    expect(await seen('verslaving')).toEqual(NOTHING);
  });

  it('under emergency access the database refuses every write', async () => {
    const eva = ids.get('verslaving')!;
    await insertEmergencyAccess(owner, {
      householdId: hid,
      userId: eva.user,
      organisationId: eva.org,
      expiresInMinutes: 60,
    });
    expect((await seen('verslaving')).members).toEqual(['Kind Test', 'Ouder Test']);
    const refused = (e: unknown) =>
      /row-level security|permission denied/.test(String((e as { cause?: Error }).cause?.message ?? e));
    const inserts: SQL[] = [
      sql`insert into members (household_id, name, role) values (${hid}, 'Indringer', 'child') returning id`,
      sql`insert into contacts (household_id, member_id, professional_id, organisation_id, planned_at, status, note)
          values (${hid}, ${parent}, ${eva.user}, ${eva.org}, now(), 'attended', 'Noodbezoek') returning id`,
      sql`insert into help_questions (household_id, domain, text, created_by)
          values (${hid}, 'housing', 'Indringer', ${eva.user}) returning id`,
      sql`insert into safety_assessments (household_id, assessed_on, child_ids, concerns, risk_level, created_by)
          values (${hid}, current_date, ${JSON.stringify([child])}::jsonb, 'Indringer', 'low', ${eva.user}) returning id`,
    ];
    for (const q of inserts) await expect(rowsAsActor(t, eva.user, q)).rejects.toSatisfy(refused);
    const updates: [string, SQL][] = [
      ['update members', sql`update members set name = 'Gekaapt' where household_id = ${hid} returning id`],
      ['update households', sql`update households set name = 'Gekaapt' where id = ${hid} returning id`],
      ['update contacts', sql`update contacts set note = 'Gekaapt' where household_id = ${hid} returning id`],
      [
        'update help questions',
        sql`update help_questions set text = 'Gekaapt' where household_id = ${hid} returning id`,
      ],
      ['delete contacts', sql`delete from contacts where household_id = ${hid} returning id`],
    ];
    for (const [label, q] of updates) {
      const res = await rowsAsActor(t, eva.user, q).catch((e: unknown) =>
        refused(e) ? [] : Promise.reject(e as Error),
      );
      expect(res, label).toEqual([]);
    }
    expect(await seen('coord1')).toEqual(EVERYTHING);
  });
});
