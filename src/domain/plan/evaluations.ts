import type { FieldIssue } from '../shared/errors.js';

export const EVALUATION_DECISIONS = ['continue', 'adjust', 'reached', 'stop'] as const;
export type EvaluationDecision = (typeof EVALUATION_DECISIONS)[number];

/** The goal status a decision leads to. */
export const STATUS_AFTER: Record<EvaluationDecision, 'active' | 'adjusted' | 'reached' | 'stopped'> = {
  continue: 'active',
  adjust: 'adjusted',
  reached: 'reached',
  stop: 'stopped',
};

export interface EvaluationRecord {
  heldOn: string;
  nextEvaluationOn: string | null;
  closesPlan: boolean;
  decisions: readonly { goalId: string }[];
}

/**
 * An evaluation is closed with a decision for every open goal, and with the date of the next evaluation — evaluation
 * moments must not be skipped — unless the plan itself is being closed. The next date lies after this one.
 */
export function checkEvaluationRecord(
  record: EvaluationRecord,
  openGoalIds: readonly string[],
  today: string,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (record.heldOn > today)
    issues.push({ path: 'heldOn', message: 'An evaluation cannot be recorded before it is held.' });
  if (!record.closesPlan) {
    if (!record.nextEvaluationOn) {
      issues.push({ path: 'nextEvaluationOn', message: 'Plan the next evaluation, or close the plan.' });
    } else if (record.nextEvaluationOn <= record.heldOn || record.nextEvaluationOn < today) {
      issues.push({ path: 'nextEvaluationOn', message: 'The next evaluation must come after this one.' });
    }
  } else if (record.nextEvaluationOn) {
    issues.push({ path: 'nextEvaluationOn', message: 'A closed plan has no next evaluation.' });
  }
  const decided = new Set<string>();
  record.decisions.forEach((d, i) => {
    if (!openGoalIds.includes(d.goalId))
      issues.push({ path: `decisions.${i}.goalId`, message: 'Not an open goal of this plan.' });
    else if (decided.has(d.goalId))
      issues.push({ path: `decisions.${i}.goalId`, message: 'This goal has two decisions.' });
    decided.add(d.goalId);
  });
  openGoalIds.forEach((id) => {
    if (!decided.has(id))
      issues.push({ path: 'decisions', message: `Decide about every open goal (missing: ${id}).` });
  });
  return issues;
}
