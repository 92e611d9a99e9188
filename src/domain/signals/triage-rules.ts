import type { TriageDecisionInput, TriageOutcome, SignalStatus } from '../../contracts/signals.js';
import type { FieldIssue } from '../shared/errors.js';

/** What a triage decision must contain, per outcome. */
export function checkDecision(input: {
  outcome: TriageOutcome;
  reasons: string;
  referredOrganisationId: string | null;
  pyramidCategory: number | null;
}): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.reasons.trim().length < 5)
    issues.push({ path: 'reasons', message: 'Record why you decided this.' });
  if (input.outcome === 'regular' && !input.referredOrganisationId) {
    issues.push({
      path: 'referredOrganisationId',
      message: 'Choose the organisation the signal is passed on to.',
    });
  }
  if ((input.outcome === 'intensive' || input.outcome === 'safety') && input.pyramidCategory === null) {
    issues.push({ path: 'pyramidCategory', message: 'Choose the pyramid category (0–4).' });
  }
  return issues;
}

/** Whether the outcome opens (or uses) a household's case. */
export function opensCase(outcome: TriageOutcome): boolean {
  return outcome === 'intensive' || outcome === 'safety';
}

/** The status the signaller sees after a decision. No action → closed; anything else → picked up. */
export function statusAfter(outcome: TriageOutcome): SignalStatus {
  return outcome === 'no_action' ? 'closed' : 'picked_up';
}

export type { TriageDecisionInput };
