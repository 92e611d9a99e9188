import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, aHousehold, as, createTestApp } from '../../testing/api.js';
import { testDbKinds } from '../../testing/databases.js';
import { pdfPages as pdfText } from '../../testing/pdf.js';

const day = (offset: number) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);

describe.each(testDbKinds())('the plan on paper on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t.close();
  });

  it('a PDF in plain Dutch and in English: goals in their own words, who does what by when, evaluations, who to call', async () => {
    const c = await as(t.app, 'coord1');
    const id = (await c.post('/api/v1/households', aHousehold('Familie Papier'))).body.id as string;
    const base = `/api/v1/households/${id}/plan`;
    const parent = (await c.get(`/api/v1/households/${id}/members`)).body.items[0].id as string;
    const pros = (await c.get('/api/v1/professionals')).body.items as { id: string; name: string }[];
    await c.post(`/api/v1/households/${id}/involvements`, {
      userId: pros.find((p) => p.name === 'Fatma Demir')!.id,
    });
    await c.post(`${base}/help-questions`, {
      memberId: parent,
      domain: 'finances',
      text: 'Ik wil weten hoeveel geld ik elke week heb',
    });
    const g = await c.post(`${base}/goals`, {
      text: 'Ik wil rust in mijn hoofd over geld',
      memberIds: [parent],
      domains: ['finances'],
      kind: 'personal',
      successCriterion: 'Ik slaap weer goed',
      targetDate: day(120),
    });
    await c.post(`${base}/actions`, {
      goalId: g.body.id,
      what: 'Samen alle rekeningen sorteren',
      assignee: { kind: 'member', id: parent },
      dueDate: day(10),
    });
    await c.post(`${base}/evaluations`, {
      plannedOn: day(42),
      participants: [{ kind: 'member', id: parent }],
    });

    const nl = await c.get(`${base}/pdf`);
    expect(nl.status).toBe(200);
    expect(nl.headers['content-type']).toBe('application/pdf');
    expect(String(nl.headers['content-disposition'])).toMatch(
      /^attachment; filename="plan-familie-papier-v4\.pdf"$/,
    );
    const raw = await t.app.inject({ method: 'GET', url: `${base}/pdf`, headers: { cookie: c.cookie! } });
    const text = (await pdfText(raw.rawPayload)).join('\n');
    expect(text).toContain('Ons plan: Familie Papier');
    expect(text).toContain('Versie 4');
    expect(text).toContain('nog niet door iedereen afgesproken');
    expect(text).toContain('"Ik wil rust in mijn hoofd over geld"');
    expect(text).toContain('Zo weten we dat het gelukt is: Ik slaap weer goed');
    expect(text).toContain('Wie doet wat?');
    expect(text).toContain('Ouder Test: Samen alle rekeningen sorteren');
    const [y, m, d] = day(10).split('-');
    expect(text).toContain(`uiterlijk ${d}-${m}-${y} (nog te doen)`);
    expect(text).toContain('Wanneer kijken we samen hoe het gaat?');
    expect(text).toContain('Je regisseur: Sanne de Boer, Wijkteam Zwolle-Zuid');
    expect(text).toContain('06 1000 0001');
    expect(text).toContain('Fatma Demir, Schuldhulp Zwolle');
    expect(text).toContain('"Ik wil weten hoeveel geld ik elke week heb"');

    const en = await t.app.inject({
      method: 'GET',
      url: `${base}/pdf?lang=en&version=2`,
      headers: { cookie: c.cookie! },
    });
    expect(en.statusCode).toBe(200);
    const enText = (await pdfText(en.rawPayload)).join('\n');
    expect(enText).toContain('Our plan: Familie Papier');
    expect(enText).toContain('Version 2');
    expect(enText).toContain('Who can you call?');
    expect(enText).not.toContain('Samen alle rekeningen sorteren');

    expect((await c.get(`${base}/pdf?lang=fr`)).status).toBe(400);
    expect((await c.get(`${base}/pdf?version=9`)).status).toBe(404);
    const privacy = await as(t.app, 'privacy');
    const audit = await privacy.get(`/api/v1/audit?householdId=${id}&action=export`);
    expect(audit.body.items.filter((e: { objectType: string }) => e.objectType === 'plan_pdf')).toHaveLength(
      3,
    );
  });
});
