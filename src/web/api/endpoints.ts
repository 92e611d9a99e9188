import type { z } from 'zod';
import type {
  AuditEntry,
  AuditPage,
  AuditQuery,
  AuditVerifyResult,
  ChangePasswordBody,
  RecoveryCodes,
  SecondFactorBody,
  SecondFactorStatus,
  TotpCodeBody,
  TotpConfirmed,
  TotpSetup,
  HistoryList,
  Household,
  HouseholdCreate,
  HouseholdList,
  HouseholdPatch,
  InvolvementInput,
  InvolvementList,
  Involvement,
  LoginBody,
  Member,
  MemberInput,
  MemberList,
  MemberPatch,
  NetworkContact,
  NetworkContactInput,
  NetworkContactList,
  NetworkContactPatch,
  Organisation,
  OrganisationInput,
  OrganisationList,
  OrganisationPatch,
  ProfessionalList,
  RemovedList,
  RemovedRecord,
  SessionInfo,
  User,
  UserCreate,
  UserList,
  UserPatch,
} from '../../contracts/index.js';
import { request, type Query } from './client.js';

type Out<S extends z.ZodType> = z.infer<S>;

export type {
  AuditEntry,
  AuditVerifyResult,
  Household,
  Involvement,
  Member,
  NetworkContact,
  Organisation,
  User,
};
export type AuditPageData = Out<typeof AuditPage>;
export type HouseholdListData = Out<typeof HouseholdList>;
export type HistoryListData = Out<typeof HistoryList>;
export type ProfessionalListData = Out<typeof ProfessionalList>;
export type RemovedListData = Out<typeof RemovedList>;
export type { RemovedRecord };

const enc = encodeURIComponent;

export const api = {
  auth: {
    session: () => request<SessionInfo>('GET', '/auth/session', { skipUnauthorizedHandler: true }),
    login: (body: LoginBody) =>
      request<SessionInfo>('POST', '/auth/login', { body, skipUnauthorizedHandler: true }),
    logout: () => request<void>('POST', '/auth/logout', { skipUnauthorizedHandler: true }),
    changePassword: (body: ChangePasswordBody) =>
      request<void>('POST', '/auth/password', { body, skipUnauthorizedHandler: true }),
    secondFactor: (body: SecondFactorBody) => request<SessionInfo>('POST', '/auth/second-factor', { body }),
    totpStatus: () => request<SecondFactorStatus>('GET', '/auth/totp'),
    totpSetup: () => request<TotpSetup>('POST', '/auth/totp/setup'),
    totpConfirm: (body: TotpCodeBody) => request<TotpConfirmed>('POST', '/auth/totp/confirm', { body }),
    recoveryCodes: (body: TotpCodeBody) =>
      request<RecoveryCodes>('POST', '/auth/totp/recovery-codes', { body }),
    totpDisable: (body: TotpCodeBody) => request<void>('POST', '/auth/totp/disable', { body }),
  },
  organisations: {
    list: () => request<Out<typeof OrganisationList>>('GET', '/organisations'),
    get: (id: string) => request<Organisation>('GET', `/organisations/${enc(id)}`),
    create: (body: OrganisationInput, idempotencyKey: string) =>
      request<Organisation>('POST', '/organisations', { body, idempotencyKey }),
    update: (id: string, version: number, body: OrganisationPatch) =>
      request<Organisation>('PATCH', `/organisations/${enc(id)}`, { body, version }),
  },
  users: {
    list: () => request<Out<typeof UserList>>('GET', '/users'),
    get: (id: string) => request<User>('GET', `/users/${enc(id)}`),
    create: (body: UserCreate, idempotencyKey: string) =>
      request<User>('POST', '/users', { body, idempotencyKey }),
    update: (id: string, version: number, body: UserPatch) =>
      request<User>('PATCH', `/users/${enc(id)}`, { body, version }),
  },
  professionals: {
    list: () => request<ProfessionalListData>('GET', '/professionals'),
  },
  households: {
    list: () => request<HouseholdListData>('GET', '/households'),
    get: (id: string) => request<Household>('GET', `/households/${enc(id)}`),
    create: (body: HouseholdCreate, idempotencyKey: string) =>
      request<Household>('POST', '/households', { body, idempotencyKey }),
    update: (id: string, version: number, body: HouseholdPatch) =>
      request<Household>('PATCH', `/households/${enc(id)}`, { body, version }),
    history: (id: string) => request<HistoryListData>('GET', `/households/${enc(id)}/history`),
  },
  members: {
    list: (householdId: string) =>
      request<Out<typeof MemberList>>('GET', `/households/${enc(householdId)}/members`),
    create: (householdId: string, body: MemberInput, idempotencyKey: string) =>
      request<Member>('POST', `/households/${enc(householdId)}/members`, { body, idempotencyKey }),
    update: (householdId: string, id: string, version: number, body: MemberPatch) =>
      request<Member>('PATCH', `/households/${enc(householdId)}/members/${enc(id)}`, { body, version }),
    remove: (householdId: string, id: string, version: number) =>
      request<void>('DELETE', `/households/${enc(householdId)}/members/${enc(id)}`, { version }),
  },
  contacts: {
    list: (householdId: string) =>
      request<Out<typeof NetworkContactList>>('GET', `/households/${enc(householdId)}/network-contacts`),
    create: (householdId: string, body: NetworkContactInput, idempotencyKey: string) =>
      request<NetworkContact>('POST', `/households/${enc(householdId)}/network-contacts`, {
        body,
        idempotencyKey,
      }),
    update: (householdId: string, id: string, version: number, body: NetworkContactPatch) =>
      request<NetworkContact>('PATCH', `/households/${enc(householdId)}/network-contacts/${enc(id)}`, {
        body,
        version,
      }),
    remove: (householdId: string, id: string, version: number) =>
      request<void>('DELETE', `/households/${enc(householdId)}/network-contacts/${enc(id)}`, { version }),
  },
  involvements: {
    list: (householdId: string) =>
      request<Out<typeof InvolvementList>>('GET', `/households/${enc(householdId)}/involvements`),
    create: (householdId: string, body: InvolvementInput, idempotencyKey: string) =>
      request<Involvement>('POST', `/households/${enc(householdId)}/involvements`, { body, idempotencyKey }),
    remove: (householdId: string, id: string) =>
      request<void>('DELETE', `/households/${enc(householdId)}/involvements/${enc(id)}`),
  },
  admin: {
    removed: () => request<RemovedListData>('GET', '/admin/removed'),
    restore: (recordType: RemovedRecord['recordType'], id: string) =>
      request<void>('POST', `/admin/removed/${enc(recordType)}/${enc(id)}/restore`),
  },
  audit: {
    list: (query: AuditQuery) => request<AuditPageData>('GET', '/audit', { query: { ...query } as Query }),
    verify: () => request<AuditVerifyResult>('GET', '/audit/verify'),
  },
};
