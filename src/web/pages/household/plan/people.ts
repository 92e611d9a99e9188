import type { Involvement, Member, NetworkContact } from '../../../api/endpoints.js';

export interface PersonOption {
  value: string;
  label: string;
}

/** Who can carry out an action: as Select groups, values `<kind>:<id>`. */
export function assigneeGroups(
  t: (key: string) => string,
  members: Member[],
  contacts: NetworkContact[],
  involvements: Involvement[],
) {
  const orgs = new Map(involvements.map((i) => [i.organisation.id, i.organisation.name]));
  return [
    {
      group: t('plan.actions.groupProfessional'),
      items: involvements.map((i) => ({
        value: `professional:${i.professional.id}`,
        label: `${i.professional.name} (${i.organisation.name})`,
      })),
    },
    {
      group: t('plan.actions.groupOrganisation'),
      items: [...orgs].map(([id, name]) => ({ value: `organisation:${id}`, label: name })),
    },
    {
      group: t('plan.actions.groupMember'),
      items: members.filter((m) => !m.removed).map((m) => ({ value: `member:${m.id}`, label: m.name })),
    },
    {
      group: t('plan.actions.groupNetwork'),
      items: contacts
        .filter((c) => !c.removed)
        .map((c) => ({ value: `network_contact:${c.id}`, label: c.name })),
    },
  ].filter((g) => g.items.length > 0);
}

/** Who can take part in an evaluation: values `<kind>:<id>`. */
export function participantOptions(
  members: Member[],
  contacts: NetworkContact[],
  involvements: Involvement[],
): PersonOption[] {
  return [
    ...members.filter((m) => !m.removed).map((m) => ({ value: `member:${m.id}`, label: m.name })),
    ...involvements.map((i) => ({
      value: `professional:${i.professional.id}`,
      label: `${i.professional.name} (${i.organisation.name})`,
    })),
    ...contacts.filter((c) => !c.removed).map((c) => ({ value: `network_contact:${c.id}`, label: c.name })),
  ];
}

export function splitRef<K extends string>(value: string): { kind: K; id: string } {
  const [kind, id] = value.split(':') as [K, string];
  return { kind, id };
}

export const todayIso = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Amsterdam' });
