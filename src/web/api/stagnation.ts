import type {
  EscalationBriefing,
  OutreachInput,
  ResolveInput,
  Stagnation,
  StagnationBoard,
  StagnationDetail,
  StagnationReportInput,
  StagnationSettingsBody,
  StagnationSettingsView,
} from '../../contracts/index.js';
import { request } from './client.js';

export type { EscalationBriefing, Stagnation, StagnationBoard, StagnationDetail, StagnationSettingsView };

const enc = encodeURIComponent;

/** API calls of stagnation: worklist, household stagnations, escalations, the regional board and settings. */
export const stagnationApi = {
  worklist: () => request<{ items: Stagnation[] }>('GET', '/stagnations'),
  get: (id: string) => request<StagnationDetail>('GET', `/stagnations/${enc(id)}`),
  acknowledge: (id: string) => request<StagnationDetail>('POST', `/stagnations/${enc(id)}/acknowledge`),
  outreach: (id: string, body: OutreachInput, idempotencyKey: string) =>
    request<StagnationDetail>('POST', `/stagnations/${enc(id)}/outreach`, { body, idempotencyKey }),
  resolve: (id: string, body: ResolveInput) =>
    request<StagnationDetail>('POST', `/stagnations/${enc(id)}/resolve`, { body }),
  escalate: (id: string) =>
    request<StagnationDetail>('POST', `/stagnations/${enc(id)}/escalate`, { body: {} }),
  ofHousehold: (householdId: string, status: 'open' | 'all') =>
    request<{ items: Stagnation[] }>('GET', `/households/${enc(householdId)}/stagnations`, {
      query: { status },
    }),
  report: (householdId: string, body: StagnationReportInput, idempotencyKey: string) =>
    request<StagnationDetail>('POST', `/households/${enc(householdId)}/stagnations`, {
      body,
      idempotencyKey,
    }),
  escalations: () => request<{ items: EscalationBriefing[] }>('GET', '/escalations'),
  acknowledgeEscalation: (id: string) => request<void>('POST', `/escalations/${enc(id)}/acknowledge`),
  board: () => request<StagnationBoard>('GET', '/stagnation/board'),
  settings: () => request<StagnationSettingsView>('GET', '/stagnation/settings'),
  saveSettings: (version: number, body: StagnationSettingsBody) =>
    request<StagnationSettingsView>('PATCH', '/stagnation/settings', { body, version }),
};
