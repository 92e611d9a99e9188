import type { AfwegingQuestion, MeldcodeStepData } from '../../contracts/meldcode.js';
import type { FieldIssue } from '../shared/errors.js';

/**
 * The meldcode huiselijk geweld en kindermishandeling: five steps in order.
 * 1 map the signals · 2 consult a colleague (and, if needed, Veilig Thuis for anonymous advice) · 3 talk with the
 * client (may be skipped when talking endangers safety, with the reason) · 4 weigh with the afwegingskader ·
 * 5 decide: organise help and/or report to Veilig Thuis. A step may be recorded again (new insight), but never
 * before the steps it builds on.
 */
export type Required = 'pending' | 'close' | 'help_or_report' | 'report';

export type Answers = Record<AfwegingQuestion, boolean>;

/**
 * The afwegingskader's five questions:
 * 1 is there a suspicion? — no: close the meldcode path;
 * 2 is there acute or structural unsafety? — yes: report;
 * 3 can I offer or organise effective help? — no: report;
 * 4 do those involved accept that help? — no: report;
 * 5 does the help bring safety within the agreed time? — no: report;
 * otherwise help is enough (reporting remains allowed).
 */
export function requiredDecision(a: Answers | null): Required {
  if (!a) return 'pending';
  if (!a.suspicion) return 'close';
  if (a.acuteOrStructural || !a.canHelp || !a.accepted || !a.safeInTime) return 'report';
  return 'help_or_report';
}

export interface Recorded {
  step: number;
  data: MeldcodeStepData;
}

/** The latest recording of each step. */
export function latestSteps(recorded: readonly Recorded[]): Map<number, MeldcodeStepData> {
  const map = new Map<number, MeldcodeStepData>();
  for (const r of recorded) map.set(r.step, r.data);
  return map;
}

export function answersOf(latest: Map<number, MeldcodeStepData>): Answers | null {
  const s4 = latest.get(4);
  if (!s4 || s4.step !== 4) return null;
  return {
    suspicion: s4.suspicion.answer,
    acuteOrStructural: s4.acuteOrStructural.answer,
    canHelp: s4.canHelp.answer,
    accepted: s4.accepted.answer,
    safeInTime: s4.safeInTime.answer,
  };
}

/** The first step not yet recorded, or null when all five are. */
export function nextStep(latest: Map<number, MeldcodeStepData>): number | null {
  for (const s of [1, 2, 3, 4, 5]) if (!latest.has(s)) return s;
  return null;
}

/** Checks a step against the steps already recorded; returns the problems (empty when it may be recorded). */
export function checkStep(
  latest: Map<number, MeldcodeStepData>,
  input: MeldcodeStepData,
  today: string,
): FieldIssue[] {
  const missing = [1, 2, 3, 4].filter((s) => s < input.step && !latest.has(s));
  if (missing.length > 0) return [{ path: 'step', message: `Record step ${missing[0]} first.` }];
  const issues: FieldIssue[] = [];
  if (input.step === 2 && input.veiligThuisConsulted && !input.veiligThuisAdvice.trim()) {
    issues.push({ path: 'veiligThuisAdvice', message: 'Record the advice Veilig Thuis gave.' });
  }
  if (input.step === 3) {
    if (input.skipped && !input.skipReason.trim())
      issues.push({ path: 'skipReason', message: 'Say why talking with the client would endanger safety.' });
    if (!input.skipped && !input.conversation.trim())
      issues.push({ path: 'conversation', message: 'Record what was discussed with the client.' });
  }
  if (input.step === 5) {
    const required = requiredDecision(answersOf(latest));
    if (required === 'report' && !input.report) {
      issues.push({ path: 'report', message: 'The afwegingskader requires a report to Veilig Thuis.' });
    }
    if (required !== 'close' && !input.report && !input.organiseHelp) {
      issues.push({ path: 'organiseHelp', message: 'Decide to organise help, to report, or both.' });
    }
    if (input.report && !input.reportedOn)
      issues.push({ path: 'reportedOn', message: 'Record the date of the report.' });
    if (input.reportedOn && input.reportedOn > today)
      issues.push({ path: 'reportedOn', message: 'The date of the report cannot be in the future.' });
  }
  return issues;
}
