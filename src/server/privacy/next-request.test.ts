/**
 * Changing access takes effect on the very next request (issue 5, "Proof"): a consent withdrawn, a professional
 * detached, an account disabled. The same logged-in clients are used throughout: nothing is cached in the session.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, type TestApp, as, createTestApp } from '../testing/api.js';
import { testDbKinds } from '../testing/databases.js';
import { type OwnerAccess, amsterdamDay, insertConsent, ownerAccess } from '../testing/owner.js';

describe.each(testDbKinds())('access changes on the next request on %s', (kind) => {
  let t: TestApp;
  let owner: OwnerAccess;
  let coord: ApiClient;
  const who = new Map<string, { id: string; org: string; client: ApiClient }>();

  beforeAll(async () => {
    t = await createTestApp(kind);
    owner = await ownerAccess(t);
    for (const key of ['coord1', 'jeugd', 'schuld']) {
      const client = await as(t.app, key);
      const me = (await client.get('/api/v1/auth/session')).body.user;
      who.set(key, { id: me.id, org: me.organisation.id, client });
    }
    coord = who.get('coord1')!.client;
  });
  afterAll(async () => {
    await owner?.close();
    await t?.close();
  });

  /** A household with a finance help question and an assessment of the parent, and the given partners involved. */
  async function household(name: string, partners: string[]) {
    const id = (
      await coord.post('/api/v1/households', {
        name,
        members: [{ name: 'Ouder Test', role: 'parent' }],
      })
    ).body.id as string;
    const parent = (await coord.get(`/api/v1/households/${id}/members`)).body.items[0].id as string;
    const involvements = new Map<string, string>();
    for (const key of partners) {
      const res = await coord.post(`/api/v1/households/${id}/involvements`, { userId: who.get(key)!.id });
      expect(res.status).toBe(201);
      involvements.set(key, res.body.id);
    }
    expect(
      (
        await coord.post(`/api/v1/households/${id}/plan/help-questions`, {
          domain: 'finances',
          memberId: parent,
          text: 'Volgende-verzoek schulden',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await coord.post(`/api/v1/households/${id}/plan/assessments`, {
          memberId: parent,
          assessedOn: amsterdamDay(-1),
          note: 'Volgende-verzoek beoordeling',
          scores: [{ domain: 'housing', score: 3 }],
        })
      ).status,
    ).toBe(201);
    return { id, parent, involvements };
  }

  it('a consent withdrawn: the very next request lacks what it opened', async () => {
    const h = await household('Familie Intrekking', ['jeugd']);
    const lotte = who.get('jeugd')!;
    const consentId = await insertConsent(owner, {
      householdId: h.id,
      memberId: h.parent,
      organisationId: lotte.org,
      categories: ['assessment', 'financial', 'safety'],
      recordedBy: who.get('coord1')!.id,
    });
    const base = `/api/v1/households/${h.id}`;
    const before = {
      plan: await lotte.client.get(`${base}/plan`),
      assessments: await lotte.client.get(`${base}/plan/assessments`),
      safety: await lotte.client.get(`${base}/plan/safety-assessments`),
    };
    expect(before.plan.status).toBe(200);
    expect(JSON.stringify(before.plan.body)).toContain('Volgende-verzoek schulden');
    expect(JSON.stringify(before.assessments.body)).toContain('Volgende-verzoek beoordeling');
    expect(before.safety.status).toBe(200);

    await owner.rows(sql`update consents set withdrawn_at = now(), withdrawn_by = ${who.get('coord1')!.id}
                         where id = ${consentId}`);

    const plan = await lotte.client.get(`${base}/plan`);
    expect(plan.status).toBe(200);
    expect(JSON.stringify(plan.body)).not.toContain('Volgende-verzoek schulden');
    const assessments = await lotte.client.get(`${base}/plan/assessments`);
    expect(assessments.status).toBe(200);
    expect(JSON.stringify(assessments.body)).not.toContain('Volgende-verzoek beoordeling');
    expect((await lotte.client.get(`${base}/plan/safety-assessments`)).status).toBe(403);
    // Still involved: the household itself stays open to them.
    expect((await lotte.client.get(base)).status).toBe(200);
  });

  it('a professional detached: the very next request is 404 and the household leaves their list', async () => {
    const h = await household('Familie Losgekoppeld', ['jeugd']);
    const lotte = who.get('jeugd')!.client;
    const base = `/api/v1/households/${h.id}`;
    expect((await lotte.get(base)).status).toBe(200);
    expect((await lotte.get(`${base}/members`)).status).toBe(200);
    expect(
      ((await lotte.get('/api/v1/households')).body.items as { id: string }[]).some((x) => x.id === h.id),
    ).toBe(true);

    expect((await coord.del(`${base}/involvements/${h.involvements.get('jeugd')}`)).status).toBe(204);

    for (const path of ['', '/members', '/plan', '/plan/assessments', '/contacts', '/timeline'])
      expect((await lotte.get(`${base}${path}`)).status, path || 'household').toBe(404);
    expect(
      ((await lotte.get('/api/v1/households')).body.items as { id: string }[]).some((x) => x.id === h.id),
    ).toBe(false);
  });

  it('an account disabled by the administrator: the very next request is 401', async () => {
    const h = await household('Familie Uitgeschakeld', ['schuld']);
    const fatma = who.get('schuld')!;
    const base = `/api/v1/households/${h.id}`;
    expect((await fatma.client.get(base)).status).toBe(200);

    const admin = await as(t.app, 'admin');
    const user = (await admin.get(`/api/v1/users/${fatma.id}`)).body;
    expect((await admin.patch(`/api/v1/users/${fatma.id}`, { active: false }, user.version)).status).toBe(
      200,
    );

    expect((await fatma.client.get(base)).status).toBe(401);
    expect((await fatma.client.get(`${base}/plan`)).status).toBe(401);
    expect((await fatma.client.get('/api/v1/households')).status).toBe(401);
  });
});
