import { z } from 'zod';
import { Id, LongText, MediumText, PersonRef } from './common.js';
import { OrganisationType } from './roles.js';

export const CandidateReason = z.enum([
  'capacity',
  'dominant_problem',
  'earlier_relation',
  'preferred',
  'not_wanted',
  'over_norm',
]);
export type CandidateReason = z.infer<typeof CandidateReason>;

export const CoordinatorCandidate = z.object({
  user: PersonRef,
  organisation: z.object({ id: Id, name: z.string(), type: OrganisationType }),
  caseload: z.number().int(),
  capacity: z.number(),
  overNorm: z.boolean(),
  earlierRelation: z.boolean(),
  reasons: z.array(CandidateReason),
  score: z.number(),
});
export type CoordinatorCandidate = z.infer<typeof CoordinatorCandidate>;

export const AssignmentView = z.object({
  household: z.object({ id: Id, name: z.string(), city: z.string(), version: z.number().int() }),
  current: PersonRef.nullable(),
  dominantProblem: OrganisationType.nullable(),
  preference: z.object({ preferredUserId: Id.nullable(), notWantedUserIds: z.array(Id), note: z.string() }),
  candidates: z.array(CoordinatorCandidate),
  history: z.array(
    z.object({
      coordinator: PersonRef,
      from: z.string(),
      to: z.string().nullable(),
      reason: z.string(),
      overNormReason: z.string(),
      assignedBy: PersonRef,
    }),
  ),
});
export type AssignmentView = z.infer<typeof AssignmentView>;

export const PreferenceInput = z.strictObject({
  preferredUserId: Id.nullable().default(null),
  notWantedUserIds: z.array(Id).max(10).default([]),
  note: MediumText.default(''),
});
export type PreferenceInput = z.input<typeof PreferenceInput>;

/** Assign (no coordinator yet) or switch (with a reason). Over the norm needs `overNormReason`. */
export const AssignInput = z.strictObject({
  coordinatorId: Id,
  reason: LongText.default(''),
  overNormReason: LongText.default(''),
  preference: PreferenceInput.optional(),
});
export type AssignInput = z.input<typeof AssignInput>;

export const CaseloadRow = z.object({
  user: PersonRef,
  organisation: z.string(),
  fte: z.number(),
  capacity: z.number(),
  caseload: z.number().int(),
  overNorm: z.boolean(),
  households: z.array(z.object({ id: Id, name: z.string() })),
  overNormAssignments: z.array(z.object({ household: PersonRef, reason: z.string(), at: z.string() })),
});
export type CaseloadRow = z.infer<typeof CaseloadRow>;
export const CaseloadBoard = z.object({
  normPerFte: z.number(),
  rows: z.array(CaseloadRow),
  unassigned: z.array(PersonRef),
});
export type CaseloadBoard = z.infer<typeof CaseloadBoard>;
