import type { LifeDomain } from '../plan/domains.js';

/**
 * The data categories that decide what a caller sees (issue 5). Every field of household data belongs to one.
 * `identity`: names, dates of birth, contact details, address, who is involved.
 * `plan`: help questions, goals, actions and evaluations (the "main lines").
 * `contacts`: appointments and attendance.
 * `assessment`: ZRM scores and notes (other than health and finances).
 * `safety`: the safety assessment.
 * `health`: health and addiction (ZRM mental health, physical health, substance use; goals in those domains).
 * `financial`: finances (ZRM finances; goals in that domain).
 */
export const DATA_CATEGORIES = [
  'identity',
  'plan',
  'contacts',
  'assessment',
  'safety',
  'health',
  'financial',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/** Categories a partner professional sees only with consent or a recorded basis. */
export const SENSITIVE_CATEGORIES: readonly DataCategory[] = ['assessment', 'safety', 'health', 'financial'];

const DOMAIN_CATEGORY: Partial<Record<LifeDomain, DataCategory>> = {
  finances: 'financial',
  mental_health: 'health',
  physical_health: 'health',
  substance_use: 'health',
};

/** The category of a plan item (help question, goal) in a life domain: health and finances are sensitive. */
export function planDomainCategory(domain: LifeDomain): DataCategory {
  return DOMAIN_CATEGORY[domain] ?? 'plan';
}

/** The category of one ZRM score: health and finances, otherwise the assessment itself. */
export function scoreCategory(domain: LifeDomain): DataCategory {
  return DOMAIN_CATEGORY[domain] ?? 'assessment';
}

/** The category an audited object type belongs to, for the household's access overview. */
export function objectTypeCategory(objectType: string): DataCategory {
  switch (objectType) {
    case 'assessment':
      return 'assessment';
    case 'safety_assessment':
      return 'safety';
    case 'contact':
    case 'contacts':
      return 'contacts';
    case 'plan':
    case 'plan_version':
    case 'plan_pdf':
    case 'help_question':
    case 'goal':
    case 'plan_action':
    case 'evaluation':
    case 'plan_agreement':
      return 'plan';
    default:
      return 'identity';
  }
}
