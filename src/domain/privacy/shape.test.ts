import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIFE_DOMAINS, type LifeDomain } from '../plan/domains.js';
import { CategoryAccess, type CategorySource } from './access.js';
import { DATA_CATEGORIES } from './categories.js';
import {
  type Viewer,
  contactVisible,
  isOwnAction,
  shapeAssessment,
  shapeHistoryData,
  shapeMember,
  shapePlan,
  shapeReferral,
} from './shape.js';

const MEMBERS = ['m1', 'm2'];
const GOALS = ['g1', 'g2', 'g3'];
const domainArb = fc.constantFrom<LifeDomain>(...LIFE_DOMAINS);
const sourceArb: fc.Arbitrary<CategorySource> = fc.record({
  ref: fc.uuid().map((id) => `consent:${id}`),
  memberId: fc.option(fc.constantFrom(...MEMBERS), { nil: null }),
  categories: fc.subarray([...DATA_CATEGORIES]),
});
const partner = (sources: CategorySource[] = []): Viewer => ({
  userId: 'u1',
  organisationId: 'o1',
  access: CategoryAccess.partner(sources),
});
const coordinator: Viewer = { userId: 'c1', organisationId: 'o9', access: CategoryAccess.everything() };

const planArb = fc.record({
  helpQuestions: fc.array(
    fc.record({
      id: fc.uuid(),
      memberId: fc.option(fc.constantFrom(...MEMBERS), { nil: null }),
      domain: domainArb,
    }),
    { maxLength: 6 },
  ),
  goals: fc.uniqueArray(
    fc.record({
      id: fc.constantFrom(...GOALS),
      domains: fc.uniqueArray(domainArb, { minLength: 1, maxLength: 3 }),
      members: fc.subarray(MEMBERS, { minLength: 1 }).map((ids) => ids.map((id) => ({ id }))),
    }),
    { selector: (g) => g.id, maxLength: 3 },
  ),
  actions: fc.array(
    fc.record({
      goalId: fc.constantFrom(...GOALS),
      assignee: fc.record({
        kind: fc.constantFrom('professional', 'organisation', 'member'),
        id: fc.constantFrom('u1', 'u2', 'o1', 'o2', 'm1'),
      }),
      progressNote: fc.string(),
    }),
    { maxLength: 6 },
  ),
  evaluations: fc.array(
    fc.record({
      notes: fc.string(),
      decisions: fc.array(fc.record({ goalId: fc.constantFrom(...GOALS), progress: fc.string() }), {
        maxLength: 3,
      }),
    }),
    { maxLength: 2 },
  ),
});

describe('shapePlan', () => {
  it('leaves the plan whole for the coordinator (property)', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        expect(shapePlan(coordinator, plan)).toBe(plan);
      }),
      { numRuns: 100 },
    );
  });

  it('never shows a partner more than allowed, and always their own part (property)', () => {
    fc.assert(
      fc.property(planArb, fc.array(sourceArb, { maxLength: 3 }), (plan, sources) => {
        const v = partner(sources);
        const shaped = shapePlan(v, plan);
        expect(shaped.helpQuestions.length).toBeLessThanOrEqual(plan.helpQuestions.length);
        for (const h of shaped.helpQuestions) expect(plan.helpQuestions).toContain(h);
        const goalIds = new Set(shaped.goals.map((g) => g.id));
        for (const a of plan.actions) {
          if (isOwnAction(v, a)) expect(shaped.actions).toContainEqual(a);
        }
        for (const a of shaped.actions) {
          if (!isOwnAction(v, a)) {
            expect(a).not.toHaveProperty('progressNote');
            expect(goalIds.has(a.goalId)).toBe(true);
          }
        }
        for (const e of shaped.evaluations) {
          expect(e).not.toHaveProperty('notes');
          for (const d of e.decisions) {
            expect(d).not.toHaveProperty('progress');
            expect(goalIds.has(d.goalId)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('leaves out a help question about addiction without a health consent for that member', () => {
    const plan = {
      helpQuestions: [
        { id: 'h1', memberId: 'm1', domain: 'substance_use' as const },
        { id: 'h2', memberId: 'm1', domain: 'housing' as const },
      ],
      goals: [],
      actions: [],
      evaluations: [],
    };
    expect(shapePlan(partner(), plan).helpQuestions.map((h) => h.id)).toEqual(['h2']);
    const forM2 = partner([{ ref: 'consent:x', memberId: 'm2', categories: ['health'] }]);
    expect(shapePlan(forM2, plan).helpQuestions.map((h) => h.id)).toEqual(['h2']);
    const forM1 = partner([{ ref: 'consent:x', memberId: 'm1', categories: ['health'] }]);
    expect(shapePlan(forM1, plan).helpQuestions.map((h) => h.id)).toEqual(['h1', 'h2']);
  });

  it('keeps a goal in a finance domain visible to the partner who works on it', () => {
    const plan = {
      helpQuestions: [],
      goals: [{ id: 'g1', domains: ['finances' as const], members: [{ id: 'm1' }] }],
      actions: [{ goalId: 'g1', assignee: { kind: 'organisation', id: 'o1' }, progressNote: 'bezig' }],
      evaluations: [],
    };
    expect(shapePlan(partner(), plan).goals).toHaveLength(1);
    const other: Viewer = { ...partner(), organisationId: 'o2', userId: 'u2' };
    expect(shapePlan(other, plan).goals).toHaveLength(0);
    expect(shapePlan(other, plan).actions).toHaveLength(0);
  });
});

describe('shapeAssessment', () => {
  const a = {
    memberId: 'm1',
    note: 'n',
    scores: [
      { domain: 'housing' as const },
      { domain: 'finances' as const },
      { domain: 'mental_health' as const },
    ],
  };
  it('leaves the whole assessment out without the assessment category', () => {
    expect(shapeAssessment(partner(), a)).toBeNull();
    expect(shapeAssessment(partner([{ ref: 'r', memberId: 'm1', categories: ['health'] }]), a)).toBeNull();
  });
  it('shows only the domains whose category is open', () => {
    const v = partner([{ ref: 'r', memberId: 'm1', categories: ['assessment', 'health'] }]);
    expect(shapeAssessment(v, a)!.scores.map((s) => s.domain)).toEqual(['housing', 'mental_health']);
    expect(shapeAssessment(coordinator, a)).toBe(a);
  });
});

describe('members, contacts and history', () => {
  it('leaves the lvb flag out without health for that member', () => {
    expect(shapeMember(partner(), { id: 'm1', lvb: true })).toEqual({ id: 'm1' });
    expect(shapeMember(coordinator, { id: 'm1', lvb: true })).toEqual({ id: 'm1', lvb: true });
    expect(shapeHistoryData(partner(), 'member', 'm1', { name: 'X', lvb: true })).toEqual({ name: 'X' });
    expect(shapeHistoryData(partner(), 'network_contact', 'n1', { name: 'X' })).toEqual({ name: 'X' });
  });
  it('shows contacts of the own organisation, others only with the contacts category', () => {
    const c = { organisationId: 'o2', professionalId: 'u2', memberId: 'm1' };
    expect(contactVisible(partner(), { ...c, organisationId: 'o1' })).toBe(true);
    expect(contactVisible(partner(), c)).toBe(false);
    expect(contactVisible(partner([{ ref: 'r', memberId: 'm1', categories: ['contacts'] }]), c)).toBe(true);
  });
});

describe('shapeReferral', () => {
  const r = {
    sender: { organisation: { id: 'o2' } },
    service: { organisation: { id: 'o3' } },
    question: 'Hulp bij schulden',
    reason: 'Wachtlijst',
    steps: [{ note: 'Intake gepland', at: 'x' }],
  };
  it('shows the sending and receiving organisation everything', () => {
    expect(shapeReferral({ ...partner(), organisationId: 'o2' }, r)).toBe(r);
    expect(shapeReferral({ ...partner(), organisationId: 'o3' }, r)).toBe(r);
    expect(shapeReferral(coordinator, r)).toBe(r);
  });
  it('shows another partner the main lines only', () => {
    const shaped = shapeReferral(partner(), r);
    expect(shaped).not.toHaveProperty('question');
    expect(shaped).not.toHaveProperty('reason');
    expect(shaped.steps).toEqual([{ at: 'x' }]);
  });
});
