import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Contact, ContactInput, ContactPatch, ContactStatus } from '../../../contracts/chain.js';
import { checkContactChange, checkContactStatus } from '../../../domain/chain/contact.js';
import { DomainError, notFound } from '../../../domain/shared/errors.js';
import { contactVisible } from '../../../domain/privacy/shape.js';
import { viewerOf } from '../../access/categories.js';
import { requireAccess } from '../../access/require-access.js';
import type { Scope } from '../../db/scope.js';
import { organisations, users } from '../../db/schema/core.js';
import { members } from '../../db/schema/households.js';
import { contacts } from '../../db/schema/chain.js';
import { assertVersion } from '../../http/etag.js';

async function rows(scope: Scope, householdId: string, id?: string) {
  return scope.tx
    .select({ c: contacts, memberName: members.name, proName: users.name, orgName: organisations.name })
    .from(contacts)
    .innerJoin(users, eq(users.id, contacts.professionalId))
    .innerJoin(organisations, eq(organisations.id, contacts.organisationId))
    .leftJoin(members, eq(members.id, contacts.memberId))
    .where(and(eq(contacts.householdId, householdId), id ? eq(contacts.id, id) : undefined))
    .orderBy(desc(contacts.plannedAt))
    .limit(500);
}
type Row = Awaited<ReturnType<typeof rows>>[number];

/** A contact is kept by the organisation that had it; its professionals may record the outcome. */
const toContact = (scope: Scope, r: Row): Contact => ({
  id: r.c.id,
  householdId: r.c.householdId,
  member: r.c.memberId && r.memberName ? { id: r.c.memberId, name: r.memberName } : null,
  professional: { id: r.c.professionalId, name: r.proName },
  organisation: { id: r.c.organisationId, name: r.orgName },
  referralId: r.c.referralId,
  plannedAt: r.c.plannedAt.toISOString(),
  status: r.c.status as ContactStatus,
  note: r.c.note,
  canEdit: r.c.organisationId === scope.actor.organisationId,
  version: r.c.version,
});

async function checkMember(scope: Scope, householdId: string, memberId: string | null): Promise<void> {
  if (!memberId) return;
  const [m] = await scope.tx
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.id, memberId), eq(members.householdId, householdId), isNull(members.removedAt)));
  if (!m) {
    throw new DomainError('VALIDATION_FAILED', 'This person is not a member of the household.', {
      fields: [{ path: 'memberId', message: 'Choose a member of this household.' }],
    });
  }
}

export async function listContacts(scope: Scope, householdId: string): Promise<Contact[]> {
  const grant = await requireAccess(scope, 'read', { householdId, objectType: 'contact' });
  const list = await rows(scope, householdId);
  scope.audit({
    objectType: 'contact_list',
    householdId,
    action: 'read',
    basis: grant.basis,
    role: grant.role,
  });
  const viewer = viewerOf(scope, grant);
  return list.filter((r) => contactVisible(viewer, r.c)).map((r) => toContact(scope, r));
}

export async function logContact(scope: Scope, householdId: string, input: ContactInput): Promise<Contact> {
  const grant = await requireAccess(scope, 'contact.write', { householdId, objectType: 'contact' });
  const memberId = input.memberId ?? null;
  await checkMember(scope, householdId, memberId);
  const plannedAt = new Date(input.plannedAt);
  const status = input.status ?? 'planned';
  checkContactStatus(status, plannedAt, scope.now);
  const [row] = await scope.tx
    .insert(contacts)
    .values({
      householdId,
      memberId,
      professionalId: scope.actor.userId,
      organisationId: scope.actor.organisationId,
      plannedAt,
      status,
      note: input.note ?? '',
      createdAt: scope.now,
      updatedAt: scope.now,
    })
    .returning({ id: contacts.id });
  scope.audit({
    objectType: 'contact',
    objectId: row!.id,
    householdId,
    memberId,
    action: 'create',
    basis: grant.basis,
    role: grant.role,
  });
  const [created] = await rows(scope, householdId, row!.id);
  return toContact(scope, created!);
}

export async function updateContact(
  scope: Scope,
  householdId: string,
  id: string,
  version: number,
  patch: ContactPatch,
): Promise<Contact> {
  const grant = await requireAccess(scope, 'contact.write', { householdId, objectType: 'contact' });
  const [current] = await rows(scope, householdId, id);
  if (!current) throw notFound('contact');
  if (current.c.organisationId !== scope.actor.organisationId) {
    throw new DomainError('FORBIDDEN', 'Only the organisation that had this contact records its outcome.');
  }
  assertVersion(version, current.c.version, toContact(scope, current));
  const status = patch.status ?? (current.c.status as ContactStatus);
  const plannedAt = patch.plannedAt ? new Date(patch.plannedAt) : current.c.plannedAt;
  checkContactChange(current.c.status as ContactStatus, status);
  checkContactStatus(status, plannedAt, scope.now);
  await scope.tx
    .update(contacts)
    .set({
      status,
      plannedAt,
      note: patch.note ?? current.c.note,
      version: current.c.version + 1,
      updatedAt: scope.now,
    })
    .where(eq(contacts.id, id));
  scope.audit({
    objectType: 'contact',
    objectId: id,
    householdId,
    memberId: current.c.memberId,
    action: 'update',
    basis: grant.basis,
    role: grant.role,
  });
  const [updated] = await rows(scope, householdId, id);
  return toContact(scope, updated!);
}
