/** Why a household's chain is stuck. Each cause has a key: at most one open stagnation per key. */
export type StagnationCause =
  | { kind: 'no_shows'; householdId: string; memberId: string; organisationId: string }
  | { kind: 'no_contact'; householdId: string }
  | { kind: 'action_overdue'; householdId: string; assignee: string }
  | { kind: 'referral_unanswered'; householdId: string; referralId: string }
  | { kind: 'waitlist_overdue'; householdId: string; referralId: string }
  | { kind: 'evaluation_overdue'; householdId: string; evaluationId: string }
  | { kind: 'no_agreed_plan'; householdId: string }
  | { kind: 'reported'; householdId: string; reportId: string; reason: ReportReason };

export const REPORT_REASONS = [
  'stopped_coming',
  'unreachable',
  'denies_concerns',
  'cannot_deliver',
  'household_says_stuck',
] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export type CauseKind = StagnationCause['kind'];

/** Causes the system detects (and may also close by itself when the condition is gone). */
export const AUTOMATIC_KINDS: readonly CauseKind[] = [
  'no_shows',
  'no_contact',
  'action_overdue',
  'referral_unanswered',
  'waitlist_overdue',
  'evaluation_overdue',
  'no_agreed_plan',
];

export function causeKey(c: StagnationCause): string {
  switch (c.kind) {
    case 'no_shows':
      return `no_shows:${c.householdId}:${c.memberId}:${c.organisationId}`;
    case 'no_contact':
      return `no_contact:${c.householdId}`;
    case 'action_overdue':
      return `action_overdue:${c.householdId}:${c.assignee}`;
    case 'referral_unanswered':
      return `referral_unanswered:${c.householdId}:${c.referralId}`;
    case 'waitlist_overdue':
      return `waitlist_overdue:${c.householdId}:${c.referralId}`;
    case 'evaluation_overdue':
      return `evaluation_overdue:${c.householdId}:${c.evaluationId}`;
    case 'no_agreed_plan':
      return `no_agreed_plan:${c.householdId}`;
    case 'reported':
      return `reported:${c.householdId}:${c.reportId}`;
  }
}

/**
 * Kinds that change only with the passing of time (re-evaluated by the periodic sweep for every household). The
 * remaining automatic kind, `no_shows`, changes only when a contact is recorded, so it is evaluated for households
 * whose facts changed (the fast path) and for households that have such a stagnation open.
 */
export const TIME_BASED_KINDS: readonly CauseKind[] = AUTOMATIC_KINDS.filter((k) => k !== 'no_shows');
