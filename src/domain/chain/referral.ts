import { DomainError, type FieldIssue } from '../shared/errors.js';

/**
 * The closed loop of a referral:
 * draft → sent → received → accepted | declined | waitlisted → started → completed | stopped.
 * The sender may withdraw a referral until the client has arrived (started).
 */
export const REFERRAL_STATUSES = [
  'draft',
  'sent',
  'received',
  'accepted',
  'declined',
  'waitlisted',
  'started',
  'completed',
  'stopped',
  'withdrawn',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_ACTIONS = [
  'send',
  'receive',
  'accept',
  'decline',
  'waitlist',
  'start',
  'complete',
  'stop',
  'withdraw',
] as const;
export type ReferralAction = (typeof REFERRAL_ACTIONS)[number];

/** Which side of the loop takes the step: the sender (the household's professionals) or the receiving organisation. */
export type ReferralSide = 'sender' | 'receiver';

interface Step {
  from: readonly ReferralStatus[];
  to: ReferralStatus;
  side: ReferralSide;
}

export const REFERRAL_STEPS: Record<ReferralAction, Step> = {
  send: { from: ['draft'], to: 'sent', side: 'sender' },
  receive: { from: ['sent'], to: 'received', side: 'receiver' },
  accept: { from: ['received', 'waitlisted'], to: 'accepted', side: 'receiver' },
  decline: { from: ['received', 'waitlisted'], to: 'declined', side: 'receiver' },
  waitlist: { from: ['received'], to: 'waitlisted', side: 'receiver' },
  start: { from: ['accepted'], to: 'started', side: 'receiver' },
  complete: { from: ['started'], to: 'completed', side: 'receiver' },
  stop: { from: ['started'], to: 'stopped', side: 'receiver' },
  withdraw: {
    from: ['draft', 'sent', 'received', 'accepted', 'waitlisted'],
    to: 'withdrawn',
    side: 'sender',
  },
};

/** Statuses in which a referral is still open: a second one of the same member to the same service is refused. */
export const OPEN_REFERRAL_STATUSES: readonly ReferralStatus[] = [
  'draft',
  'sent',
  'received',
  'accepted',
  'waitlisted',
  'started',
];
export const FINAL_REFERRAL_STATUSES: readonly ReferralStatus[] = [
  'declined',
  'completed',
  'stopped',
  'withdrawn',
];

/** The input some steps need. */
export interface StepInput {
  reason?: string | undefined;
  expectedStart?: string | undefined;
  /** When the first contact took place (start), as an instant. */
  firstContactAt?: Date | undefined;
}

export function actionsFrom(status: ReferralStatus, side?: ReferralSide): ReferralAction[] {
  return REFERRAL_ACTIONS.filter(
    (a) => REFERRAL_STEPS[a].from.includes(status) && (!side || REFERRAL_STEPS[a].side === side),
  );
}

/**
 * The next status for a step, or a RULE_VIOLATION when the step is out of order; a VALIDATION_FAILED with field
 * paths when the step lacks what it needs (a reason, an expected start date, a first contact not in the future).
 */
export function nextReferralStatus(
  current: ReferralStatus,
  action: ReferralAction,
  input: StepInput,
  now: Date,
  today: string,
): ReferralStatus {
  const step = REFERRAL_STEPS[action];
  if (!step.from.includes(current)) {
    throw new DomainError(
      'RULE_VIOLATION',
      `A referral that is ${current} cannot be ${action === 'start' ? 'started' : `given the step ${action}`}.`,
      {
        fields: [{ path: 'action', message: `Not possible when the referral is ${current}.` }],
      },
    );
  }
  const issues: FieldIssue[] = [];
  if ((action === 'decline' || action === 'stop' || action === 'withdraw') && !input.reason?.trim()) {
    issues.push({ path: 'reason', message: 'Give a reason.' });
  }
  if (action === 'waitlist') {
    if (!input.expectedStart)
      issues.push({ path: 'expectedStart', message: 'Give the expected start date.' });
    else if (input.expectedStart < today)
      issues.push({ path: 'expectedStart', message: 'The expected start cannot be in the past.' });
  }
  if (action === 'start' && input.firstContactAt && input.firstContactAt.getTime() > now.getTime()) {
    issues.push({ path: 'firstContactAt', message: 'The first contact cannot be in the future.' });
  }
  if (issues.length > 0)
    throw new DomainError('VALIDATION_FAILED', 'Some fields are not valid.', { fields: issues });
  return step.to;
}

export const isOpenReferral = (status: ReferralStatus): boolean => OPEN_REFERRAL_STATUSES.includes(status);
