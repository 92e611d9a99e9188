import type {
  Contact,
  ContactInput,
  ContactPatch,
  Handover,
  HandoverComplete,
  HandoverCreate,
  HandoverPatch,
  InvolvedOverview,
  InvolvementNotice,
  Referral,
  ReferralCreate,
  ReferralStepInput,
  Service,
  ServiceInput,
  ServicePatch,
  ServiceQuery,
  TimelinePage,
} from '../../../contracts/index.js';
import { request } from '../../api/client.js';

export type { Contact, Handover, InvolvedOverview, InvolvementNotice, Referral, Service, TimelinePage };
const enc = encodeURIComponent;
const hh = (id: string) => `/households/${enc(id)}`;

/** The chain's endpoints: services, referrals, contacts, warm handovers, notices and the timeline. */
export const chainApi = {
  services: {
    list: (query: ServiceQuery = {}) => request<{ items: Service[] }>('GET', '/services', { query: query }),
    create: (body: ServiceInput, idempotencyKey: string) =>
      request<Service>('POST', '/services', { body, idempotencyKey }),
    update: (id: string, version: number, body: ServicePatch) =>
      request<Service>('PATCH', `/services/${enc(id)}`, { body, version }),
  },
  involved: (householdId: string) => request<InvolvedOverview>('GET', `${hh(householdId)}/involved`),
  referrals: {
    create: (householdId: string, body: ReferralCreate, idempotencyKey: string) =>
      request<Referral>('POST', `${hh(householdId)}/referrals`, { body, idempotencyKey }),
    queue: (status: 'open' | 'closed' | 'all') =>
      request<{ items: Referral[] }>('GET', '/referrals', { query: { status } }),
    step: (id: string, version: number, body: ReferralStepInput, idempotencyKey: string) =>
      request<Referral>('POST', `/referrals/${enc(id)}/steps`, { body, version, idempotencyKey }),
  },
  notices: {
    list: () => request<{ items: InvolvementNotice[] }>('GET', '/notices'),
    read: (id: string) => request<void>('POST', `/notices/${enc(id)}/read`, { body: {} }),
  },
  contacts: {
    list: (householdId: string) => request<{ items: Contact[] }>('GET', `${hh(householdId)}/contacts`),
    create: (householdId: string, body: ContactInput, idempotencyKey: string) =>
      request<Contact>('POST', `${hh(householdId)}/contacts`, { body, idempotencyKey }),
    update: (householdId: string, id: string, version: number, body: ContactPatch) =>
      request<Contact>('PATCH', `${hh(householdId)}/contacts/${enc(id)}`, { body, version }),
  },
  handovers: {
    list: (householdId: string) => request<{ items: Handover[] }>('GET', `${hh(householdId)}/handovers`),
    create: (householdId: string, body: HandoverCreate, idempotencyKey: string) =>
      request<Handover>('POST', `${hh(householdId)}/handovers`, { body, idempotencyKey }),
    update: (householdId: string, id: string, version: number, body: HandoverPatch) =>
      request<Handover>('PATCH', `${hh(householdId)}/handovers/${enc(id)}`, { body, version }),
    complete: (
      householdId: string,
      id: string,
      version: number,
      body: HandoverComplete,
      idempotencyKey: string,
    ) =>
      request<Handover>('POST', `${hh(householdId)}/handovers/${enc(id)}/complete`, {
        body,
        version,
        idempotencyKey,
      }),
  },
  timeline: (householdId: string, query: { from?: string; to?: string; kinds?: string; memberId?: string }) =>
    request<TimelinePage>('GET', `${hh(householdId)}/timeline`, { query }),
};
