import type { OrganisationType, Role } from '../../contracts/roles.js';

/** The demo region: fictional organisations and professionals around Zwolle. */
export const DEMO_PASSWORD = 'Schakel-demo-2026!';

export const DEMO_ORGANISATIONS: {
  key: string;
  name: string;
  type: OrganisationType;
  phone: string;
  email: string;
  address: string;
  manager: [string, string];
  director: [string, string];
}[] = [
  {
    key: 'wijkteam',
    name: 'Wijkteam Zwolle-Zuid',
    type: 'wijkteam',
    phone: '038 123 4500',
    email: 'wijkteam-zuid@zwolle.demo',
    address: 'Marslanden 12, 8032 AA Zwolle',
    manager: ['Petra Mulder', 'p.mulder@wijkteam.demo'],
    director: ['Hans Verbeek', 'h.verbeek@wijkteam.demo'],
  },
  {
    key: 'jeugd',
    name: 'Jeugdhulp IJsselland',
    type: 'jeugdhulp',
    phone: '038 222 1100',
    email: 'info@jeugdhulp-ijsselland.demo',
    address: 'Assendorperstraat 40, 8012 DH Zwolle',
    manager: ['Karin Smit', 'k.smit@jeugdhulp.demo'],
    director: ['Erik Bos', 'e.bos@jeugdhulp.demo'],
  },
  {
    key: 'ggz',
    name: 'GGZ Oost',
    type: 'ggz',
    phone: '038 333 2200',
    email: 'aanmelden@ggz-oost.demo',
    address: 'Dokter Stolteweg 8, 8025 AV Zwolle',
    manager: ['Ingrid Koster', 'i.koster@ggz-oost.demo'],
    director: ['Ruud van Dam', 'r.vandam@ggz-oost.demo'],
  },
  {
    key: 'verslaving',
    name: 'Verslavingszorg Kompas',
    type: 'verslavingszorg',
    phone: '038 444 3300',
    email: 'info@kompas.demo',
    address: 'Pannekoekendijk 5, 8011 ME Zwolle',
    manager: ['Jeroen Peters', 'j.peters@kompas.demo'],
    director: ['Anja Willems', 'a.willems@kompas.demo'],
  },
  {
    key: 'schuld',
    name: 'Schuldhulp Zwolle',
    type: 'schuldhulpverlening',
    phone: '038 555 4400',
    email: 'schuldhulp@zwolle.demo',
    address: 'Lübeckplein 2, 8017 JZ Zwolle',
    manager: ['Monique Dekker', 'm.dekker@zwolle.demo'],
    director: ['Bert Meijer', 'b.meijer@zwolle.demo'],
  },
  {
    key: 'woning',
    name: 'Woonstichting De Linde',
    type: 'woningcorporatie',
    phone: '038 666 5500',
    email: 'huurders@delinde.demo',
    address: 'Grote Markt 20, 8011 LW Zwolle',
    manager: ['Saskia Prins', 's.prins@delinde.demo'],
    director: ['Frank Leenders', 'f.leenders@delinde.demo'],
  },
  {
    key: 'school',
    name: 'Vechtdal College',
    type: 'onderwijs',
    phone: '038 777 6600',
    email: 'zorg@vechtdalcollege.demo',
    address: 'Westerlaan 3, 8011 CA Zwolle',
    manager: ['Tom Hermans', 't.hermans@vechtdal.demo'],
    director: ['Linda Groen', 'l.groen@vechtdal.demo'],
  },
  {
    key: 'politie',
    name: 'Politie basisteam IJssel-Vecht',
    type: 'politie',
    phone: '0900 8844',
    email: 'wijkagent@politie.demo',
    address: 'Meeuwenlaan 100, 8011 BZ Zwolle',
    manager: ['Arjen Vos', 'a.vos@politie.demo'],
    director: ['Marieke Brouwer', 'm.brouwer@politie.demo'],
  },
  {
    key: 'vt',
    name: 'Veilig Thuis IJsselland',
    type: 'veilig_thuis',
    phone: '0800 2000',
    email: 'advies@veiligthuis.demo',
    address: 'Burgemeester Roelenweg 9, 8021 EV Zwolle',
    manager: ['Yvonne de Wit', 'y.dewit@veiligthuis.demo'],
    director: ['Paul Jacobs', 'p.jacobs@veiligthuis.demo'],
  },
  {
    key: 'gemeente',
    name: 'Gemeente Zwolle',
    type: 'gemeente',
    phone: '14 038',
    email: 'sociaaldomein@zwolle.demo',
    address: 'Grote Kerkplein 15, 8011 PK Zwolle',
    manager: ['Ellen van Leeuwen', 'e.vanleeuwen@zwolle.demo'],
    director: ['Wethouder Sociaal Domein', 'wethouder@zwolle.demo'],
  },
];

export const DEMO_USERS: {
  key: string;
  org: string;
  name: string;
  email: string;
  phone: string;
  roles: Role[];
  fte?: number;
}[] = [
  {
    key: 'admin',
    org: 'gemeente',
    name: 'Bram Beheer',
    email: 'beheer@schakel.demo',
    phone: '038 100 0001',
    roles: ['administrator'],
  },
  {
    key: 'privacy',
    org: 'gemeente',
    name: 'Noor Privacy',
    email: 'privacy@schakel.demo',
    phone: '038 100 0002',
    roles: ['privacy_officer'],
  },
  {
    key: 'process',
    org: 'gemeente',
    name: 'Jolanda Procesmanager',
    email: 'procesmanager@schakel.demo',
    phone: '038 100 0003',
    roles: ['process_manager'],
  },
  {
    key: 'intake',
    org: 'wijkteam',
    name: 'Yasmin Intake',
    email: 'intake@schakel.demo',
    phone: '038 100 0005',
    roles: ['intake_coordinator'],
  },
  {
    key: 'policy',
    org: 'gemeente',
    name: 'Wouter Beleid',
    email: 'beleid@schakel.demo',
    phone: '038 100 0004',
    roles: ['policy_viewer'],
  },
  {
    key: 'coord1',
    org: 'wijkteam',
    name: 'Sanne de Boer',
    email: 'regisseur@schakel.demo',
    phone: '06 1000 0001',
    roles: ['coordinator'],
    fte: 1,
  },
  {
    key: 'coord2',
    org: 'wijkteam',
    name: 'Ahmed El Amrani',
    email: 'regisseur2@schakel.demo',
    phone: '06 1000 0002',
    roles: ['coordinator'],
    fte: 0.8,
  },
  {
    key: 'jeugd',
    org: 'jeugd',
    name: 'Lotte Visser',
    email: 'jeugdhulp@schakel.demo',
    phone: '06 1000 0003',
    roles: ['partner_professional'],
  },
  {
    key: 'jeugdmgr',
    org: 'jeugd',
    name: 'Karin Smit',
    email: 'manager.jeugdhulp@schakel.demo',
    phone: '06 1000 0004',
    roles: ['partner_manager'],
  },
  {
    key: 'ggz',
    org: 'ggz',
    name: 'Mark Hendriks',
    email: 'ggz@schakel.demo',
    phone: '06 1000 0005',
    roles: ['partner_professional'],
  },
  {
    key: 'verslaving',
    org: 'verslaving',
    name: 'Eva Jansen',
    email: 'verslavingszorg@schakel.demo',
    phone: '06 1000 0006',
    roles: ['partner_professional'],
  },
  {
    key: 'schuld',
    org: 'schuld',
    name: 'Fatma Demir',
    email: 'schuldhulp@schakel.demo',
    phone: '06 1000 0007',
    roles: ['partner_professional'],
  },
  {
    key: 'woning',
    org: 'woning',
    name: 'Rik Wolters',
    email: 'woningcorporatie@schakel.demo',
    phone: '06 1000 0008',
    roles: ['partner_professional'],
  },
  {
    key: 'school',
    org: 'school',
    name: 'Ilse Vermeer',
    email: 'school@schakel.demo',
    phone: '06 1000 0009',
    roles: ['partner_professional'],
  },
  {
    key: 'politie',
    org: 'politie',
    name: 'Dennis Kok',
    email: 'wijkagent@schakel.demo',
    phone: '06 1000 0010',
    roles: ['partner_professional'],
  },
  {
    key: 'vt',
    org: 'vt',
    name: 'Miriam Claassen',
    email: 'veiligthuis@schakel.demo',
    phone: '06 1000 0011',
    roles: ['partner_professional'],
  },
];
