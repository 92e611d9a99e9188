import type { Member, NetworkContact, RelationQuality, MemberRole } from '../../../contracts/households.js';
import type { members, networkContacts } from '../../db/schema/index.js';

export function toMember(r: typeof members.$inferSelect): Member {
  return {
    id: r.id,
    householdId: r.householdId,
    name: r.name,
    dateOfBirth: r.dateOfBirth,
    role: r.role as MemberRole,
    lvb: r.lvb,
    phone: r.phone,
    email: r.email,
    preferredLanguage: r.preferredLanguage,
    removed: r.removedAt !== null,
    version: r.version,
  };
}

export function toNetworkContact(r: typeof networkContacts.$inferSelect): NetworkContact {
  return {
    id: r.id,
    householdId: r.householdId,
    name: r.name,
    relation: r.relation,
    quality: r.quality as RelationQuality,
    phone: r.phone,
    note: r.note,
    removed: r.removedAt !== null,
    version: r.version,
  };
}
