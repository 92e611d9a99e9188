import type {
  Consent,
  ConsentInput,
  ConsentWithdrawal,
  LegalBasis,
  LegalBasisInput,
} from '../../contracts/index.js';
import { request } from './client.js';

export type { Consent, LegalBasis };

const hh = (id: string) => `/households/${encodeURIComponent(id)}`;

/** Consent (toestemming) and legal bases of a household. */
export const consentApi = {
  list: (householdId: string) => request<{ items: Consent[] }>('GET', `${hh(householdId)}/consents`),
  record: (householdId: string, body: ConsentInput, idempotencyKey: string) =>
    request<Consent>('POST', `${hh(householdId)}/consents`, { body, idempotencyKey }),
  withdraw: (householdId: string, id: string, version: number, body: ConsentWithdrawal) =>
    request<Consent>('POST', `${hh(householdId)}/consents/${encodeURIComponent(id)}/withdraw`, {
      body,
      version,
    }),
  bases: (householdId: string) => request<{ items: LegalBasis[] }>('GET', `${hh(householdId)}/legal-bases`),
  recordBasis: (householdId: string, body: LegalBasisInput, idempotencyKey: string) =>
    request<LegalBasis>('POST', `${hh(householdId)}/legal-bases`, { body, idempotencyKey }),
  endBasis: (householdId: string, id: string, version: number) =>
    request<LegalBasis>('POST', `${hh(householdId)}/legal-bases/${encodeURIComponent(id)}/end`, {
      body: {},
      version,
    }),
};
