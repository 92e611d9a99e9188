import { eq } from 'drizzle-orm';
import type { ConsentInput } from '../../contracts/consent.js';
import type { CaseGround } from '../../domain/privacy/legal-basis.js';
import { localDate } from '../../domain/calendar/working-days.js';
import type { DataCategory } from '../../domain/privacy/categories.js';
import { addMonths, ageOn, requiredSigners } from '../../domain/privacy/consent.js';
import type { Actor } from '../access/actor.js';
import type { Db } from '../db/connect.js';
import { runScoped } from '../db/scope.js';
import { households, members, organisations, services } from '../db/schema/index.js';
import { recordConsent } from '../modules/consent/record-consent.js';
import { recordLegalBasis } from '../modules/consent/record-legal-basis.js';
import { withdrawConsent } from '../modules/consent/withdraw-consent.js';
import { DEMO_ORGANISATIONS, DEMO_USERS } from './directory.js';
import { DEMO_HOUSEHOLDS } from './households.js';
import { actorByEmail } from './actors.js';

interface DemoConsent {
  member: string;
  org: string;
  categories: DataCategory[];
  /** A referral to this service (by name) instead of coordinating the plan. */
  service?: string;
  form?: 'paper' | 'verbal' | 'app';
  /** Given this many months ago (default 1). */
  monthsAgo?: number;
  withdrawn?: string;
}

interface DemoPrivacy {
  household: string;
  caseBasis: { ground: CaseGround; justification: string };
  consents: DemoConsent[];
  sharing?: { by: string; org: string; member: string; categories: DataCategory[]; justification: string };
}

/**
 * The demo households' legal basis and consents: every involved organisation has a consent, a child of 12 to 16
 * signs together with a parent, one consent is withdrawn and one sharing without consent (meldrecht) is recorded.
 * Signers follow the member's age on the day the seed runs, so the demo stays valid as the years pass.
 */
const DEMO_PRIVACY: DemoPrivacy[] = [
  {
    household: 'Familie de Vries',
    caseBasis: {
      ground: 'coordination_task',
      justification:
        'Regie bij meervoudige problematiek: schulden, huurachterstand, schoolverzuim en opvoeding.',
    },
    consents: [
      { member: 'Marloes de Vries', org: 'schuld', categories: ['financial', 'contacts'], form: 'paper' },
      { member: 'Marloes de Vries', org: 'woning', categories: ['financial'], form: 'verbal' },
      { member: 'Dylan de Vries', org: 'school', categories: ['contacts', 'assessment'], form: 'paper' },
      { member: 'Jayden de Vries', org: 'jeugd', categories: ['assessment', 'health'], form: 'paper' },
      { member: 'Sem de Vries', org: 'jeugd', categories: ['assessment'], form: 'app' },
    ],
  },
  {
    household: 'Familie Bakker',
    caseBasis: {
      ground: 'jeugdwet',
      justification: 'Opvoedondersteuning voor Noa en Finn; behandeling van beide ouders loopt via de Zvw.',
    },
    consents: [
      { member: 'Johan Bakker', org: 'verslaving', categories: ['health', 'contacts'], form: 'paper' },
      { member: 'Sandra Bakker', org: 'ggz', categories: ['health'], form: 'paper' },
      { member: 'Noa Bakker', org: 'jeugd', categories: ['assessment', 'contacts'], form: 'paper' },
      {
        member: 'Sandra Bakker',
        org: 'jeugd',
        categories: ['health'],
        form: 'verbal',
        monthsAgo: 3,
        withdrawn: 'Sandra wil haar behandeling bij de GGZ niet meer met de jeugdhulp delen.',
      },
    ],
  },
  {
    household: 'Familie Kramer',
    caseBasis: {
      ground: 'jeugdwet',
      justification: 'Ouderschapsondersteuning bij LVB en voorwaarden van Veilig Thuis rond Luna.',
    },
    consents: [
      { member: 'Bas Kramer', org: 'jeugd', categories: ['assessment', 'contacts'], form: 'paper' },
      { member: 'Demi Kramer', org: 'jeugd', categories: ['assessment', 'contacts'], form: 'paper' },
      { member: 'Luna Kramer', org: 'jeugd', categories: ['assessment', 'health'], form: 'paper' },
    ],
    sharing: {
      by: 'jeugd',
      org: 'vt',
      member: 'Luna Kramer',
      categories: ['safety', 'health'],
      justification:
        'Meldrecht (Wmo 2015 art. 5.2.6): zorgen over de veiligheid van Luna na afweging met de meldcode; Veilig Thuis volgt de voorwaarden.',
    },
  },
  {
    household: 'Familie Hendriks',
    caseBasis: {
      ground: 'wmo_support',
      justification: 'Maatwerkondersteuning Wmo 2015 bij overlast en de psychische kwetsbaarheid van Rico.',
    },
    consents: [
      { member: 'Rico Hendriks', org: 'ggz', categories: ['health', 'contacts'], form: 'paper' },
      { member: 'Wilma Hendriks', org: 'woning', categories: ['contacts'], form: 'verbal' },
    ],
  },
  {
    household: 'Familie Tesfay',
    caseBasis: {
      ground: 'wmo_investigation',
      justification: 'Onderzoek naar de hulpvraag na uitval uit zorg; schulden en schoolondersteuning.',
    },
    consents: [
      { member: 'Saba Tesfay', org: 'schuld', categories: ['financial'], service: 'first', form: 'app' },
      { member: 'Yonas Tesfay', org: 'school', categories: ['contacts'], form: 'paper' },
    ],
  },
];

function actorOf(app: Db, key: string): Promise<Actor> {
  return actorByEmail(app, DEMO_USERS.find((u) => u.key === key)!.email);
}

/** Signers as the member's age requires: the member, a parent, or both. */
function signersFor(
  member: { name: string; dateOfBirth: string | null },
  parent: string,
  givenOn: string,
): ConsentInput['givenBy'] {
  const need = requiredSigners(member.dateOfBirth ? ageOn(member.dateOfBirth, givenOn) : null);
  return [
    ...(need.member ? [{ kind: 'member' as const, name: member.name }] : []),
    ...(need.parentOrGuardian ? [{ kind: 'parent' as const, name: parent }] : []),
  ];
}

/** Part 3, as the households' coordinators through the real use cases (audited like any write). */
export async function seedConsents(app: Db, now = new Date()): Promise<void> {
  const meta = { clientAddress: 'seed' };
  const today = localDate(now);
  const orgName = (key: string) => DEMO_ORGANISATIONS.find((o) => o.key === key)!.name;
  for (const demo of DEMO_PRIVACY) {
    const setup = DEMO_HOUSEHOLDS.find((h) => h.household.name === demo.household)!;
    const coordinator = await actorOf(app, setup.coordinator);
    const householdId = await runScoped(app, coordinator, meta, async (scope) => {
      const [h] = await scope.tx
        .select({ id: households.id })
        .from(households)
        .where(eq(households.name, demo.household));
      if (!h) throw new Error(`demo household ${demo.household} missing`);
      const people = await scope.tx
        .select({ id: members.id, name: members.name, dateOfBirth: members.dateOfBirth, role: members.role })
        .from(members)
        .where(eq(members.householdId, h.id));
      const orgs = await scope.tx
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations);
      const orgId = (key: string) => orgs.find((o) => o.name === orgName(key))!.id;
      const parent = people.find((p) => p.role === 'parent')!.name;
      await recordLegalBasis(scope, h.id, {
        scope: 'case',
        ...demo.caseBasis,
        validFrom: addMonths(today, -2),
      });
      for (const c of demo.consents) {
        const member = people.find((p) => p.name === c.member)!;
        const givenOn = addMonths(today, -(c.monthsAgo ?? 1));
        let serviceId: string | null = null;
        if (c.service) {
          const [svc] = await scope.tx
            .select({ id: services.id })
            .from(services)
            .where(eq(services.organisationId, orgId(c.org)))
            .limit(1);
          serviceId = svc?.id ?? null;
        }
        const created = await recordConsent(scope, h.id, {
          memberId: member.id,
          organisationId: orgId(c.org),
          categories: c.categories,
          purpose: serviceId ? 'referral' : 'coordination',
          serviceId,
          givenBy: signersFor(member, parent, givenOn),
          givenOn,
          form: c.form ?? 'paper',
          witness: c.form === 'verbal' ? 'Collega van het wijkteam' : '',
          validUntil: addMonths(givenOn, 12),
        });
        if (c.withdrawn)
          await withdrawConsent(scope, h.id, created.id, created.version, { note: c.withdrawn });
      }
      return h.id;
    });
    if (demo.sharing) {
      const sharing = demo.sharing;
      const by = await actorOf(app, sharing.by);
      await runScoped(app, by, meta, async (scope) => {
        const [member] = await scope.tx
          .select({ id: members.id })
          .from(members)
          .where(eq(members.name, sharing.member));
        const [org] = await scope.tx
          .select({ id: organisations.id })
          .from(organisations)
          .where(eq(organisations.name, orgName(sharing.org)));
        await recordLegalBasis(scope, householdId, {
          scope: 'sharing',
          ground: 'meldrecht',
          organisationId: org!.id,
          memberId: member!.id,
          categories: sharing.categories,
          justification: sharing.justification,
          validFrom: addMonths(today, -1),
        });
      });
    }
  }
}
