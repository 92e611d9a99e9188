import { addDays } from '../calendar/holidays.js';
import { endOfWorkingDaysAfter, startOfLocalDay } from '../calendar/working-days.js';
import type { StagnationCause } from './causes.js';
import type { StagnationSettings } from './settings.js';

export type ContactOutcome =
  'planned' | 'attended' | 'no_show' | 'cancelled_by_client' | 'cancelled_by_professional';

export interface ContactFact {
  memberId: string;
  organisationId: string;
  at: Date;
  outcome: ContactOutcome;
}
export interface ActionFact {
  id: string;
  /** Who the action is assigned to, as a stable key (e.g. `user:<id>`, `organisation:<id>`, `member:<id>`). */
  assignee: string;
  /** yyyy-mm-dd */
  dueDate: string;
  status: 'open' | 'in_progress' | 'done' | 'cancelled' | 'blocked';
}
export interface ReferralFact {
  id: string;
  status:
    | 'draft'
    | 'sent'
    | 'received'
    | 'accepted'
    | 'declined'
    | 'waitlisted'
    | 'started'
    | 'completed'
    | 'stopped';
  sentAt: Date | null;
  waitlistedAt: Date | null;
  /** yyyy-mm-dd, when waitlisted with an expected start. */
  expectedStart: string | null;
}
export interface EvaluationFact {
  id: string;
  /** yyyy-mm-dd */
  plannedDate: string;
  recorded: boolean;
}

/** What the detector needs to know about one household, read from the database at `now`. */
export interface HouseholdFacts {
  householdId: string;
  /** Since when the household has an active plan (null: no active plan). */
  planActiveSince: Date | null;
  planAgreed: boolean;
  coordinatorAssignedAt: Date | null;
  contacts: ContactFact[];
  actions: ActionFact[];
  referrals: ReferralFact[];
  evaluations: EvaluationFact[];
}

export interface Detection {
  cause: StagnationCause;
  /** When the condition became true. */
  since: Date;
  /**
   * The latest event the condition rests on. A stagnation resolved by hand is only opened again when a detection
   * has newer evidence: a new event, not the same facts seen again.
   */
  evidenceAt: Date;
}

const DAY = 24 * 60 * 60 * 1000;
const endOfLocalDay = (date: string) => new Date(startOfLocalDay(addDays(date, 1)).getTime() - 1);

function noShows(f: HouseholdFacts, s: StagnationSettings, now: Date): Detection[] {
  const byPair = new Map<string, ContactFact[]>();
  for (const c of f.contacts) {
    if (c.at > now || (c.outcome !== 'attended' && c.outcome !== 'no_show')) continue;
    const key = `${c.memberId}\0${c.organisationId}`;
    byPair.set(key, [...(byPair.get(key) ?? []), c]);
  }
  const out: Detection[] = [];
  for (const list of byPair.values()) {
    list.sort((a, b) => a.at.getTime() - b.at.getTime());
    let run = 0;
    for (let i = list.length - 1; i >= 0 && list[i]!.outcome === 'no_show'; i--) run++;
    if (run < s.consecutiveNoShows) continue;
    const runStart = list.length - run;
    const first = list[0]!;
    out.push({
      cause: {
        kind: 'no_shows',
        householdId: f.householdId,
        memberId: first.memberId,
        organisationId: first.organisationId,
      },
      since: list[runStart + s.consecutiveNoShows - 1]!.at,
      evidenceAt: list[list.length - 1]!.at,
    });
  }
  return out;
}

function noContact(f: HouseholdFacts, s: StagnationSettings, now: Date): Detection[] {
  if (!f.planActiveSince) return [];
  const attended = f.contacts
    .filter((c) => c.outcome === 'attended' && c.at <= now)
    .map((c) => c.at.getTime());
  const reference = new Date(Math.max(f.planActiveSince.getTime(), ...attended));
  const since = new Date(reference.getTime() + s.noContactDays * DAY);
  return since <= now
    ? [{ cause: { kind: 'no_contact', householdId: f.householdId }, since, evidenceAt: reference }]
    : [];
}

function overdueActions(f: HouseholdFacts, s: StagnationSettings, now: Date): Detection[] {
  const byAssignee = new Map<string, { since: Date; evidence: Date }>();
  for (const a of f.actions) {
    if (a.status === 'done' || a.status === 'cancelled') continue;
    const since = endOfLocalDay(addDays(a.dueDate, s.actionOverdueDays));
    if (since > now) continue;
    const evidence = endOfLocalDay(a.dueDate);
    const prev = byAssignee.get(a.assignee);
    byAssignee.set(a.assignee, {
      since: prev && prev.since < since ? prev.since : since,
      evidence: prev && prev.evidence > evidence ? prev.evidence : evidence,
    });
  }
  return [...byAssignee].map(([assignee, v]) => ({
    cause: { kind: 'action_overdue', householdId: f.householdId, assignee },
    since: v.since,
    evidenceAt: v.evidence,
  }));
}

function referrals(f: HouseholdFacts, s: StagnationSettings, now: Date): Detection[] {
  const out: Detection[] = [];
  for (const r of f.referrals) {
    if ((r.status === 'sent' || r.status === 'received') && r.sentAt) {
      const since = endOfWorkingDaysAfter(r.sentAt, s.referralAnswerWorkingDays);
      if (since <= now)
        out.push({
          cause: { kind: 'referral_unanswered', householdId: f.householdId, referralId: r.id },
          since,
          evidenceAt: r.sentAt,
        });
    }
    if (r.status === 'waitlisted' && r.waitlistedAt) {
      const limits = [new Date(r.waitlistedAt.getTime() + s.waitlistMaxWeeks * 7 * DAY)];
      if (r.expectedStart) limits.push(endOfLocalDay(r.expectedStart));
      const since = new Date(Math.min(...limits.map((d) => d.getTime())));
      if (since <= now)
        out.push({
          cause: { kind: 'waitlist_overdue', householdId: f.householdId, referralId: r.id },
          since,
          evidenceAt: r.waitlistedAt,
        });
    }
  }
  return out;
}

function evaluations(f: HouseholdFacts, s: StagnationSettings, now: Date): Detection[] {
  return f.evaluations
    .filter((e) => !e.recorded)
    .map((e) => ({ e, since: endOfLocalDay(addDays(e.plannedDate, s.evaluationOverdueDays)) }))
    .filter(({ since }) => since <= now)
    .map(({ e, since }) => ({
      cause: { kind: 'evaluation_overdue' as const, householdId: f.householdId, evaluationId: e.id },
      since,
      evidenceAt: startOfLocalDay(e.plannedDate),
    }));
}

function agreedPlan(f: HouseholdFacts, s: StagnationSettings, now: Date): Detection[] {
  if (!f.coordinatorAssignedAt || f.planAgreed) return [];
  const since = new Date(f.coordinatorAssignedAt.getTime() + s.agreedPlanDays * DAY);
  return since <= now
    ? [
        {
          cause: { kind: 'no_agreed_plan', householdId: f.householdId },
          since,
          evidenceAt: f.coordinatorAssignedAt,
        },
      ]
    : [];
}

/** All automatic stagnation conditions that hold for a household at `now`. Pure: same facts, same answer. */
export function detect(f: HouseholdFacts, s: StagnationSettings, now: Date): Detection[] {
  return [
    ...noShows(f, s, now),
    ...noContact(f, s, now),
    ...overdueActions(f, s, now),
    ...referrals(f, s, now),
    ...evaluations(f, s, now),
    ...agreedPlan(f, s, now),
  ];
}
