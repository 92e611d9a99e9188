import type { Member, MemberInput, MemberPatch } from '../../../contracts/households.js';
import { amsterdamDate, checkDateOfBirth } from '../../../domain/households/rules.js';
import { shapeMember } from '../../../domain/privacy/shape.js';
import { members } from '../../db/schema/index.js';
import { childRecords, defined } from './child-records.js';
import { toMember } from './mappers.js';

export const memberRecords = childRecords<typeof members.$inferSelect, Member, MemberInput, MemberPatch>(
  {
    table: members,
    recordType: 'member',
    writePermission: 'member.write',
    toDto: toMember,
    shape: shapeMember,
    insertValues: (m) => ({
      name: m.name,
      dateOfBirth: m.dateOfBirth ?? null,
      role: m.role,
      lvb: m.lvb ?? false,
      phone: m.phone ?? '',
      email: m.email ?? '',
      preferredLanguage: m.preferredLanguage ?? 'nl',
    }),
    patchValues: (p) => defined(p),
    validate: (m, today) => checkDateOfBirth(m.dateOfBirth, today),
    memberIdOf: (row) => row.id,
  },
  amsterdamDate,
);
