import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Assignee, AssigneeRef, ParticipantRef } from '../../../contracts/plan.js';
import { invalid } from '../../../domain/shared/errors.js';
import type { Scope } from '../../db/scope.js';
import { involvements, members, networkContacts, organisations, users } from '../../db/schema/index.js';

/**
 * Everyone a plan can refer to in one household: members, network contacts, and the professionals and
 * organisations involved now. Names of people no longer involved stay resolvable for earlier versions.
 */
export interface People {
  members: Map<
    string,
    { id: string; name: string; role: string; lvb: boolean; phone: string; removed: boolean }
  >;
  contacts: Map<string, { id: string; name: string; phone: string; removed: boolean }>;
  /** Current involvements: professional user id → their organisation. */
  professionals: Map<
    string,
    {
      id: string;
      name: string;
      phone: string;
      email: string;
      organisationId: string;
      organisation: string;
      relation: string;
    }
  >;
  organisations: Map<string, { id: string; name: string; phone: string }>;
}

export async function loadPeople(scope: Scope, householdId: string): Promise<People> {
  const [ms, cs, invs] = await Promise.all([
    scope.tx.select().from(members).where(eq(members.householdId, householdId)).orderBy(members.createdAt),
    scope.tx
      .select()
      .from(networkContacts)
      .where(eq(networkContacts.householdId, householdId))
      .orderBy(networkContacts.createdAt),
    scope.tx
      .select({
        userId: users.id,
        name: users.name,
        phone: users.phone,
        email: users.email,
        orgId: organisations.id,
        orgName: organisations.name,
        orgPhone: organisations.phone,
        relation: involvements.relation,
      })
      .from(involvements)
      .innerJoin(users, eq(users.id, involvements.userId))
      .innerJoin(organisations, eq(organisations.id, involvements.organisationId))
      .where(and(eq(involvements.householdId, householdId), isNull(involvements.endedAt)))
      .orderBy(involvements.startedAt),
  ]);
  const people: People = {
    members: new Map(),
    contacts: new Map(),
    professionals: new Map(),
    organisations: new Map(),
  };
  for (const m of ms)
    people.members.set(m.id, {
      id: m.id,
      name: m.name,
      role: m.role,
      lvb: m.lvb,
      phone: m.phone,
      removed: m.removedAt !== null,
    });
  for (const c of cs)
    people.contacts.set(c.id, { id: c.id, name: c.name, phone: c.phone, removed: c.removedAt !== null });
  for (const i of invs) {
    people.professionals.set(i.userId, {
      id: i.userId,
      name: i.name,
      phone: i.phone,
      email: i.email,
      organisationId: i.orgId,
      organisation: i.orgName,
      relation: i.relation,
    });
    people.organisations.set(i.orgId, { id: i.orgId, name: i.orgName, phone: i.orgPhone });
  }
  return people;
}

/** Names of professionals and organisations referred to by older records but no longer involved. */
export async function addFormerlyInvolved(
  scope: Scope,
  people: People,
  userIds: string[],
  orgIds: string[],
): Promise<void> {
  const missingUsers = [...new Set(userIds)].filter((id) => !people.professionals.has(id));
  const missingOrgs = [...new Set(orgIds)].filter((id) => !people.organisations.has(id));
  if (missingUsers.length > 0) {
    const rows = await scope.tx
      .select({
        id: users.id,
        name: users.name,
        phone: users.phone,
        email: users.email,
        orgId: organisations.id,
        orgName: organisations.name,
      })
      .from(users)
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .where(inArray(users.id, missingUsers));
    for (const r of rows) {
      people.professionals.set(r.id, {
        id: r.id,
        name: r.name,
        phone: r.phone,
        email: r.email,
        organisationId: r.orgId,
        organisation: r.orgName,
        relation: 'former',
      });
    }
  }
  if (missingOrgs.length > 0) {
    const rows = await scope.tx
      .select({ id: organisations.id, name: organisations.name, phone: organisations.phone })
      .from(organisations)
      .where(inArray(organisations.id, missingOrgs));
    for (const r of rows) people.organisations.set(r.id, r);
  }
}

/** Checks that members belong to this household (and are not removed). */
export function checkMembers(people: People, ids: readonly string[], path: string) {
  const issues = ids
    .map((id, i) => ({ id, i }))
    .filter(({ id }) => !people.members.get(id) || people.members.get(id)!.removed)
    .map(({ i }) => ({ path: `${path}.${i}`, message: 'Not a member of this household.' }));
  if (issues.length > 0) throw invalid(issues);
}

export interface ResolvedAssignee {
  assignee: Assignee;
  userId: string | null;
  organisationId: string | null;
}

/** An assignee must be involved in the household now: a professional or organisation, a member, a network contact. */
export function resolveAssignee(people: People, ref: AssigneeRef, path = 'assignee.id'): ResolvedAssignee {
  const notInvolved = () => invalid([{ path, message: 'Not involved in this household.' }]);
  switch (ref.kind) {
    case 'professional': {
      const p = people.professionals.get(ref.id);
      if (!p || p.relation === 'former') throw notInvolved();
      return {
        assignee: { kind: ref.kind, id: p.id, name: p.name, organisation: p.organisation, phone: p.phone },
        userId: p.id,
        organisationId: null,
      };
    }
    case 'organisation': {
      const o = people.organisations.get(ref.id);
      if (
        !o ||
        ![...people.professionals.values()].some((p) => p.organisationId === o.id && p.relation !== 'former')
      )
        throw notInvolved();
      return {
        assignee: { kind: ref.kind, id: o.id, name: o.name, organisation: null, phone: o.phone },
        userId: null,
        organisationId: o.id,
      };
    }
    case 'member': {
      const m = people.members.get(ref.id);
      if (!m || m.removed) throw notInvolved();
      return {
        assignee: { kind: ref.kind, id: m.id, name: m.name, organisation: null, phone: m.phone },
        userId: null,
        organisationId: null,
      };
    }
    case 'network_contact': {
      const c = people.contacts.get(ref.id);
      if (!c || c.removed) throw notInvolved();
      return {
        assignee: { kind: ref.kind, id: c.id, name: c.name, organisation: null, phone: c.phone },
        userId: null,
        organisationId: null,
      };
    }
  }
}

/** The assignee as shown, also when they are no longer involved (earlier records). */
export function describeAssignee(people: People, kind: string, id: string): Assignee {
  const k = kind as Assignee['kind'];
  if (k === 'professional') {
    const p = people.professionals.get(id);
    return {
      kind: k,
      id,
      name: p?.name ?? '?',
      organisation: p?.organisation ?? null,
      phone: p?.phone ?? '',
    };
  }
  if (k === 'organisation') {
    const o = people.organisations.get(id);
    return { kind: k, id, name: o?.name ?? '?', organisation: null, phone: o?.phone ?? '' };
  }
  if (k === 'member') {
    const m = people.members.get(id);
    return { kind: k, id, name: m?.name ?? '?', organisation: null, phone: m?.phone ?? '' };
  }
  const c = people.contacts.get(id);
  return { kind: k, id, name: c?.name ?? '?', organisation: null, phone: c?.phone ?? '' };
}

export function checkParticipants(people: People, refs: readonly ParticipantRef[]): void {
  const issues = refs
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => {
      if (r.kind === 'member') return !people.members.get(r.id) || people.members.get(r.id)!.removed;
      if (r.kind === 'network_contact')
        return !people.contacts.get(r.id) || people.contacts.get(r.id)!.removed;
      const p = people.professionals.get(r.id);
      return !p || p.relation === 'former';
    })
    .map(({ i }) => ({ path: `participants.${i}.id`, message: 'Not involved in this household.' }));
  if (issues.length > 0) throw invalid(issues);
}

export function participantName(people: People, r: ParticipantRef): string {
  if (r.kind === 'member') return people.members.get(r.id)?.name ?? '?';
  if (r.kind === 'network_contact') return people.contacts.get(r.id)?.name ?? '?';
  return people.professionals.get(r.id)?.name ?? '?';
}
