import type {
  ActionInput,
  ActionPatch,
  ActionReport,
  Agreement,
  Assessment,
  AssessmentInput,
  Evaluation,
  EvaluationInput,
  EvaluationRecordInput,
  Goal,
  GoalInput,
  GoalPatch,
  HelpQuestion,
  HelpQuestionInput,
  HelpQuestionPatch,
  MemberAgreementInput,
  Plan,
  PlanAction,
  PlanComparison,
  PlanVersionDetail,
  PlanVersionSummary,
  SafetyAssessment,
  SafetyAssessmentInput,
} from '../../../../contracts/plan.js';
import { buildUrl, request } from '../../../api/client.js';

export type {
  Assessment,
  Evaluation,
  Goal,
  HelpQuestion,
  Plan,
  PlanAction,
  PlanVersionSummary,
  SafetyAssessment,
};

const enc = encodeURIComponent;
const p = (householdId: string) => `/households/${enc(householdId)}/plan`;

/** The plan endpoints (see src/server/modules/plan/routes.ts). */
export const planApi = {
  get: (h: string) => request<Plan>('GET', p(h)),
  assessments: (h: string) => request<{ items: Assessment[] }>('GET', `${p(h)}/assessments`),
  addAssessment: (h: string, body: AssessmentInput, idempotencyKey: string) =>
    request<Assessment>('POST', `${p(h)}/assessments`, { body, idempotencyKey }),
  safety: (h: string) => request<{ items: SafetyAssessment[] }>('GET', `${p(h)}/safety-assessments`),
  addSafety: (h: string, body: SafetyAssessmentInput, idempotencyKey: string) =>
    request<SafetyAssessment>('POST', `${p(h)}/safety-assessments`, { body, idempotencyKey }),
  addQuestion: (h: string, body: HelpQuestionInput, idempotencyKey: string) =>
    request<HelpQuestion>('POST', `${p(h)}/help-questions`, { body, idempotencyKey }),
  updateQuestion: (h: string, id: string, version: number, body: HelpQuestionPatch) =>
    request<HelpQuestion>('PATCH', `${p(h)}/help-questions/${enc(id)}`, { body, version }),
  removeQuestion: (h: string, id: string, version: number) =>
    request<void>('DELETE', `${p(h)}/help-questions/${enc(id)}`, { version }),
  addGoal: (h: string, body: GoalInput, idempotencyKey: string) =>
    request<Goal>('POST', `${p(h)}/goals`, { body, idempotencyKey }),
  updateGoal: (h: string, id: string, version: number, body: GoalPatch) =>
    request<Goal>('PATCH', `${p(h)}/goals/${enc(id)}`, { body, version }),
  addAction: (h: string, body: ActionInput, idempotencyKey: string) =>
    request<PlanAction>('POST', `${p(h)}/actions`, { body, idempotencyKey }),
  updateAction: (h: string, id: string, version: number, body: ActionPatch) =>
    request<PlanAction>('PATCH', `${p(h)}/actions/${enc(id)}`, { body, version }),
  reportAction: (h: string, id: string, version: number, body: ActionReport) =>
    request<PlanAction>('PATCH', `${p(h)}/actions/${enc(id)}/report`, { body, version }),
  scheduleEvaluation: (h: string, body: EvaluationInput, idempotencyKey: string) =>
    request<Evaluation>('POST', `${p(h)}/evaluations`, { body, idempotencyKey }),
  recordEvaluation: (h: string, id: string, version: number, body: EvaluationRecordInput) =>
    request<Evaluation>('POST', `${p(h)}/evaluations/${enc(id)}/record`, { body, version }),
  versions: (h: string) => request<{ items: PlanVersionSummary[] }>('GET', `${p(h)}/versions`),
  version: (h: string, n: number) => request<PlanVersionDetail>('GET', `${p(h)}/versions/${n}`),
  compare: (h: string, from: number, to: number) =>
    request<PlanComparison>('GET', `${p(h)}/compare`, { query: { from, to } }),
  propose: (h: string, n: number) => request<PlanVersionSummary>('POST', `${p(h)}/versions/${n}/propose`),
  agree: (h: string, n: number, body: MemberAgreementInput) =>
    request<Agreement>('POST', `${p(h)}/versions/${n}/agreements`, { body }),
  acknowledge: (h: string, n: number) => request<Agreement>('POST', `${p(h)}/versions/${n}/acknowledge`),
  pdfUrl: (h: string, lang: 'nl' | 'en') => buildUrl(`${p(h)}/pdf`, { lang }),
};

/** The query keys of the plan, so every write can refresh what it touched. */
export const planKeys = {
  plan: (h: string) => ['plan', h] as const,
  versions: (h: string) => ['plan-versions', h] as const,
  assessments: (h: string) => ['assessments', h] as const,
  safety: (h: string) => ['safety', h] as const,
};
