import type {
  NetworkContact,
  NetworkContactInput,
  NetworkContactPatch,
} from '../../../contracts/households.js';
import { amsterdamDate } from '../../../domain/households/rules.js';
import { networkContacts } from '../../db/schema/index.js';
import { childRecords, defined } from './child-records.js';
import { toNetworkContact } from './mappers.js';

export const networkContactRecords = childRecords<
  typeof networkContacts.$inferSelect,
  NetworkContact,
  NetworkContactInput,
  NetworkContactPatch
>(
  {
    table: networkContacts,
    recordType: 'network_contact',
    writePermission: 'network.write',
    toDto: toNetworkContact,
    insertValues: (c) => ({
      name: c.name,
      relation: c.relation,
      quality: c.quality,
      phone: c.phone ?? '',
      note: c.note ?? '',
    }),
    patchValues: (p) => defined(p),
    validate: () => [],
  },
  amsterdamDate,
);
