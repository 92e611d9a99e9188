/**
 * Stagnation thresholds and the escalation ladder. Defaults from the issue; a region can change them
 * (changes are audited by the server).
 */
export interface StagnationSettings {
  /** Consecutive no-shows of one member at one organisation that count as stagnation. */
  consecutiveNoShows: number;
  /** Days without any professional contact while the plan is active. */
  noContactDays: number;
  /** Days an action may be overdue before it stagnates. */
  actionOverdueDays: number;
  /** Working days a sent referral may go without an answer. */
  referralAnswerWorkingDays: number;
  /** Weeks a referral may stay waitlisted when no expected start was given. */
  waitlistMaxWeeks: number;
  /** Days an evaluation date may pass without an evaluation being recorded. */
  evaluationOverdueDays: number;
  /** Days after a coordinator's assignment by which the plan must be agreed. */
  agreedPlanDays: number;
}

export const DEFAULT_STAGNATION_SETTINGS: StagnationSettings = {
  consecutiveNoShows: 2,
  noContactDays: 21,
  actionOverdueDays: 7,
  referralAnswerWorkingDays: 5,
  waitlistMaxWeeks: 6,
  evaluationOverdueDays: 7,
  agreedPlanDays: 28,
};

export const ESCALATION_LEVELS = [
  'partner_professional',
  'partner_manager',
  'process_manager',
  'partner_director',
  'alderman',
] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

export interface LadderStep {
  level: EscalationLevel;
  /** Working days this step has before it escalates by itself; null for the last step. */
  workingDays: number | null;
}

export const DEFAULT_LADDER: LadderStep[] = [
  { level: 'partner_professional', workingDays: 5 },
  { level: 'partner_manager', workingDays: 5 },
  { level: 'process_manager', workingDays: 10 },
  { level: 'partner_director', workingDays: 10 },
  { level: 'alderman', workingDays: null },
];

export type SettingsIssue = { path: string; message: string };

/** Validates settings a region wants to use: every threshold a positive whole number within sane bounds. */
export function checkSettings(s: StagnationSettings, ladder: LadderStep[]): SettingsIssue[] {
  const issues: SettingsIssue[] = [];
  const bounds: Record<keyof StagnationSettings, [number, number]> = {
    consecutiveNoShows: [1, 10],
    noContactDays: [1, 365],
    actionOverdueDays: [0, 90],
    referralAnswerWorkingDays: [1, 60],
    waitlistMaxWeeks: [1, 52],
    evaluationOverdueDays: [0, 90],
    agreedPlanDays: [1, 365],
  };
  for (const [key, [min, max]] of Object.entries(bounds) as [keyof StagnationSettings, [number, number]][]) {
    const v = s[key];
    if (!Number.isInteger(v) || v < min || v > max)
      issues.push({ path: key, message: `Use a whole number from ${min} to ${max}.` });
  }
  if (ladder.length === 0) issues.push({ path: 'ladder', message: 'The ladder needs at least one step.' });
  ladder.forEach((step, i) => {
    const last = i === ladder.length - 1;
    if (last && step.workingDays !== null)
      issues.push({ path: `ladder.${i}.workingDays`, message: 'The last step has no deadline.' });
    if (
      !last &&
      (step.workingDays === null ||
        !Number.isInteger(step.workingDays) ||
        step.workingDays < 1 ||
        step.workingDays > 60)
    ) {
      issues.push({
        path: `ladder.${i}.workingDays`,
        message: 'Use a whole number of working days from 1 to 60.',
      });
    }
  });
  return issues;
}
