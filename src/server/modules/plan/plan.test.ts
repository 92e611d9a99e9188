import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, type TestApp, aHousehold, as, createTestApp } from '../../testing/api.js';
import { testDbKinds } from '../../testing/databases.js';

const day = (offset: number) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);

interface Setup {
  id: string;
  c: ApiClient;
  parent: string;
  child: string;
  contact: string;
  lotte: string;
  jeugdOrg: string;
  schuldOrg: string;
}

describe.each(testDbKinds())('the plan on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t.close();
  });

  /** A household (a parent, a child with LVB, a grandmother) with Lotte (Jeugdhulp) and Fatma (Schuldhulp) involved. */
  async function household(name: string): Promise<Setup> {
    const c = await as(t.app, 'coord1');
    const id = (await c.post('/api/v1/households', aHousehold(name))).body.id as string;
    const pros = (await c.get('/api/v1/professionals')).body.items as { id: string; name: string }[];
    const lotte = pros.find((p) => p.name === 'Lotte Visser')!.id;
    const fatma = pros.find((p) => p.name === 'Fatma Demir')!.id;
    const a1 = await c.post(`/api/v1/households/${id}/involvements`, { userId: lotte });
    const a2 = await c.post(`/api/v1/households/${id}/involvements`, { userId: fatma });
    const members = (await c.get(`/api/v1/households/${id}/members`)).body.items as {
      id: string;
      role: string;
    }[];
    const contact = (await c.get(`/api/v1/households/${id}/network-contacts`)).body.items[0].id as string;
    return {
      id,
      c,
      parent: members.find((m) => m.role === 'parent')!.id,
      child: members.find((m) => m.role === 'child')!.id,
      contact,
      lotte,
      jeugdOrg: a1.body.organisation.id,
      schuldOrg: a2.body.organisation.id,
    };
  }

  const goal = (memberIds: string[], text = 'Rust in ons huis') => ({
    text,
    memberIds,
    domains: ['domestic_relations'],
    kind: 'personal',
    successCriterion: 'We maken minder ruzie, zeggen we zelf',
    targetDate: day(90),
  });

  it('assessments: only relevant domains, kept and dated; partners see none without consent; bad input changes nothing', async () => {
    const s = await household('Familie Meting');
    const url = `/api/v1/households/${s.id}/plan/assessments`;
    const first = await s.c.post(url, {
      memberId: s.parent,
      assessedOn: day(-30),
      scores: [
        {
          domain: 'finances',
          score: 2,
          note: 'Huurachterstand',
          strengths: 'Wil graag hulp',
          reliesOn: ['professional'],
        },
        { domain: 'housing', score: 3 },
      ],
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      memberName: 'Ouder Test',
      scores: [
        { domain: 'finances', score: 2, note: 'Huurachterstand', reliesOn: ['professional'] },
        { domain: 'housing', score: 3 },
      ],
    });
    expect(
      (
        await s.c.post(url, {
          memberId: s.parent,
          assessedOn: day(0),
          scores: [{ domain: 'finances', score: 3 }],
        })
      ).status,
    ).toBe(201);

    const bad: [unknown, string][] = [
      [
        { memberId: s.parent, assessedOn: day(0), scores: [{ domain: 'finances', score: 6 }] },
        'scores.0.score',
      ],
      [
        { memberId: s.parent, assessedOn: day(0), scores: [{ domain: 'finances', score: 0 }] },
        'scores.0.score',
      ],
      [
        { memberId: s.parent, assessedOn: day(0), scores: [{ domain: 'astrology', score: 3 }] },
        'scores.0.domain',
      ],
      [{ memberId: s.parent, assessedOn: day(0), scores: [] }, 'scores'],
      [
        {
          memberId: s.parent,
          assessedOn: day(0),
          scores: [
            { domain: 'justice', score: 3 },
            { domain: 'justice', score: 4 },
          ],
        },
        'scores.1.domain',
      ],
      [{ memberId: s.parent, assessedOn: day(2), scores: [{ domain: 'justice', score: 3 }] }, 'assessedOn'],
    ];
    for (const [body, path] of bad) {
      const res = await s.c.post(url, body);
      expect(res.status, path).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(path);
    }
    const other = await household('Familie Ander');
    const foreign = await s.c.post(url, {
      memberId: other.parent,
      assessedOn: day(0),
      scores: [{ domain: 'finances', score: 3 }],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.fields).toEqual([
      { path: 'memberId.0', message: 'Not a member of this household.' },
    ]);

    const list = await s.c.get(url);
    expect(list.body.items.map((a: { assessedOn: string }) => a.assessedOn)).toEqual([day(-30), day(0)]);
    const partner = await as(t.app, 'jeugd');
    const seen = await partner.get(url);
    expect(seen.status).toBe(200);
    // Assessment scores are a sensitive category: without the member's consent the partner sees none.
    expect(seen.body.items).toEqual([]);
    expect(
      (
        await partner.post(url, {
          memberId: s.parent,
          assessedOn: day(0),
          scores: [{ domain: 'finances', score: 3 }],
        })
      ).status,
    ).toBe(403);
  });

  it('the safety assessment is for the coordinator only', async () => {
    const s = await household('Familie Veilig');
    const url = `/api/v1/households/${s.id}/plan/safety-assessments`;
    const res = await s.c.post(url, {
      assessedOn: day(0),
      childIds: [s.child],
      concerns: 'Veel spanning thuis',
      protectiveFactors: 'Oma is dichtbij',
      riskLevel: 'moderate',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      children: [{ name: 'Kind Test' }],
      riskLevel: 'moderate',
      recordedBy: { name: 'Sanne de Boer' },
    });
    expect(
      (await s.c.post(url, { assessedOn: day(0), childIds: [s.parent], concerns: 'x', riskLevel: 'low' }))
        .body.error.fields[0].path,
    ).toBe('childIds.0');
    expect(
      (await s.c.post(url, { assessedOn: day(0), childIds: [s.child], concerns: 'x', riskLevel: 'extreme' }))
        .status,
    ).toBe(400);
    expect((await s.c.get(url)).body.items).toHaveLength(1);
    const partner = await as(t.app, 'jeugd');
    expect((await partner.get(url)).status).toBe(403);
    expect(
      (await partner.post(url, { assessedOn: day(0), childIds: [s.child], concerns: 'x', riskLevel: 'low' }))
        .status,
    ).toBe(403);
  });

  it('goals: at most 5 open, at most 3 when they concern someone with LVB, explained and refused without change', async () => {
    const s = await household('Familie Doelen');
    const url = `/api/v1/households/${s.id}/plan/goals`;
    for (let i = 1; i <= 3; i++)
      expect((await s.c.post(url, goal([s.parent], `Doel ${i}`))).status).toBe(201);
    const lvb = await s.c.post(url, goal([s.child], 'Naar school gaan'));
    expect(lvb.status).toBe(422);
    expect(lvb.body.error.code).toBe('RULE_VIOLATION');
    expect(lvb.body.error.message).toContain('At most 3 goals');
    expect(lvb.body.error.message).toContain('Kind Test');
    expect((await s.c.post(url, goal([s.parent], 'Doel 4'))).status).toBe(201);
    const fifth = await s.c.post(url, goal([s.parent], 'Doel 5'));
    expect(fifth.status).toBe(201);
    const sixth = await s.c.post(url, goal([s.parent], 'Doel 6'));
    expect(sixth.status).toBe(422);
    expect(sixth.body.error.message).toContain('At most 5 goals');
    const plan = await s.c.get(`/api/v1/households/${s.id}/plan`);
    expect(plan.body.goals).toHaveLength(5);
    expect(plan.body.goalLimit).toEqual({ limit: 5, open: 5, lvbMembers: [] });
    const reached = await s.c.patch(`${url}/${fifth.body.id}`, { status: 'reached' }, 1);
    expect(reached.status).toBe(200);
    expect((await s.c.post(url, goal([s.parent], 'Doel 6'))).status).toBe(201);
    const reopen = await s.c.patch(`${url}/${fifth.body.id}`, { status: 'active' }, 2);
    expect(reopen.status).toBe(422);

    const bad: [unknown, string][] = [
      [{ ...goal([s.parent]), targetDate: day(-1) }, 'targetDate'],
      [{ ...goal([s.parent]), domains: ['weather'] }, 'domains.0'],
      [{ ...goal([]) }, 'memberIds'],
      [{ ...goal([s.parent]), text: '' }, 'text'],
      [{ ...goal([s.parent]), status: 'forgotten' }, 'status'],
    ];
    for (const [body, path] of bad) {
      const res = await s.c.post(url, body);
      expect(res.status, path).toBe(400);
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(path);
    }
    expect((await s.c.get(`/api/v1/households/${s.id}/plan`)).body.goals).toHaveLength(6);
  });

  it('actions: assigned to someone involved; partners update only their own or their organisation’s; stale edits get 412', async () => {
    const s = await household('Familie Acties');
    const base = `/api/v1/households/${s.id}/plan`;
    const g = (await s.c.post(`${base}/goals`, goal([s.parent]))).body.id as string;
    const mk = (assignee: { kind: string; id: string }, what = 'Iets doen') =>
      s.c.post(`${base}/actions`, { goalId: g, what, assignee, dueDate: day(14) });
    const forLotte = await mk({ kind: 'professional', id: s.lotte }, 'Opvoedgesprekken plannen');
    expect(forLotte.status).toBe(201);
    expect(forLotte.body).toMatchObject({
      assignee: { kind: 'professional', name: 'Lotte Visser', organisation: 'Jeugdhulp IJsselland' },
      status: 'open',
      mine: false,
    });
    const forSchuld = await mk({ kind: 'organisation', id: s.schuldOrg }, 'Budgetbeheer starten');
    expect(forSchuld.body.assignee).toMatchObject({ name: 'Schuldhulp Zwolle' });
    expect((await mk({ kind: 'member', id: s.parent }, 'Post openmaken')).body.assignee.name).toBe(
      'Ouder Test',
    );
    expect((await mk({ kind: 'network_contact', id: s.contact }, 'Oppassen')).body.assignee.name).toBe(
      'Oma Test',
    );

    const pros = (await s.c.get('/api/v1/professionals')).body.items as {
      id: string;
      name: string;
      organisation?: { id: string };
    }[];
    const mark = pros.find((p) => p.name === 'Mark Hendriks')!.id;
    const other = await household('Familie Elders');
    const before = (await s.c.get(base)).body.actions.length;
    const bad: [unknown, string][] = [
      [
        { goalId: g, what: 'x', assignee: { kind: 'professional', id: mark }, dueDate: day(3) },
        'assignee.id',
      ],
      [
        { goalId: g, what: 'x', assignee: { kind: 'member', id: other.parent }, dueDate: day(3) },
        'assignee.id',
      ],
      [{ goalId: g, what: 'x', assignee: { kind: 'member', id: s.parent }, dueDate: day(-1) }, 'dueDate'],
      [
        {
          goalId: g,
          what: 'x',
          assignee: { kind: 'member', id: s.parent },
          dueDate: day(3),
          status: 'blocked',
        },
        'blockedReason',
      ],
      [{ goalId: g, what: 'x', assignee: { kind: 'alien', id: s.parent }, dueDate: day(3) }, 'assignee.kind'],
    ];
    for (const [body, path] of bad) {
      const res = await s.c.post(`${base}/actions`, body);
      expect(res.status, path).toBe(400);
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(path);
    }
    expect((await s.c.get(base)).body.actions).toHaveLength(before);

    const lotte = await as(t.app, 'jeugd');
    const seen = await lotte.get(base);
    expect(seen.body.actions.find((a: { id: string }) => a.id === forLotte.body.id).mine).toBe(true);
    expect(seen.body.actions.find((a: { id: string }) => a.id === forSchuld.body.id).mine).toBe(false);
    const report = await lotte.patch(
      `${base}/actions/${forLotte.body.id}/report`,
      { status: 'blocked', blockedReason: 'Wachtlijst tot mei', progressNote: 'Intake gehad' },
      1,
    );
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({
      status: 'blocked',
      blockedReason: 'Wachtlijst tot mei',
      progressNote: 'Intake gehad',
      version: 2,
    });
    expect(
      (await lotte.patch(`${base}/actions/${forSchuld.body.id}/report`, { status: 'done' }, 1)).status,
    ).toBe(403);
    expect((await lotte.patch(`${base}/actions/${forLotte.body.id}`, { what: 'Anders' }, 2)).status).toBe(
      403,
    );
    const fatma = await as(t.app, 'schuld');
    expect(
      (await fatma.patch(`${base}/actions/${forSchuld.body.id}/report`, { status: 'in_progress' }, 1)).status,
    ).toBe(200);

    const stale = await s.c.patch(`${base}/actions/${forLotte.body.id}`, { what: 'Verouderd' }, 1);
    expect(stale.status).toBe(412);
    expect(stale.body.error).toMatchObject({
      code: 'STALE_VERSION',
      current: { status: 'blocked', version: 2 },
    });
    expect(
      (await s.c.request('PATCH', `${base}/actions/${forLotte.body.id}`, { body: { what: 'x' } })).status,
    ).toBe(428);
    const ok = await s.c.patch(`${base}/actions/${forLotte.body.id}`, { status: 'in_progress' }, 2);
    expect(ok.body).toMatchObject({ status: 'in_progress', blockedReason: '', version: 3 });
  });

  it('evaluations: cannot be closed without the next date unless the plan closes; decisions set the goal status', async () => {
    const s = await household('Familie Evaluatie');
    const base = `/api/v1/households/${s.id}/plan`;
    const g1 = (await s.c.post(`${base}/goals`, goal([s.parent], 'Schulden op een rij'))).body.id as string;
    const g2 = (await s.c.post(`${base}/goals`, goal([s.parent], 'Elke dag naar buiten'))).body.id as string;
    expect(
      (
        await s.c.post(`${base}/evaluations`, {
          plannedOn: day(-1),
          participants: [{ kind: 'member', id: s.parent }],
        })
      ).status,
    ).toBe(400);
    const other = await household('Familie Derde');
    const foreign = await s.c.post(`${base}/evaluations`, {
      plannedOn: day(7),
      participants: [{ kind: 'member', id: other.parent }],
    });
    expect(foreign.body.error.fields).toEqual([
      { path: 'participants.0.id', message: 'Not involved in this household.' },
    ]);
    const ev = await s.c.post(`${base}/evaluations`, {
      plannedOn: day(0),
      participants: [
        { kind: 'member', id: s.parent },
        { kind: 'professional', id: s.lotte },
      ],
    });
    expect(ev.status).toBe(201);
    expect(ev.body.participants.map((p: { name: string }) => p.name)).toEqual(['Ouder Test', 'Lotte Visser']);
    const rec = `${base}/evaluations/${ev.body.id}/record`;
    const decisions = [
      { goalId: g1, progress: 'Alle post is open', decision: 'reached' },
      { goalId: g2, progress: 'Lukt twee keer per week', decision: 'adjust' },
    ];
    const noNext = await s.c.request('POST', rec, { body: { heldOn: day(0), decisions }, ifMatch: 1 });
    expect(noNext.status).toBe(400);
    expect(noNext.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['nextEvaluationOn']);
    const missing = await s.c.request('POST', rec, {
      body: { heldOn: day(0), decisions: decisions.slice(0, 1), nextEvaluationOn: day(60) },
      ifMatch: 1,
    });
    expect(missing.status).toBe(400);
    const unchanged = await s.c.get(base);
    expect(unchanged.body.goals.map((g: { status: string }) => g.status)).toEqual(['active', 'active']);
    expect(unchanged.body.evaluations).toHaveLength(1);

    const done = await s.c.request('POST', rec, {
      body: { heldOn: day(0), decisions, notes: 'Goed gesprek', nextEvaluationOn: day(60) },
      ifMatch: 1,
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'held', heldOn: day(0), notes: 'Goed gesprek' });
    const after = await s.c.get(base);
    expect(after.body.goals.map((g: { status: string }) => g.status)).toEqual(['reached', 'adjusted']);
    expect(
      after.body.evaluations.map((e: { status: string; plannedOn: string }) => `${e.status}:${e.plannedOn}`),
    ).toEqual([`held:${day(0)}`, `planned:${day(60)}`]);
    expect(
      (
        await s.c.request('POST', rec, {
          body: { heldOn: day(0), decisions, nextEvaluationOn: day(60) },
          ifMatch: 2,
        })
      ).status,
    ).toBe(422);

    const lotte = await as(t.app, 'jeugd');
    const partnerView = await lotte.get(base);
    // Partners see the main lines: the notes and the progress are absent, not blanked.
    expect(partnerView.body.evaluations[0]).not.toHaveProperty('notes');
    expect(partnerView.body.evaluations[0].decisions).toHaveLength(2);
    for (const d of partnerView.body.evaluations[0].decisions) expect(d).not.toHaveProperty('progress');

    const next = after.body.evaluations[1];
    const close = await s.c.request('POST', `${base}/evaluations/${next.id}/record`, {
      body: {
        heldOn: day(0),
        decisions: [{ goalId: g2, progress: 'Gelukt', decision: 'reached' }],
        closesPlan: true,
      },
      ifMatch: next.version,
    });
    expect(close.status).toBe(200);
    const closed = await s.c.get(base);
    expect(closed.body.closed).toBe(true);
    const refused = await s.c.post(`${base}/goals`, goal([s.parent], 'Nog een doel'));
    expect(refused.status).toBe(422);
  });

  it('versions and agreement: every change a version, any two compared, the agreed version stays visible', async () => {
    const s = await household('Familie Akkoord');
    const base = `/api/v1/households/${s.id}/plan`;
    await s.c.post(`${base}/help-questions`, {
      memberId: s.parent,
      domain: 'finances',
      text: 'Ik wil weer overzicht over mijn geld',
    });
    const g = await s.c.post(`${base}/goals`, goal([s.parent], 'Geen nieuwe schulden'));
    await s.c.post(`${base}/actions`, {
      goalId: g.body.id,
      what: 'Budgetplan maken',
      assignee: { kind: 'organisation', id: s.schuldOrg },
      dueDate: day(21),
    });
    const plan = (await s.c.get(base)).body;
    expect(plan.currentVersion).toBe(3);
    const versions = await s.c.get(`${base}/versions`);
    expect(
      versions.body.items.map((v: { number: number; status: string }) => `${v.number}:${v.status}`),
    ).toEqual(['3:draft', '2:draft', '1:draft']);

    expect((await s.c.post(`${base}/versions/2/propose`)).status).toBe(422);
    expect(
      (
        await s.c.post(`${base}/versions/3/agreements`, {
          memberId: s.parent,
          method: 'app',
          signedOn: day(0),
        })
      ).status,
    ).toBe(422);
    const lotte = await as(t.app, 'jeugd');
    expect((await lotte.post(`${base}/versions/3/propose`)).status).toBe(403);
    expect((await s.c.post(`${base}/versions/3/propose`)).body.status).toBe('proposed');

    const paper = await s.c.post(`${base}/versions/3/agreements`, {
      memberId: s.parent,
      method: 'paper',
      signedOn: day(0),
    });
    expect(paper.status).toBe(201);
    expect(paper.body).toMatchObject({ complete: false, members: [{ name: 'Ouder Test', method: 'paper' }] });
    expect(paper.body.required.organisations.map((o: { name: string }) => o.name).sort()).toEqual([
      'Jeugdhulp IJsselland',
      'Schuldhulp Zwolle',
      'Wijkteam Zwolle-Zuid',
    ]);
    expect(
      (
        await s.c.post(`${base}/versions/3/agreements`, {
          memberId: s.parent,
          method: 'app',
          signedOn: day(0),
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await s.c.post(`${base}/versions/3/agreements`, {
          memberId: s.child,
          method: 'app',
          signedOn: day(1),
        })
      ).status,
    ).toBe(400);
    expect((await lotte.post(`${base}/versions/3/acknowledge`)).status).toBe(201);
    expect((await lotte.post(`${base}/versions/3/acknowledge`)).status).toBe(409);
    const fatma = await as(t.app, 'schuld');
    expect((await fatma.post(`${base}/versions/3/acknowledge`)).body.complete).toBe(false);
    const last = await s.c.post(`${base}/versions/3/acknowledge`);
    expect(last.body.complete).toBe(true);
    expect((await s.c.get(base)).body).toMatchObject({ agreedVersion: 3, proposedVersion: 3 });

    const upd = await s.c.patch(`${base}/goals/${g.body.id}`, { text: 'Geen nieuwe schulden maken' }, 1);
    expect(upd.status).toBe(200);
    const now = (await s.c.get(base)).body;
    expect(now).toMatchObject({ currentVersion: 4, agreedVersion: 3 });
    const list = (await s.c.get(`${base}/versions`)).body.items;
    expect(list.map((v: { number: number; status: string }) => `${v.number}:${v.status}`)).toEqual([
      '4:draft',
      '3:agreed',
      '2:draft',
      '1:draft',
    ]);
    const cmp = await s.c.get(`${base}/compare?from=3&to=4`);
    expect(cmp.body.changes).toEqual([
      expect.objectContaining({
        part: 'goals',
        change: 'changed',
        fields: [{ field: 'text', before: 'Geen nieuwe schulden', after: 'Geen nieuwe schulden maken' }],
      }),
    ]);
    const cmp13 = await s.c.get(`${base}/compare?from=1&to=3`);
    expect(cmp13.body.changes.map((c: { part: string; change: string }) => `${c.part}:${c.change}`)).toEqual([
      'goals:added',
      'actions:added',
    ]);
    const v3 = await lotte.get(`${base}/versions/3`);
    expect(v3.body).toMatchObject({ status: 'agreed', agreement: { complete: true } });
    expect(v3.body.snapshot.goals[0].text).toBe('Geen nieuwe schulden');
    expect((await s.c.get(`${base}/versions/99`)).status).toBe(404);
    expect((await s.c.get(`${base}/compare?from=1&to=abc`)).status).toBe(400);
    // A write that changes nothing makes no version.
    expect(
      (await s.c.patch(`${base}/goals/${g.body.id}`, { text: 'Geen nieuwe schulden maken' }, 2)).status,
    ).toBe(200);
    expect((await s.c.get(base)).body.currentVersion).toBe(4);
  });

  it('assessments, plan versions and evaluations appear on the household timeline', async () => {
    const s = await household('Familie Tijdlijn');
    const base = `/api/v1/households/${s.id}/plan`;
    await s.c.post(`${base}/assessments`, {
      memberId: s.parent,
      assessedOn: day(0),
      scores: [
        { domain: 'housing', score: 2 },
        { domain: 'finances', score: 3 },
      ],
    });
    await s.c.post(`${base}/goals`, goal([s.parent]));
    await s.c.post(`${base}/evaluations`, {
      plannedOn: day(30),
      participants: [{ kind: 'member', id: s.parent }],
    });
    await s.c.post(`${base}/versions/2/propose`);
    const res = await s.c.get(`/api/v1/households/${s.id}/timeline?kinds=assessment,plan_version,evaluation`);
    expect(res.status).toBe(200);
    const types = res.body.items.map((e: { type: string }) => e.type).sort();
    expect(types).toEqual([
      'assessment.recorded',
      'evaluation.planned',
      'plan_version.made',
      'plan_version.made',
      'plan_version.proposed',
    ]);
    const assessed = res.body.items.find((e: { type: string }) => e.type === 'assessment.recorded');
    expect(assessed).toMatchObject({
      memberIds: [s.parent],
      details: { domains: 2 },
      by: { name: 'Sanne de Boer' },
    });
  });

  it('a household one is not involved in answers 404 on every plan endpoint; reads and writes are audited', async () => {
    const s = await household('Familie Geheim');
    const base = `/api/v1/households/${s.id}/plan`;
    await s.c.post(`${base}/goals`, goal([s.parent]));
    const outsider = await as(t.app, 'coord2');
    for (const path of [
      '',
      '/assessments',
      '/safety-assessments',
      '/versions',
      '/versions/1',
      '/compare?from=1&to=1',
      '/pdf',
    ]) {
      const res = await outsider.get(`${base}${path}`);
      expect(res.status, path).toBe(404);
    }
    expect((await outsider.post(`${base}/goals`, goal([s.parent]))).status).toBe(404);
    await s.c.get(base);
    const privacy = await as(t.app, 'privacy');
    const audit = await privacy.get(`/api/v1/audit?householdId=${s.id}&limit=200`);
    const seen = new Set(
      audit.body.items.map((e: { objectType: string; action: string }) => `${e.objectType}:${e.action}`),
    );
    for (const k of ['goal:create', 'plan_version:create', 'plan:read']) expect(seen, k).toContain(k);
    const denied = audit.body.items.filter((e: { outcome: string }) => e.outcome === 'denied');
    expect(denied.length).toBeGreaterThan(0);
  });
});
