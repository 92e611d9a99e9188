import { and, eq } from 'drizzle-orm';
import type { LegalBasis, LegalBasisInput } from '../../../contracts/consent.js';
import { localDate } from '../../../domain/calendar/working-days.js';
import { type FieldIssue, invalid } from '../../../domain/shared/errors.js';
import { requireAccess } from '../../access/require-access.js';
import type { Scope } from '../../db/scope.js';
import { legalBases, organisations } from '../../db/schema/index.js';
import { basisRows, householdMember, toLegalBasis } from './queries.js';

/**
 * Records the legal basis of the case (the coordinator: Wmo 2015, Jeugdwet, the coordination task …) or a sharing
 * without consent (anyone involved, e.g. the meldrecht to Veilig Thuis) with its written justification. The
 * recipient of a sharing need not be involved with the household; it must be an organisation of the region.
 */
export async function recordLegalBasis(
  scope: Scope,
  householdId: string,
  input: LegalBasisInput,
): Promise<LegalBasis> {
  const grant = await requireAccess(scope, input.scope === 'case' ? 'consent.manage' : 'basis.share', {
    householdId,
    objectType: 'legal_basis',
  });
  const today = localDate(scope.now);
  const validFrom = input.validFrom ?? today;
  const validUntil = input.validUntil ?? null;
  const memberId = input.memberId ?? null;
  const issues: FieldIssue[] = [];
  if (memberId && !(await householdMember(scope, householdId, memberId)))
    issues.push({ path: 'memberId', message: 'This person is not a member of the household.' });
  let organisationId: string | null = null;
  if (input.scope === 'sharing') {
    const [org] = await scope.tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.id, input.organisationId), eq(organisations.regionId, grant.regionId)));
    if (!org) issues.push({ path: 'organisationId', message: 'No such organisation in this region.' });
    organisationId = input.organisationId;
  }
  if (validUntil !== null && validUntil < validFrom)
    issues.push({ path: 'validUntil', message: 'The end date is before the start date.' });
  if (issues.length > 0) throw invalid(issues);

  const [row] = await scope.tx
    .insert(legalBases)
    .values({
      householdId,
      scope: input.scope,
      ground: input.ground,
      organisationId,
      memberId,
      categories: input.scope === 'sharing' ? [...input.categories] : [],
      justification: input.justification,
      validFrom,
      validUntil,
      recordedBy: scope.actor.userId,
      createdAt: scope.now,
      updatedAt: scope.now,
    })
    .returning({ id: legalBases.id });
  scope.audit({
    objectType: 'legal_basis',
    objectId: row!.id,
    memberId,
    householdId,
    action: 'create',
    basis: grant.basis,
    role: grant.role,
  });
  const [created] = await basisRows(scope, householdId, eq(legalBases.id, row!.id));
  return toLegalBasis(created!, scope.now);
}
