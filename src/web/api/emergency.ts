import type {
  EmergencyAccess,
  EmergencyRequest,
  EmergencyReviewInput,
  EmergencyReviewItem,
  EmergencyStarted,
  Employee,
  EmployeeAccessLog,
  HouseholdAccessLog,
} from '../../contracts/index.js';
import { request } from './client.js';

export type { EmergencyAccess, EmergencyReviewItem, Employee, EmployeeAccessLog, HouseholdAccessLog };

const enc = encodeURIComponent;

/** API calls of emergency access (noodknop), its review, and the access overviews. */
export const emergencyApi = {
  start: (body: EmergencyRequest, idempotencyKey: string) =>
    request<EmergencyStarted>('POST', '/emergency-access', { body, idempotencyKey }),
  mine: () => request<{ items: EmergencyAccess[] }>('GET', '/emergency-access/mine'),
  end: (id: string) => request<EmergencyAccess>('POST', `/emergency-access/${enc(id)}/end`, { body: {} }),
  reviewQueue: (status: 'pending' | 'reviewed') =>
    request<{ items: EmergencyReviewItem[] }>('GET', '/privacy/emergency-accesses', { query: { status } }),
  review: (id: string, version: number, body: EmergencyReviewInput) =>
    request<EmergencyReviewItem>('POST', `/privacy/emergency-accesses/${enc(id)}/review`, { body, version }),
  householdLog: (householdId: string, period: { from?: string; to?: string }) =>
    request<HouseholdAccessLog>('GET', `/households/${enc(householdId)}/access-log`, { query: period }),
  employees: () => request<{ items: Employee[] }>('GET', '/privacy/employees'),
  employeeLog: (userId: string, period: { from?: string; to?: string }) =>
    request<EmployeeAccessLog>('GET', '/privacy/access-log', { query: { userId, ...period } }),
};
