import type { FieldIssue } from '../shared/errors.js';

export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'cancelled', 'blocked'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Who carries out an action: an involved professional, an involved organisation, a member or a network contact. */
export const ASSIGNEE_KINDS = ['professional', 'organisation', 'member', 'network_contact'] as const;
export type AssigneeKind = (typeof ASSIGNEE_KINDS)[number];

/** A blocked action must say why; any other status carries no reason. */
export function checkActionStatus(status: ActionStatus, blockedReason: string): FieldIssue[] {
  if (status === 'blocked' && blockedReason.trim() === '') {
    return [{ path: 'blockedReason', message: 'Say what blocks this action.' }];
  }
  return [];
}

/** A partner may update an action when it is assigned to them or to their organisation. */
export function partnerMayReport(
  action: { assigneeUserId: string | null; assigneeOrganisationId: string | null },
  actor: { userId: string; organisationId: string | null },
): boolean {
  return (
    (action.assigneeUserId !== null && action.assigneeUserId === actor.userId) ||
    (action.assigneeOrganisationId !== null && action.assigneeOrganisationId === actor.organisationId)
  );
}
