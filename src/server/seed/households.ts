import type { HouseholdCreate } from '../../contracts/households.js';

/**
 * Demo households modelled on the situations in the source documents (shared/seeds): debts and eviction risk,
 * a parent's addiction, a young family with a mild intellectual disability, nuisance and police contact, a
 * newcomer family that dropped out of care after bad experiences. All names are fictional.
 */
export const DEMO_HOUSEHOLDS: {
  coordinator: string;
  partners: [string, string][];
  household: HouseholdCreate;
}[] = [
  {
    coordinator: 'coord1',
    partners: [
      ['schuld', 'Schuldhulpverlening: budgetbeheer en saneringstraject'],
      ['woning', 'Huurachterstand, dreigende ontruiming'],
      ['school', 'Zorgcoördinator school: verzuim Dylan'],
      ['jeugd', 'Ambulante gezinsbegeleiding'],
    ],
    household: {
      name: 'Familie de Vries',
      address: { street: 'Hortensiastraat', houseNumber: '14', postcode: '8013 BK', city: 'Zwolle' },
      pyramidCategory: 2,
      members: [
        {
          name: 'Marloes de Vries',
          dateOfBirth: '1987-03-12',
          role: 'parent',
          phone: '06 2000 0001',
          preferredLanguage: 'nl',
        },
        { name: 'Dylan de Vries', dateOfBirth: '2011-06-02', role: 'child' },
        { name: 'Jayden de Vries', dateOfBirth: '2014-09-21', role: 'child', lvb: true },
        { name: 'Sem de Vries', dateOfBirth: '2019-01-15', role: 'child' },
      ],
      networkContacts: [
        {
          name: 'Ria de Vries',
          relation: 'Moeder van Marloes',
          quality: 'supportive',
          phone: '06 2000 0101',
          note: 'Past twee middagen per week op Sem',
        },
        { name: 'Kevin Smit', relation: 'Ex-partner, vader van Dylan en Jayden', quality: 'stressful' },
        { name: 'Buurvrouw Anja', relation: 'Buurvrouw', quality: 'supportive' },
      ],
    },
  },
  {
    coordinator: 'coord1',
    partners: [
      ['verslaving', 'Ambulante behandeling alcohol (vader)'],
      ['ggz', 'Behandeling depressie (moeder)'],
      ['jeugd', 'Opvoedondersteuning'],
    ],
    household: {
      name: 'Familie Bakker',
      address: { street: 'Dobbe', houseNumber: '73', postcode: '8032 JV', city: 'Zwolle' },
      pyramidCategory: 2,
      members: [
        { name: 'Johan Bakker', dateOfBirth: '1980-11-30', role: 'parent', phone: '06 2000 0002' },
        { name: 'Sandra Bakker', dateOfBirth: '1983-04-18', role: 'parent', phone: '06 2000 0003' },
        { name: 'Noa Bakker', dateOfBirth: '2012-02-07', role: 'child' },
        { name: 'Finn Bakker', dateOfBirth: '2016-08-25', role: 'child' },
      ],
      networkContacts: [
        { name: 'Voetbalvereniging ZAC', relation: 'Trainer van Finn', quality: 'supportive' },
        { name: 'Gerrit Bakker', relation: 'Broer van Johan', quality: 'neutral' },
      ],
    },
  },
  {
    coordinator: 'coord2',
    partners: [
      ['jeugd', 'Ouderschapsondersteuning bij LVB'],
      ['vt', 'Veilig Thuis: voorwaarden na melding'],
    ],
    household: {
      name: 'Familie Kramer',
      address: { street: 'Holtenbroekerweg', houseNumber: '5a', postcode: '8025 ZT', city: 'Zwolle' },
      pyramidCategory: 3,
      members: [
        { name: 'Bas Kramer', dateOfBirth: '2001-07-09', role: 'parent', lvb: true, phone: '06 2000 0004' },
        { name: 'Demi Kramer', dateOfBirth: '2002-12-01', role: 'parent', lvb: true, phone: '06 2000 0005' },
        { name: 'Luna Kramer', dateOfBirth: '2025-05-20', role: 'child' },
      ],
      networkContacts: [
        { name: 'Oma Kramer', relation: 'Moeder van Bas', quality: 'supportive', phone: '06 2000 0102' },
        { name: 'Kerkgemeenschap De Ark', relation: 'Kerk', quality: 'supportive' },
      ],
    },
  },
  {
    coordinator: 'coord2',
    partners: [
      ['politie', 'Wijkagent: meldingen overlast'],
      ['woning', 'Overlastdossier'],
      ['ggz', 'Ambulante begeleiding zoon (psychose)'],
    ],
    household: {
      name: 'Familie Hendriks',
      address: { street: 'Aa-landen', houseNumber: '221', postcode: '8043 KL', city: 'Zwolle' },
      pyramidCategory: 4,
      members: [
        { name: 'Wilma Hendriks', dateOfBirth: '1962-10-03', role: 'parent', phone: '06 2000 0006' },
        { name: 'Rico Hendriks', dateOfBirth: '1996-01-28', role: 'other_adult' },
        { name: 'Tyrone Hendriks', dateOfBirth: '2009-04-14', role: 'child' },
      ],
      networkContacts: [{ name: 'Buurtbemiddeling', relation: 'Bemiddelaar', quality: 'neutral' }],
    },
  },
  {
    coordinator: 'coord1',
    partners: [
      ['schuld', 'Aanvraag schuldhulp'],
      ['school', 'Taalklas en ondersteuning Yonas'],
    ],
    household: {
      name: 'Familie Tesfay',
      address: { street: 'Wipstrikkerallee', houseNumber: '88', postcode: '8023 DS', city: 'Zwolle' },
      pyramidCategory: 1,
      members: [
        {
          name: 'Saba Tesfay',
          dateOfBirth: '1990-02-11',
          role: 'parent',
          phone: '06 2000 0007',
          preferredLanguage: 'ti',
        },
        { name: 'Yonas Tesfay', dateOfBirth: '2013-03-30', role: 'child', preferredLanguage: 'ti' },
        { name: 'Hiwet Tesfay', dateOfBirth: '2017-11-05', role: 'child' },
      ],
      networkContacts: [
        { name: 'Vluchtelingenwerk, maatje Henk', relation: 'Maatje', quality: 'supportive' },
        { name: 'Eritrese kerk Zwolle', relation: 'Geloofsgemeenschap', quality: 'supportive' },
      ],
    },
  },
];
