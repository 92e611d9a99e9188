import type { FieldIssue } from '../shared/errors.js';

export const GOAL_STATUSES = ['active', 'reached', 'adjusted', 'stopped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export const GOAL_KINDS = ['personal', 'societal'] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];

/** Goals that still count: being worked on as set, or as adjusted at an evaluation. */
export const isOpenGoal = (status: GoalStatus): boolean => status === 'active' || status === 'adjusted';

export const MAX_OPEN_GOALS = 5;
/** Fewer, smaller goals when someone the goals concern has a mild intellectual disability (LVB). */
export const MAX_OPEN_GOALS_LVB = 3;

export interface GoalForLimit {
  id: string;
  status: GoalStatus;
  memberIds: readonly string[];
}

export interface GoalLimit {
  limit: number;
  open: number;
  /** Names of the LVB members that lower the limit, for the explanation. */
  lvbMemberIds: string[];
}

/** The limit for a set of goals: 3 when any open goal concerns an LVB member, otherwise 5. */
export function goalLimit(goals: readonly GoalForLimit[], lvbMembers: ReadonlySet<string>): GoalLimit {
  const open = goals.filter((g) => isOpenGoal(g.status));
  const lvbMemberIds = [...new Set(open.flatMap((g) => g.memberIds.filter((m) => lvbMembers.has(m))))];
  return {
    limit: lvbMemberIds.length > 0 ? MAX_OPEN_GOALS_LVB : MAX_OPEN_GOALS,
    open: open.length,
    lvbMemberIds,
  };
}

/**
 * Checks the goals as they would be after a change (`after` replaces or adds one goal). Only a change that
 * makes things worse is refused: a household already over the limit (say, a member was flagged LVB later) may
 * still stop, reach or edit goals without adding open ones.
 */
export function checkGoalLimit(
  current: readonly GoalForLimit[],
  after: GoalForLimit,
  lvbMembers: ReadonlySet<string>,
): { ok: true } | { ok: false; limit: GoalLimit } {
  const next = [...current.filter((g) => g.id !== after.id), after];
  const limit = goalLimit(next, lvbMembers);
  if (limit.open <= limit.limit) return { ok: true };
  const before = goalLimit(current, lvbMembers);
  const wasOpen = current.some((g) => g.id === after.id && isOpenGoal(g.status));
  const addsOpen = isOpenGoal(after.status) && !wasOpen;
  const lowersLimit = limit.limit < before.limit;
  if (!addsOpen && !lowersLimit) return { ok: true };
  return { ok: false, limit };
}

/** A target date or due date may not lie in the past when it is set. */
export function checkNotPast(date: string | null | undefined, today: string, path: string): FieldIssue[] {
  if (!date) return [];
  return date < today ? [{ path, message: 'This date lies in the past.' }] : [];
}
