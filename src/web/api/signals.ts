import type {
  AssignInput,
  AssignmentView,
  CaseloadBoard,
  MeldcodeCase,
  MeldcodeStepInput,
  Notification,
  NotificationEmailChoice,
  NotificationPreferences,
  PassedOnDetail,
  PassedOnSummary,
  ProfessionalSignalInput,
  PublicSignalInput,
  PublicSignalReceipt,
  PublicSignalStatus,
  SignalDetail,
  SignalSummary,
  TriageDecisionInput,
  TriageDecisionResult,
} from '../../contracts/index.js';
import { request } from './client.js';

export type {
  AssignmentView,
  CaseloadBoard,
  MeldcodeCase,
  Notification,
  PassedOnDetail,
  PassedOnSummary,
  SignalDetail,
  SignalSummary,
};

const enc = encodeURIComponent;

/** API calls of signals, triage, assignment, caseloads, meldcode and notifications. */
export const signalsApi = {
  submitPublic: (body: PublicSignalInput) =>
    request<PublicSignalReceipt>('POST', '/public/signals', { body, skipUnauthorizedHandler: true }),
  status: (code: string) =>
    request<PublicSignalStatus>('GET', '/public/signals/status', {
      query: { code },
      skipUnauthorizedHandler: true,
    }),
  submit: (body: ProfessionalSignalInput, idempotencyKey: string) =>
    request<SignalSummary>('POST', '/signals', { body, idempotencyKey }),
  mine: () => request<{ items: SignalSummary[] }>('GET', '/signals/mine'),
  queue: (state: 'open' | 'decided') =>
    request<{ items: SignalSummary[] }>('GET', '/triage/signals', { query: { state } }),
  signal: (id: string) => request<SignalDetail>('GET', `/triage/signals/${enc(id)}`),
  decide: (id: string, version: number, body: TriageDecisionInput, idempotencyKey: string) =>
    request<TriageDecisionResult>('POST', `/triage/signals/${enc(id)}/decision`, {
      body,
      version,
      idempotencyKey,
    }),
  assignment: (householdId: string) =>
    request<AssignmentView>('GET', `/assignment/households/${enc(householdId)}`),
  assign: (householdId: string, version: number, body: AssignInput, idempotencyKey: string) =>
    request<AssignmentView>('POST', `/assignment/households/${enc(householdId)}`, {
      body,
      version,
      idempotencyKey,
    }),
  passedOn: () => request<{ items: PassedOnSummary[] }>('GET', '/signals/passed-on'),
  passedOnSignal: (id: string) => request<PassedOnDetail>('GET', `/signals/passed-on/${enc(id)}`),
  pickUp: (id: string, version: number) =>
    request<PassedOnDetail>('POST', `/signals/passed-on/${enc(id)}/pick-up`, { version }),
  caseloads: () => request<CaseloadBoard>('GET', '/caseloads'),
  notifications: () => request<{ items: Notification[]; unread: number }>('GET', '/notifications'),
  unread: () => request<{ unread: number }>('GET', '/notifications/unread-count'),
  markRead: (id: string) => request<void>('POST', `/notifications/${enc(id)}/read`),
  markAllRead: () => request<void>('POST', '/notifications/read-all'),
  notificationPreferences: () => request<NotificationPreferences>('GET', '/notifications/preferences'),
  saveNotificationPreferences: (version: number, email: NotificationEmailChoice) =>
    request<NotificationPreferences>('PATCH', '/notifications/preferences', { body: { email }, version }),
  meldcode: (householdId: string) =>
    request<{ items: MeldcodeCase[] }>('GET', `/households/${enc(householdId)}/meldcode`),
  openMeldcode: (householdId: string, idempotencyKey: string) =>
    request<MeldcodeCase>('POST', `/households/${enc(householdId)}/meldcode`, { idempotencyKey }),
  recordStep: (
    householdId: string,
    caseId: string,
    version: number,
    body: MeldcodeStepInput,
    idempotencyKey: string,
  ) =>
    request<MeldcodeCase>('POST', `/households/${enc(householdId)}/meldcode/${enc(caseId)}/steps`, {
      body,
      version,
      idempotencyKey,
    }),
};
