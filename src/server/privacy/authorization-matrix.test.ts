/**
 * The authorization matrix (issue 5, "Proof"): relation to the household × consent state × data category ×
 * endpoint, each case asserting the exact outcome: the status (200, 403, 404) and, for a 200, whether that
 * category's data is in the response or absent from it.
 *
 * This test is an independent oracle: the expected outcome is written out below from the specification, never
 * computed with the production rules (src/domain/privacy, the access catalogue). One household carries data of
 * every category, each piece with a marker string that occurs nowhere else; a marker is in a response exactly
 * when the endpoint shows that kind of data and the caller may see its category.
 *
 * The audit trail is checked on the same requests: every row has a basis; reads that relied on a consent or a
 * sharing basis name it; reads through emergency access are flagged.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, type TestApp, as, createTestApp } from '../testing/api.js';
import { testDbKinds } from '../testing/databases.js';
import { pdfPages } from '../testing/pdf.js';
import {
  type OwnerAccess,
  amsterdamDay,
  insertConsent,
  insertEmergencyAccess,
  insertSharingBasis,
  ownerAccess,
} from '../testing/owner.js';

// ---------------------------------------------------------------------------------------------------------------
// The specification, written out
// ---------------------------------------------------------------------------------------------------------------

const CATEGORIES = ['identity', 'plan', 'contacts', 'assessment', 'safety', 'health', 'financial'] as const;
type Category = (typeof CATEGORIES)[number];
const SENSITIVE: Category[] = ['contacts', 'assessment', 'safety', 'health', 'financial'];

type OrgKey = 'wijkteam' | 'jeugd' | 'schuld' | 'ggz' | 'verslaving' | 'woning' | 'gemeente';
type MemberKey = 'parent' | 'child' | 'other';

/** How the caller relates to the household. */
type RelationKind = 'coordinator' | 'partner' | 'emergency' | 'privacy' | 'none';
interface Relation {
  name: string;
  user: string;
  org: OrgKey;
  kind: RelationKind;
}
const RELATIONS: Relation[] = [
  { name: 'coordinator', user: 'coord1', org: 'wijkteam', kind: 'coordinator' },
  { name: 'involved partner', user: 'jeugd', org: 'jeugd', kind: 'partner' },
  { name: 'involved partner of the other organisation', user: 'schuld', org: 'schuld', kind: 'partner' },
  { name: 'partner of an uninvolved organisation', user: 'ggz', org: 'ggz', kind: 'none' },
  { name: 'manager of an involved organisation', user: 'jeugdmgr', org: 'jeugd', kind: 'none' },
  { name: 'process manager', user: 'process', org: 'gemeente', kind: 'none' },
  { name: 'policy viewer', user: 'policy', org: 'gemeente', kind: 'none' },
  { name: 'unrelated coordinator', user: 'coord2', org: 'wijkteam', kind: 'none' },
  { name: 'privacy officer', user: 'privacy', org: 'gemeente', kind: 'privacy' },
  { name: 'emergency access', user: 'verslaving', org: 'verslaving', kind: 'emergency' },
  { name: 'expired emergency access', user: 'woning', org: 'woning', kind: 'none' },
];

/** A consent or sharing basis of a consent state; `inForce` is what the spec says about it, written by hand. */
interface GrantSpec {
  kind: 'consent' | 'basis';
  org: OrgKey;
  categories: readonly Category[];
  /** Per member (a consent is always per member); a basis here is for the whole household. */
  members: readonly MemberKey[] | null;
  inForce: boolean;
  givenOn?: number;
  validUntil?: number;
  withdrawn?: boolean;
  ended?: boolean;
}
const ALL_MEMBERS: MemberKey[] = ['parent', 'child', 'other'];
const consent = (
  org: OrgKey,
  categories: readonly Category[],
  inForce: boolean,
  extra: Partial<GrantSpec> = {},
): GrantSpec => ({ kind: 'consent', org, categories, members: ALL_MEMBERS, inForce, ...extra });

const STATES: { name: string; grants: GrantSpec[] }[] = [
  { name: 'no consent', grants: [] },
  { name: 'consent for all categories in force', grants: [consent('jeugd', CATEGORIES, true)] },
  { name: 'that consent withdrawn', grants: [consent('jeugd', CATEGORIES, false, { withdrawn: true })] },
  {
    name: 'that consent expired',
    grants: [consent('jeugd', CATEGORIES, false, { givenOn: -400, validUntil: -1 })],
  },
  {
    name: 'consent not yet in force',
    grants: [consent('jeugd', CATEGORIES, false, { givenOn: 1, validUntil: 365 })],
  },
  {
    name: 'consent given only to another organisation',
    grants: [consent('schuld', CATEGORIES, true)],
  },
  {
    name: 'sharing basis (meldrecht) in force',
    grants: [{ kind: 'basis', org: 'jeugd', categories: SENSITIVE, members: null, inForce: true }],
  },
  {
    name: 'sharing basis ended',
    grants: [
      { kind: 'basis', org: 'jeugd', categories: SENSITIVE, members: null, inForce: false, ended: true },
    ],
  },
  { name: 'consent for health only', grants: [consent('jeugd', ['health'], true)] },
  {
    name: 'consent for all categories, the parent only',
    grants: [consent('jeugd', CATEGORIES, true, { members: ['parent'] })],
  },
];

/** Whether a grant in force opens `cat` of data about `member` (null: the household as a whole) to `org`. */
function granted(
  grants: readonly GrantSpec[],
  org: OrgKey,
  cat: Category,
  member: MemberKey | null,
): boolean {
  return grants.some(
    (g) =>
      g.inForce &&
      g.org === org &&
      g.categories.includes(cat) &&
      (g.members === null || member === null || g.members.includes(member)),
  );
}

/** A piece of data in the household, found in a response by `probe`. */
interface Marker {
  key: string;
  /** The category it is counted under. */
  category: Category;
  /** Every category the caller must be allowed to see it (an assessment's health score: assessment and health). */
  requires: readonly Category[];
  member: MemberKey | null;
  /** Contacts: the organisation that logged it (its own professionals always see it). */
  org?: OrgKey;
  /** A plan action assigned to this organisation's professional: theirs to see always. */
  ownedBy?: OrgKey;
}

const MARKERS: Marker[] = [
  { key: 'ID_HH', category: 'identity', requires: ['identity'], member: null },
  { key: 'ID_MEMBER', category: 'identity', requires: ['identity'], member: 'other' },
  { key: 'LVB', category: 'health', requires: ['health'], member: 'child' },
  { key: 'PLAN_HQ', category: 'plan', requires: ['plan'], member: null },
  { key: 'PLAN_GOAL', category: 'plan', requires: ['plan'], member: 'parent' },
  { key: 'OWN_ACTION', category: 'plan', requires: ['health'], member: 'parent', ownedBy: 'jeugd' },
  { key: 'HEALTH_HQ', category: 'health', requires: ['health'], member: 'parent' },
  { key: 'HEALTH_GOAL', category: 'health', requires: ['health'], member: 'parent' },
  { key: 'FIN_HQ', category: 'financial', requires: ['financial'], member: 'parent' },
  { key: 'FIN_GOAL', category: 'financial', requires: ['financial'], member: 'parent' },
  { key: 'MIX_GOAL', category: 'financial', requires: ['financial'], member: 'parent' },
  { key: 'ASSESS_NOTE', category: 'assessment', requires: ['assessment'], member: 'parent' },
  { key: 'ASSESS_SCORE', category: 'assessment', requires: ['assessment'], member: 'parent' },
  { key: 'ASSESS_CHILD', category: 'assessment', requires: ['assessment'], member: 'child' },
  { key: 'ASSESS_EVENT', category: 'assessment', requires: ['assessment'], member: 'parent' },
  { key: 'HEALTH_SCORE', category: 'health', requires: ['assessment', 'health'], member: 'parent' },
  { key: 'FIN_SCORE', category: 'financial', requires: ['assessment', 'financial'], member: 'parent' },
  { key: 'SAFETY', category: 'safety', requires: ['safety'], member: null },
  { key: 'CONTACT_OTHER', category: 'contacts', requires: ['contacts'], member: 'parent', org: 'schuld' },
  { key: 'CONTACT_OWN', category: 'contacts', requires: ['contacts'], member: 'parent', org: 'jeugd' },
  { key: 'CONTACT_COORD', category: 'contacts', requires: ['contacts'], member: 'parent', org: 'wijkteam' },
];
const PLAN_MARKERS = [
  'PLAN_HQ',
  'PLAN_GOAL',
  'OWN_ACTION',
  'HEALTH_HQ',
  'HEALTH_GOAL',
  'FIN_HQ',
  'FIN_GOAL',
  'MIX_GOAL',
];

/** May this caller see this marker's data, in this consent state? (Status aside: see `expectedStatus`.) */
function allowed(rel: Relation, grants: readonly GrantSpec[], m: Marker): boolean {
  if (rel.kind === 'coordinator' || rel.kind === 'emergency') return true;
  if (rel.kind === 'privacy') return m.requires.every((c) => c === 'identity');
  if (rel.kind === 'none') return false;
  if (m.ownedBy === rel.org) return true;
  return m.requires.every((cat) => {
    if (cat === 'identity' || cat === 'plan') return true;
    if (cat === 'contacts' && m.org === rel.org) return true;
    return granted(grants, rel.org, cat, m.member);
  });
}

interface Endpoint {
  name: string;
  /** The markers whose kind of data the endpoint shows (to someone who may see everything). */
  shows: readonly string[];
  /** A one-category endpoint: 403 when that category is not allowed. */
  only?: Category;
  pdf?: boolean;
  list?: boolean;
}
const ENDPOINTS: Endpoint[] = [
  { name: 'GET household', shows: ['ID_HH'] },
  { name: 'GET household list', shows: ['ID_HH'], list: true },
  { name: 'GET members', shows: ['ID_MEMBER', 'LVB'] },
  { name: 'GET network contacts', shows: [] },
  { name: 'GET involvements', shows: [] },
  { name: 'GET history', shows: ['ID_HH', 'ID_MEMBER', 'LVB'] },
  { name: 'GET plan', shows: PLAN_MARKERS },
  {
    name: 'GET assessments',
    shows: ['ASSESS_NOTE', 'ASSESS_SCORE', 'ASSESS_CHILD', 'HEALTH_SCORE', 'FIN_SCORE'],
  },
  { name: 'GET safety assessments', shows: ['SAFETY'], only: 'safety' },
  { name: 'GET contacts', shows: ['CONTACT_OTHER', 'CONTACT_OWN', 'CONTACT_COORD'] },
  { name: 'GET plan versions', shows: [] },
  // The version's agreement names every member who must agree.
  { name: 'GET plan version', shows: ['ID_MEMBER', ...PLAN_MARKERS] },
  { name: 'GET plan compare', shows: PLAN_MARKERS },
  { name: 'GET plan PDF', shows: ['ID_HH', 'ID_MEMBER', ...PLAN_MARKERS], pdf: true },
  { name: 'GET plan PDF of a version', shows: ['ID_HH', 'ID_MEMBER', ...PLAN_MARKERS], pdf: true },
  {
    name: 'GET timeline',
    shows: ['ID_HH', 'ID_MEMBER', 'CONTACT_OTHER', 'CONTACT_OWN', 'CONTACT_COORD', 'ASSESS_EVENT'],
  },
];

/** The status a caller gets. */
function expectedStatus(rel: Relation, grants: readonly GrantSpec[], ep: Endpoint): number {
  if (ep.list) return 200;
  switch (rel.kind) {
    case 'coordinator':
    case 'emergency':
      return 200;
    case 'partner':
      return ep.only && !granted(grants, rel.org, ep.only, null) ? 403 : 200;
    case 'privacy':
      return ep.name === 'GET household' ? 200 : 403;
    case 'none':
      return 404;
  }
}

/** Whether the household is in the caller's list; `null`: not specified (emergency access). */
function expectedInList(rel: Relation): boolean | null {
  if (rel.kind === 'emergency') return null;
  return rel.kind === 'coordinator' || rel.kind === 'partner';
}

// ---------------------------------------------------------------------------------------------------------------
// Reading responses
// ---------------------------------------------------------------------------------------------------------------

async function pdfText(body: Buffer): Promise<string> {
  return (await pdfPages(body)).join('\n');
}

interface Fetched {
  status: number;
  text: string;
  json: unknown;
}

// ---------------------------------------------------------------------------------------------------------------
// The test
// ---------------------------------------------------------------------------------------------------------------

// Hundreds of requests per consent state: generous time limits for a loaded CI machine.
describe.each(testDbKinds())('the authorization matrix on %s', (kind) => {
  let t: TestApp;
  let owner: OwnerAccess;
  const tag = randomBytes(3).toString('hex').toUpperCase();
  /** The marker string of each piece of data: unique, and no marker is part of another. */
  const M = Object.fromEntries(MARKERS.map((m) => [m.key, `MRK${tag}${m.key.replace('_', '')}Z`])) as Record<
    string,
    string
  >;
  const clients = new Map<string, ApiClient>();
  const userIds = new Map<string, string>();
  const orgIds = new Map<OrgKey, string>();
  let hid = '';
  let coordId = '';
  const memberIds = {} as Record<MemberKey, string>;
  let latestVersion = 0;
  let emergencyId = '';
  let cases = 0;
  let markerChecks = 0;
  const started = Date.now();

  beforeAll(async () => {
    t = await createTestApp(kind);
    owner = await ownerAccess(t);
    await Promise.all(
      RELATIONS.map(async (rel) => {
        const c = await as(t.app, rel.user);
        const me = (await c.get('/api/v1/auth/session')).body.user;
        clients.set(rel.user, c);
        userIds.set(rel.user, me.id);
        orgIds.set(rel.org, me.organisation.id);
      }),
    );
    coordId = userIds.get('coord1')!;
    const c = clients.get('coord1')!;
    const h = await c.post('/api/v1/households', {
      name: `Familie ${M.ID_HH}`,
      address: { street: 'Teststraat', houseNumber: '1', postcode: '8011 AB', city: 'Zwolle' },
      pyramidCategory: 2,
      members: [
        { name: 'Ouder Test', dateOfBirth: '1985-05-05', role: 'parent' },
        { name: 'Kind Test', dateOfBirth: '2015-05-05', role: 'child', lvb: true },
        { name: M.ID_MEMBER, dateOfBirth: '1960-01-01', role: 'other_adult' },
      ],
      networkContacts: [{ name: 'Oma Test', relation: 'Grootmoeder', quality: 'supportive' }],
    });
    expect(h.status).toBe(201);
    hid = h.body.id;
    const members = (await c.get(`/api/v1/households/${hid}/members`)).body.items as {
      id: string;
      role: string;
    }[];
    memberIds.parent = members.find((m) => m.role === 'parent')!.id;
    memberIds.child = members.find((m) => m.role === 'child')!.id;
    memberIds.other = members.find((m) => m.role === 'other_adult')!.id;
    for (const key of ['jeugd', 'schuld'])
      expect(
        (await c.post(`/api/v1/households/${hid}/involvements`, { userId: userIds.get(key) })).status,
      ).toBe(201);

    const base = `/api/v1/households/${hid}/plan`;
    const ok = async (p: Promise<{ status: number; body: any }>) => {
      const res = await p;
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    };
    // Version 1 holds nothing marked, so a comparison with it shows every marked item as added.
    await ok(c.post(`${base}/help-questions`, { domain: 'justice', text: 'Rust en regelmaat' }));
    await ok(c.post(`${base}/help-questions`, { domain: 'housing', text: `${M.PLAN_HQ} woning` }));
    await ok(
      c.post(`${base}/help-questions`, {
        domain: 'substance_use',
        memberId: memberIds.parent,
        text: `${M.HEALTH_HQ} drank`,
      }),
    );
    await ok(
      c.post(`${base}/help-questions`, {
        domain: 'finances',
        memberId: memberIds.parent,
        text: `${M.FIN_HQ} schulden`,
      }),
    );
    const goal = (text: string, domains: string[]) =>
      ok(
        c.post(`${base}/goals`, {
          text,
          memberIds: [memberIds.parent],
          domains,
          kind: 'personal',
          successCriterion: 'Dat zeggen we zelf',
          targetDate: amsterdamDay(90),
        }),
      );
    await goal(`${M.PLAN_GOAL} woning`, ['housing']);
    await goal(`${M.HEALTH_GOAL} rust`, ['mental_health']);
    await goal(`${M.FIN_GOAL} budget`, ['finances']);
    await goal(`${M.MIX_GOAL} huur`, ['housing', 'finances']);
    const actGoal = await goal('Gezond bewegen', ['physical_health']);
    await ok(
      c.post(`${base}/actions`, {
        goalId: actGoal.id,
        what: `${M.OWN_ACTION} sporten`,
        assignee: { kind: 'professional', id: userIds.get('jeugd') },
        dueDate: amsterdamDay(14),
      }),
    );
    await ok(
      c.post(`${base}/assessments`, {
        memberId: memberIds.parent,
        assessedOn: amsterdamDay(-1),
        note: `${M.ASSESS_NOTE} samenvatting`,
        scores: [
          { domain: 'housing', score: 3, note: `${M.ASSESS_SCORE} woning` },
          { domain: 'mental_health', score: 2, note: `${M.HEALTH_SCORE} somber` },
          { domain: 'finances', score: 1, note: `${M.FIN_SCORE} achterstand` },
        ],
      }),
    );
    await ok(
      c.post(`${base}/assessments`, {
        memberId: memberIds.child,
        assessedOn: amsterdamDay(-1),
        note: `${M.ASSESS_CHILD} school`,
        scores: [{ domain: 'daytime_activities', score: 3 }],
      }),
    );
    await ok(
      c.post(`${base}/safety-assessments`, {
        assessedOn: amsterdamDay(-1),
        childIds: [memberIds.child],
        concerns: `${M.SAFETY} spanning`,
        riskLevel: 'moderate',
      }),
    );
    const plannedAt = new Date(Date.now() - 86400000).toISOString();
    for (const [user, key] of [
      ['schuld', 'CONTACT_OTHER'],
      ['jeugd', 'CONTACT_OWN'],
      ['coord1', 'CONTACT_COORD'],
    ] as const)
      await ok(
        clients.get(user)!.post(`/api/v1/households/${hid}/contacts`, {
          memberId: memberIds.parent,
          plannedAt,
          status: 'attended',
          note: `${M[key]} gesprek`,
        }),
      );
    latestVersion = (await c.get(base)).body.currentVersion;
    expect(latestVersion).toBeGreaterThan(1);
    expect((await c.post(`${base}/versions/${latestVersion}/propose`)).status).toBe(200);

    emergencyId = await insertEmergencyAccess(owner, {
      householdId: hid,
      userId: userIds.get('verslaving')!,
      organisationId: orgIds.get('verslaving')!,
      expiresInMinutes: 240,
    });
    await insertEmergencyAccess(owner, {
      householdId: hid,
      userId: userIds.get('woning')!,
      organisationId: orgIds.get('woning')!,
      expiresInMinutes: -5,
    });
  }, 600_000);

  afterAll(async () => {
    console.log(
      `authorization matrix on ${kind}: ${cases} cases (relation × consent state × category × endpoint), ` +
        `${markerChecks} marker checks, ${Math.round((Date.now() - started) / 1000)} s`,
    );
    await owner?.close();
    await t?.close();
  });

  const urlOf = (ep: Endpoint): string => {
    const h = `/api/v1/households/${hid}`;
    switch (ep.name) {
      case 'GET household':
        return h;
      case 'GET household list':
        return '/api/v1/households';
      case 'GET members':
        return `${h}/members`;
      case 'GET network contacts':
        return `${h}/network-contacts`;
      case 'GET involvements':
        return `${h}/involvements`;
      case 'GET history':
        return `${h}/history`;
      case 'GET plan':
        return `${h}/plan`;
      case 'GET assessments':
        return `${h}/plan/assessments`;
      case 'GET safety assessments':
        return `${h}/plan/safety-assessments`;
      case 'GET contacts':
        return `${h}/contacts`;
      case 'GET plan versions':
        return `${h}/plan/versions`;
      case 'GET plan version':
        return `${h}/plan/versions/${latestVersion}`;
      case 'GET plan compare':
        return `${h}/plan/compare?from=1&to=${latestVersion}`;
      case 'GET plan PDF':
        return `${h}/plan/pdf`;
      case 'GET plan PDF of a version':
        return `${h}/plan/pdf?version=${latestVersion}&lang=en`;
      case 'GET timeline':
        return `${h}/timeline`;
    }
    throw new Error(`no url for ${ep.name}`);
  };

  async function fetch(client: ApiClient, ep: Endpoint): Promise<Fetched> {
    const url = urlOf(ep);
    if (ep.pdf) {
      const raw = await t.app.inject({ method: 'GET', url, headers: { cookie: client.cookie! } });
      const text = raw.statusCode === 200 ? await pdfText(raw.rawPayload) : raw.body;
      return { status: raw.statusCode, text, json: null };
    }
    const res = await client.get(url);
    let json: unknown = res.body;
    if (ep.list && res.status === 200)
      // Only the household under test: the caller's other households are not this test's business.
      json = (res.body.items as { id: string }[]).find((x) => x.id === hid) ?? null;
    return { status: res.status, text: JSON.stringify(json), json };
  }

  /** Whether the marker's data is in the response. */
  function present(m: Marker, ep: Endpoint, f: Fetched): boolean {
    if (m.key === 'LVB') {
      if (ep.name === 'GET members') {
        const items = (f.json as { items: Record<string, unknown>[] }).items;
        const child = items.find((x) => x.id === memberIds.child);
        return child !== undefined && 'lvb' in child;
      }
      if (ep.name === 'GET history') {
        const items = (f.json as { items: { recordId: string; data: Record<string, unknown> }[] }).items;
        return items.some((x) => x.recordId === memberIds.child && 'lvb' in (x.data ?? {}));
      }
      return false;
    }
    if (m.key === 'ASSESS_EVENT') {
      if (ep.name !== 'GET timeline') return false;
      const items = (f.json as { items: { type: string; memberIds: string[] }[] }).items;
      return items.some((x) => x.type === 'assessment.recorded' && x.memberIds.includes(memberIds.parent));
    }
    return f.text.includes(M[m.key]!);
  }

  for (const state of STATES) {
    it(`consent state: ${state.name}`, async () => {
      // The consent state, planted with owner rights (replacing the previous state's rows).
      await owner.rows(sql`delete from consents where household_id = ${hid}`);
      await owner.rows(sql`delete from legal_bases where household_id = ${hid}`);
      const refs: { spec: GrantSpec; ref: string }[] = [];
      for (const g of state.grants) {
        if (g.kind === 'consent') {
          for (const mk of g.members ?? ALL_MEMBERS) {
            const id = await insertConsent(owner, {
              householdId: hid,
              memberId: memberIds[mk],
              organisationId: orgIds.get(g.org)!,
              categories: g.categories,
              recordedBy: coordId,
              ...(g.givenOn !== undefined ? { givenOn: amsterdamDay(g.givenOn) } : {}),
              ...(g.validUntil !== undefined ? { validUntil: amsterdamDay(g.validUntil) } : {}),
              ...(g.withdrawn ? { withdrawn: true } : {}),
            });
            refs.push({ spec: g, ref: `consent:${id}` });
          }
        } else {
          const id = await insertSharingBasis(owner, {
            householdId: hid,
            organisationId: orgIds.get(g.org)!,
            categories: g.categories,
            recordedBy: userIds.get('jeugd')!,
            ...(g.ended ? { ended: true } : {}),
          });
          refs.push({ spec: g, ref: `basis:${id}` });
        }
      }
      const [head] = await owner.rows<{ seq: string | number }>(
        sql`select coalesce(max(seq), 0) as seq from audit_events`,
      );
      const before = head!.seq;

      const mismatches: string[] = [];
      // The relations ask at the same time (each its own session), the endpoints of one relation in turn.
      const check = async (rel: Relation) => {
        const client = clients.get(rel.user)!;
        for (const ep of ENDPOINTS) {
          const f = await fetch(client, ep);
          const want = expectedStatus(rel, state.grants, ep);
          const inList = ep.list ? expectedInList(rel) : true;
          const where = `${rel.name} | ${state.name} | ${ep.name}`;
          if (inList === null) continue; // not specified: neither asserted nor counted
          for (const cat of CATEGORIES) {
            cases++;
            if (f.status !== want) {
              mismatches.push(`${where} | ${cat}: status ${f.status}, expected ${want}`);
              continue;
            }
            if (f.status !== 200) continue;
            if (ep.list) {
              const listed = f.json !== null;
              if (cat === 'identity' && listed !== inList)
                mismatches.push(
                  `${where} | ${cat}: household ${listed ? 'in' : 'absent from'} the list, expected ${inList ? 'in' : 'absent'}`,
                );
            }
            for (const m of MARKERS.filter((x) => x.category === cat)) {
              markerChecks++;
              const expected =
                ep.shows.includes(m.key) && allowed(rel, state.grants, m) && (!ep.list || inList);
              const got = present(m, ep, f);
              if (got !== expected)
                mismatches.push(
                  `${where} | ${cat}: ${m.key} ${got ? 'present' : 'absent'}, expected ${expected ? 'present' : 'absent'}`,
                );
            }
          }
        }
      };
      await Promise.all(RELATIONS.map(check));
      mismatches.sort();

      // The audit trail of these reads.
      const rows = await owner.rows<{
        seq: string;
        user_id: string | null;
        object_type: string;
        action: string;
        basis: string | null;
        emergency: boolean;
        consent: string | null;
        outcome: string;
      }>(sql`select seq, user_id, object_type, action, basis, emergency, consent, outcome from audit_events
             where seq > ${before} and household_id = ${hid} order by seq`);
      const auditProblems: string[] = [];
      const nameOf = new Map([...userIds].map(([k, v]) => [v, k]));
      const relOf = (userId: string | null) => RELATIONS.find((r) => userIds.get(r.user) === userId);
      const readsBy = new Map<string, number>();
      for (const r of rows) {
        const rel = relOf(r.user_id);
        const who = `${rel?.name ?? nameOf.get(r.user_id ?? '') ?? r.user_id} | ${state.name} | audit ${r.object_type} ${r.action} ${r.outcome} (seq ${r.seq})`;
        if (!r.basis || r.basis.trim() === '') auditProblems.push(`${who}: no basis`);
        if (r.outcome !== 'success' || !rel) continue;
        readsBy.set(rel.name, (readsBy.get(rel.name) ?? 0) + 1);
        if (rel.kind === 'emergency') {
          if (!r.emergency) auditProblems.push(`${who}: emergency read without emergency=true`);
          if (!(r.basis ?? '').includes(emergencyId))
            auditProblems.push(`${who}: emergency read with basis ${r.basis}`);
        } else if (r.emergency) auditProblems.push(`${who}: emergency=true on a normal read`);
        if (rel.kind === 'partner' || rel.kind === 'coordinator') {
          const inForce = refs.filter((x) => x.spec.inForce && x.spec.org === rel.org).map((x) => x.ref);
          const named = r.consent ? r.consent.split(',').map((s) => s.trim()) : [];
          for (const n of named)
            if (!inForce.includes(n))
              auditProblems.push(`${who}: names ${n}, which is not in force for them`);
          const relied = [
            'assessment',
            'plan',
            'contact',
            'safety',
            'timeline',
            'plan_pdf',
            'plan_version',
          ].some((p) => r.object_type.startsWith(p));
          if (rel.kind === 'partner' && inForce.length > 0 && relied && named.length === 0)
            auditProblems.push(`${who}: relied on ${inForce.join(',')} but the row names none`);
        }
      }
      for (const rel of RELATIONS)
        if (rel.kind === 'partner' || rel.kind === 'coordinator' || rel.kind === 'emergency')
          if (!readsBy.get(rel.name))
            auditProblems.push(`${rel.name} | ${state.name}: no audit row of their reads`);

      const show = (list: string[]) =>
        `${list.length} mismatches:\n${list.slice(0, 120).join('\n')}${list.length > 120 ? '\n…' : ''}`;
      expect.soft(mismatches.length, show(mismatches)).toBe(0);
      expect.soft(auditProblems.length, show(auditProblems)).toBe(0);
    }, 600_000);
  }

  it('emergency access reads, but writes nothing (403)', async () => {
    const e = clients.get('verslaving')!;
    const h = `/api/v1/households/${hid}`;
    expect((await e.get(h)).status).toBe(200);
    const writes = [
      await e.post(`${h}/contacts`, {
        memberId: memberIds.parent,
        plannedAt: new Date().toISOString(),
        note: 'Noodbezoek',
      }),
      await e.post(`${h}/members`, { name: 'Indringer', role: 'child' }),
      await e.post(`${h}/plan/help-questions`, { domain: 'housing', text: 'Indringer' }),
    ];
    expect(writes.map((w) => w.status)).toEqual([403, 403, 403]);
    expect(emergencyId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('prints its case count: at least 2,000', () => {
    console.log(`authorization matrix on ${kind}: ${cases} cases`);
    expect(cases).toBeGreaterThanOrEqual(2000);
  });
});
