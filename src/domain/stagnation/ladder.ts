import type { HolidayOptions } from '../calendar/holidays.js';
import { endOfWorkingDaysAfter } from '../calendar/working-days.js';
import type { LadderStep } from './settings.js';

export interface LadderPosition {
  /** Index into the ladder. */
  step: number;
  /** When this step started (and its person was notified). */
  startedAt: Date;
}

export function deadlineOf(
  position: LadderPosition,
  ladder: readonly LadderStep[],
  options: HolidayOptions = {},
): Date | null {
  const days = ladder[position.step]?.workingDays;
  return days === null || days === undefined
    ? null
    : endOfWorkingDaysAfter(position.startedAt, days, options);
}

/**
 * Where an unresolved escalation stands at `now`: every step whose deadline passed moves one level up, the next
 * step starting at that deadline. Returns the steps passed through, in order (empty when nothing is due), so each
 * level's person is notified even when the sweep ran late.
 */
export function climb(
  position: LadderPosition,
  ladder: readonly LadderStep[],
  now: Date,
  options: HolidayOptions = {},
): LadderPosition[] {
  const passed: LadderPosition[] = [];
  let current = position;
  for (;;) {
    const deadline = deadlineOf(current, ladder, options);
    if (!deadline || deadline >= now || current.step >= ladder.length - 1) return passed;
    current = { step: current.step + 1, startedAt: deadline };
    passed.push(current);
  }
}

export interface WorklistEntry {
  id: string;
  since: Date;
  step: number;
  deadline: Date | null;
}

/** Most urgent first: overdue or nearest deadline, then the higher ladder step, then the oldest. */
export function byUrgency(a: WorklistEntry, b: WorklistEntry): number {
  const da = a.deadline?.getTime() ?? Number.POSITIVE_INFINITY;
  const db = b.deadline?.getTime() ?? Number.POSITIVE_INFINITY;
  if (da !== db) return da - db;
  if (a.step !== b.step) return b.step - a.step;
  if (a.since.getTime() !== b.since.getTime()) return a.since.getTime() - b.since.getTime();
  return a.id.localeCompare(b.id);
}
