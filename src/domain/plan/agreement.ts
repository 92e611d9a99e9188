/**
 * Agreement on a plan version: the adult household members agree (in the app or on paper), and every organisation
 * involved in the household acknowledges the version. Only then is it the agreed plan.
 */
export interface AgreementInput {
  requiredMemberIds: readonly string[];
  requiredOrganisationIds: readonly string[];
  memberAgreements: readonly { memberId: string }[];
  organisationAcknowledgements: readonly { organisationId: string }[];
}

export interface AgreementState {
  complete: boolean;
  missingMemberIds: string[];
  missingOrganisationIds: string[];
}

export function agreementState(input: AgreementInput): AgreementState {
  const agreed = new Set(input.memberAgreements.map((a) => a.memberId));
  const acknowledged = new Set(input.organisationAcknowledgements.map((a) => a.organisationId));
  const missingMemberIds = input.requiredMemberIds.filter((id) => !agreed.has(id));
  const missingOrganisationIds = input.requiredOrganisationIds.filter((id) => !acknowledged.has(id));
  return {
    complete:
      input.requiredMemberIds.length > 0 &&
      missingMemberIds.length === 0 &&
      missingOrganisationIds.length === 0,
    missingMemberIds,
    missingOrganisationIds,
  };
}

/** Members whose agreement is needed: the adults (parents and other adults). Children may agree too. */
export const needsAgreement = (role: string): boolean => role === 'parent' || role === 'other_adult';
