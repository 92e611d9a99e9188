import type { ServiceKind } from '../../contracts/chain.js';
import type { Tx } from '../db/connect.js';
import { services } from '../db/schema/chain.js';

/** The demo directory of services, per organisation key (see directory.ts). */
export const DEMO_SERVICES: {
  org: string;
  name: string;
  kind: ServiceKind;
  description: string;
  eligibility: string;
  capacity: number | null;
  waitingDays: number | null;
  contact: [string, string, string];
  active?: boolean;
}[] = [
  {
    org: 'jeugd',
    name: 'Ambulante gezinsbegeleiding',
    kind: 'youth_care',
    description: 'Begeleiding thuis bij opvoeden en dagritme.',
    eligibility: 'Gezinnen met kinderen tot 18 jaar; beschikking gemeente of verwijzing wijkteam.',
    capacity: 40,
    waitingDays: 21,
    contact: ['Karin Smit', 'manager.jeugdhulp@schakel.demo', '06 1000 0004'],
  },
  {
    org: 'jeugd',
    name: 'Opvoedondersteuning kort',
    kind: 'parenting_support',
    description: 'Vijf gesprekken over opvoedvragen.',
    eligibility: 'Ouders met kinderen tot 12 jaar.',
    capacity: 25,
    waitingDays: 7,
    contact: ['Lotte Visser', 'jeugdhulp@schakel.demo', '06 1000 0003'],
  },
  {
    org: 'ggz',
    name: 'Basis-GGZ volwassenen',
    kind: 'mental_health',
    description: 'Kortdurende behandeling bij angst en somberheid.',
    eligibility: 'Volwassenen met verwijzing huisarts of wijkteam.',
    capacity: 60,
    waitingDays: 56,
    contact: ['Mark Hendriks', 'ggz@schakel.demo', '06 1000 0005'],
  },
  {
    org: 'verslaving',
    name: 'Ambulante verslavingszorg',
    kind: 'addiction_care',
    description: 'Gesprekken en begeleiding bij alcohol- en drugsgebruik.',
    eligibility: 'Volwassenen; zonder verwijzing aan te melden.',
    capacity: 30,
    waitingDays: 14,
    contact: ['Eva Jansen', 'verslavingszorg@schakel.demo', '06 1000 0006'],
  },
  {
    org: 'schuld',
    name: 'Schuldhulpverlening',
    kind: 'debt_counselling',
    description: 'Overzicht van schulden, stabilisatie en regeling.',
    eligibility: 'Inwoners van Zwolle met problematische schulden.',
    capacity: 80,
    waitingDays: 28,
    contact: ['Fatma Demir', 'schuldhulp@schakel.demo', '06 1000 0007'],
  },
  {
    org: 'schuld',
    name: 'Budgetcursus (gestopt)',
    kind: 'income_support',
    description: 'Groepscursus, niet meer aangeboden.',
    eligibility: '',
    capacity: null,
    waitingDays: null,
    contact: ['Fatma Demir', 'schuldhulp@schakel.demo', '06 1000 0007'],
    active: false,
  },
  {
    org: 'woning',
    name: 'Huurachterstand: vroeg erop af',
    kind: 'housing',
    description: 'Huisbezoek bij twee maanden huurachterstand.',
    eligibility: 'Huurders van De Linde.',
    capacity: null,
    waitingDays: 3,
    contact: ['Rik Wolters', 'woningcorporatie@schakel.demo', '06 1000 0008'],
  },
];

export async function seedServices(tx: Tx, regionId: string, orgIds: Map<string, string>): Promise<void> {
  for (const s of DEMO_SERVICES) {
    await tx.insert(services).values({
      regionId,
      organisationId: orgIds.get(s.org)!,
      name: s.name,
      kind: s.kind,
      description: s.description,
      eligibility: s.eligibility,
      capacity: s.capacity,
      waitingDays: s.waitingDays,
      contactName: s.contact[0],
      contactEmail: s.contact[1],
      contactPhone: s.contact[2],
      active: s.active ?? true,
    });
  }
}
