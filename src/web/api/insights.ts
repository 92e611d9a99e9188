import type { Insights } from '../../contracts/insights.js';
import { request } from './client.js';

export type { Insights };

/** Aggregated, anonymised figures of the region (policy viewers, process managers). */
export const insightsApi = {
  get: (period: { from?: string; to?: string }) =>
    request<Insights>('GET', '/insights', { query: { from: period.from, to: period.to } }),
};
