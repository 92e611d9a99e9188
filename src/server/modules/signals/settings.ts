import type { LiberationDayRule } from '../../../domain/calendar/holidays.js';
import { DEFAULT_NORM_PER_FTE } from '../../../domain/assignment/ranking.js';
import type { TriageNorms } from '../../../domain/signals/deadline.js';

/**
 * Norms for signals, triage and assignment, from the environment (all optional):
 * - SIGNAL_URGENT_HOURS (24), SIGNAL_NORMAL_WORKING_DAYS (5): triage deadlines;
 * - SCHAKEL_LIBERATION_DAY ('lustrum' | 'yearly', default 'lustrum'): whether 5 May counts as a day off every year;
 * - CASELOAD_NORM_PER_FTE (10): households per full-time coordinator (001 §6.2);
 * - PUBLIC_SIGNAL_LIMIT (5) submissions per PUBLIC_SIGNAL_WINDOW_MINUTES (60) per client address.
 */
export interface SignalSettings {
  triage: TriageNorms;
  normPerFte: number;
  publicLimit: number;
  publicWindowMs: number;
}

const positive = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${value}"`);
  return n;
};

export function signalSettings(env: NodeJS.ProcessEnv = process.env): SignalSettings {
  const liberationDay: LiberationDayRule = env.SCHAKEL_LIBERATION_DAY === 'yearly' ? 'yearly' : 'lustrum';
  return {
    triage: {
      urgentHours: positive(env.SIGNAL_URGENT_HOURS, 24, 'SIGNAL_URGENT_HOURS'),
      normalWorkingDays: Math.round(
        positive(env.SIGNAL_NORMAL_WORKING_DAYS, 5, 'SIGNAL_NORMAL_WORKING_DAYS'),
      ),
      holidays: { liberationDay },
    },
    normPerFte: positive(env.CASELOAD_NORM_PER_FTE, DEFAULT_NORM_PER_FTE, 'CASELOAD_NORM_PER_FTE'),
    publicLimit: Math.round(positive(env.PUBLIC_SIGNAL_LIMIT, 5, 'PUBLIC_SIGNAL_LIMIT')),
    publicWindowMs: positive(env.PUBLIC_SIGNAL_WINDOW_MINUTES, 60, 'PUBLIC_SIGNAL_WINDOW_MINUTES') * 60_000,
  };
}
