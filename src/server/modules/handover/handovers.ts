import { and, eq, isNull } from 'drizzle-orm';
import type {
  Handover,
  HandoverComplete,
  HandoverCreate,
  HandoverPatch,
  ReferralStatus,
} from '../../../contracts/chain.js';
import { checkHandoverCompletion, missingLetterParts } from '../../../domain/chain/handover.js';
import { FINAL_REFERRAL_STATUSES } from '../../../domain/chain/referral.js';
import { DomainError, forbidden, notFound } from '../../../domain/shared/errors.js';
import { type HouseholdGrant, requireAccess } from '../../access/require-access.js';
import type { Scope } from '../../db/scope.js';
import { involvements } from '../../db/schema/households.js';
import { handovers, referrals } from '../../db/schema/chain.js';
import { assertVersion } from '../../http/etag.js';
import { endInvolvement } from '../referrals/involve.js';
import { type HandoverRow, handoverRows, toHandovers } from './load.js';

const LETTER_LABELS: Record<string, string> = {
  summary: 'Write what the new professional needs to know.',
  warningSigns: 'Write the signs that things go wrong.',
  whatToDo: 'Write what to do then.',
  whomToCall: 'Write whom to call.',
};

export async function listHandovers(scope: Scope, householdId: string): Promise<Handover[]> {
  const grant = await requireAccess(scope, 'read', { householdId, objectType: 'handover' });
  const rows = await handoverRows(scope, householdId);
  scope.audit({
    objectType: 'handover_list',
    householdId,
    action: 'read',
    basis: grant.basis,
    role: grant.role,
  });
  return toHandovers(scope, rows, grant.relation === 'coordinator');
}

/** Plans a warm handover from an involvement to the service a referral goes to. */
export async function planHandover(
  scope: Scope,
  householdId: string,
  input: HandoverCreate,
): Promise<Handover> {
  const grant = await requireAccess(scope, 'handover.write', { householdId, objectType: 'handover' });
  const [inv] = await scope.tx
    .select()
    .from(involvements)
    .where(
      and(
        eq(involvements.id, input.fromInvolvementId),
        eq(involvements.householdId, householdId),
        isNull(involvements.endedAt),
      ),
    );
  if (!inv) {
    throw new DomainError('VALIDATION_FAILED', 'Choose an involvement that is still running.', {
      fields: [{ path: 'fromInvolvementId', message: 'Not a running involvement in this household.' }],
    });
  }
  if (inv.userId !== scope.actor.userId && grant.relation !== 'coordinator')
    throw forbidden('You can only hand over your own involvement.');
  if (inv.relation === 'coordinator')
    throw new DomainError('RULE_VIOLATION', 'The coordinator is reassigned, not handed over.');
  const [ref] = await scope.tx
    .select()
    .from(referrals)
    .where(and(eq(referrals.id, input.referralId), eq(referrals.householdId, householdId)));
  if (!ref || FINAL_REFERRAL_STATUSES.includes(ref.status as ReferralStatus) || ref.status === 'draft') {
    throw new DomainError('VALIDATION_FAILED', 'Choose a sent referral that is still open.', {
      fields: [{ path: 'referralId', message: 'Not an open referral of this household.' }],
    });
  }
  const [open] = await scope.tx
    .select({ id: handovers.id })
    .from(handovers)
    .where(and(eq(handovers.fromInvolvementId, inv.id), eq(handovers.status, 'open')));
  if (open) throw new DomainError('CONFLICT', 'A handover of this involvement is already under way.');
  const [row] = await scope.tx
    .insert(handovers)
    .values({
      householdId,
      fromInvolvementId: inv.id,
      referralId: ref.id,
      meetingAt: input.meetingAt ? new Date(input.meetingAt) : null,
      meetingPlace: input.meetingPlace ?? '',
      summary: input.summary ?? '',
      warningSigns: input.warningSigns ?? '',
      whatToDo: input.whatToDo ?? '',
      whomToCall: input.whomToCall ?? '',
      crisisAgreements: input.crisisAgreements ?? '',
      status: 'open',
      createdBy: scope.actor.userId,
      createdAt: scope.now,
      updatedAt: scope.now,
    })
    .returning();
  scope.audit({
    objectType: 'handover',
    objectId: row!.id,
    householdId,
    action: 'create',
    basis: grant.basis,
    role: grant.role,
  });
  return (await toHandovers(scope, [row!], grant.relation === 'coordinator'))[0]!;
}

async function editable(
  scope: Scope,
  householdId: string,
  id: string,
): Promise<{ row: HandoverRow; grant: HouseholdGrant; dto: Handover }> {
  const grant = await requireAccess(scope, 'handover.write', { householdId, objectType: 'handover' });
  const [row] = await handoverRows(scope, householdId, id);
  if (!row) throw notFound('handover');
  const [dto] = await toHandovers(scope, [row], grant.relation === 'coordinator');
  if (row.status !== 'open') throw new DomainError('RULE_VIOLATION', 'This handover is finished.');
  if (!dto!.canEdit)
    throw forbidden('Only the sending professional or the coordinator changes this handover.');
  return { row, grant, dto: dto! };
}

export async function updateHandover(
  scope: Scope,
  householdId: string,
  id: string,
  version: number,
  patch: HandoverPatch,
): Promise<Handover> {
  const { row, grant, dto } = await editable(scope, householdId, id);
  assertVersion(version, row.version, dto);
  const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Record<
    string,
    unknown
  >;
  if ('meetingAt' in values)
    values.meetingAt = values.meetingAt ? new Date(values.meetingAt as string) : null;
  await scope.tx
    .update(handovers)
    .set({ ...values, version: row.version + 1, updatedAt: scope.now })
    .where(eq(handovers.id, id));
  scope.audit({
    objectType: 'handover',
    objectId: id,
    householdId,
    action: 'update',
    basis: grant.basis,
    role: grant.role,
  });
  const [updated] = await handoverRows(scope, householdId, id);
  return (await toHandovers(scope, [updated!], grant.relation === 'coordinator'))[0]!;
}

/**
 * Ends the sending involvement. Without a reason only when the client arrived at the new service and the letter
 * is complete; with a reason (an explicit choice to end now) at any time.
 */
export async function completeHandover(
  scope: Scope,
  householdId: string,
  id: string,
  version: number,
  input: HandoverComplete,
): Promise<Handover> {
  const { row, grant, dto } = await editable(scope, householdId, id);
  assertVersion(version, row.version, dto);
  const { endedWithReason } = checkHandoverCompletion(dto.referral.status, input.reason);
  if (!endedWithReason) {
    const missing = missingLetterParts(row);
    if (missing.length > 0) {
      throw new DomainError('VALIDATION_FAILED', 'The handover letter is not complete.', {
        fields: missing.map((path) => ({ path, message: LETTER_LABELS[path]! })),
      });
    }
  }
  const reason = endedWithReason ? input.reason!.trim() : 'handed_over';
  await scope.tx
    .update(handovers)
    .set({
      status: 'completed',
      endReason: endedWithReason ? reason : '',
      completedAt: scope.now,
      version: row.version + 1,
      updatedAt: scope.now,
    })
    .where(eq(handovers.id, id));
  scope.audit({
    objectType: 'handover',
    objectId: id,
    householdId,
    action: 'update',
    basis: grant.basis,
    role: grant.role,
  });
  const [updated] = await handoverRows(scope, householdId, id);
  const [result] = await toHandovers(scope, [updated!], grant.relation === 'coordinator');
  await endInvolvement(scope, row.fromInvolvementId, reason);
  scope.audit({
    objectType: 'involvement',
    objectId: row.fromInvolvementId,
    householdId,
    action: 'update',
    basis: grant.basis,
    role: grant.role,
  });
  return { ...result!, from: { ...result!.from, ended: true } };
}
