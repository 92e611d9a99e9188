import type { DataCategory } from './categories.js';

export const CONSENT_FORMS = ['paper', 'verbal', 'app'] as const;
export type ConsentForm = (typeof CONSENT_FORMS)[number];

export const CONSENT_PURPOSES = ['coordination', 'referral'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const SIGNER_KINDS = ['member', 'parent', 'guardian'] as const;
export type SignerKind = (typeof SIGNER_KINDS)[number];

/** Longest a consent may run before it must be asked again. */
export const MAX_CONSENT_MONTHS = 24;

export interface Signer {
  kind: SignerKind;
  name: string;
}

export type ConsentStatus = 'active' | 'withdrawn' | 'expired' | 'not_yet_valid';

/** Whole years between a date of birth and a date (both yyyy-mm-dd). */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * Who must give consent for a member: under 12 a parent or guardian; from 12 to 16 the child and a parent or
 * guardian; from 16 (or when the age is unknown) the member themself.
 */
export function requiredSigners(age: number | null): { member: boolean; parentOrGuardian: boolean } {
  if (age === null || age >= 16) return { member: true, parentOrGuardian: false };
  if (age >= 12) return { member: true, parentOrGuardian: true };
  return { member: false, parentOrGuardian: true };
}

export type ConsentProblem =
  | 'member_must_sign'
  | 'parent_or_guardian_must_sign'
  | 'child_under_12_cannot_sign'
  | 'witness_required'
  | 'valid_until_before_given'
  | 'valid_too_long'
  | 'given_in_future'
  | 'service_required'
  | 'no_categories';

export interface ConsentDraft {
  age: number | null;
  givenBy: readonly Signer[];
  givenOn: string;
  validUntil: string;
  form: ConsentForm;
  witness: string;
  purpose: ConsentPurpose;
  serviceId: string | null;
  categories: readonly DataCategory[];
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The date `months` later (yyyy-mm-dd), on the last day of the month when that month is shorter (31 Jan + 1 = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
}

/** The default end of a consent: one year after it was given. */
export function defaultValidUntil(givenOn: string): string {
  return addMonths(givenOn, 12);
}

export const CONSENT_PROBLEMS = [
  'member_must_sign',
  'parent_or_guardian_must_sign',
  'child_under_12_cannot_sign',
  'witness_required',
  'valid_until_before_given',
  'valid_too_long',
  'given_in_future',
  'service_required',
  'no_categories',
] as const satisfies readonly ConsentProblem[];

/** The input field each problem is about, so a form can show it next to that field. */
export const CONSENT_PROBLEM_FIELD: Record<ConsentProblem, string> = {
  member_must_sign: 'givenBy',
  parent_or_guardian_must_sign: 'givenBy',
  child_under_12_cannot_sign: 'givenBy',
  witness_required: 'witness',
  valid_until_before_given: 'validUntil',
  valid_too_long: 'validUntil',
  given_in_future: 'givenOn',
  service_required: 'serviceId',
  no_categories: 'categories',
};

/** Every reason a consent cannot be recorded as drafted; empty when it can. */
export function consentProblems(draft: ConsentDraft, today: string): ConsentProblem[] {
  const problems: ConsentProblem[] = [];
  const need = requiredSigners(draft.age);
  const hasMember = draft.givenBy.some((s) => s.kind === 'member');
  const hasParent = draft.givenBy.some((s) => s.kind === 'parent' || s.kind === 'guardian');
  if (need.member && !hasMember) problems.push('member_must_sign');
  if (!need.member && hasMember) problems.push('child_under_12_cannot_sign');
  if (need.parentOrGuardian && !hasParent) problems.push('parent_or_guardian_must_sign');
  if (draft.form === 'verbal' && draft.witness.trim() === '') problems.push('witness_required');
  if (draft.givenOn > today) problems.push('given_in_future');
  if (draft.validUntil < draft.givenOn) problems.push('valid_until_before_given');
  else if (draft.validUntil > addMonths(draft.givenOn, MAX_CONSENT_MONTHS)) problems.push('valid_too_long');
  if (draft.purpose === 'referral' && !draft.serviceId) problems.push('service_required');
  if (draft.categories.length === 0) problems.push('no_categories');
  return problems;
}

export function consentStatus(
  c: { givenOn: string; validUntil: string; withdrawnAt: Date | null },
  today: string,
): ConsentStatus {
  if (c.withdrawnAt) return 'withdrawn';
  if (c.givenOn > today) return 'not_yet_valid';
  if (c.validUntil < today) return 'expired';
  return 'active';
}
