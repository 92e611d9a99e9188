import type { QueryClient } from '@tanstack/react-query';
import { planKeys } from './api.js';

/** After any change to the plan: the plan itself and its versions. */
export function refreshPlan(queryClient: QueryClient, householdId: string): void {
  void queryClient.invalidateQueries({ queryKey: planKeys.plan(householdId) });
  void queryClient.invalidateQueries({ queryKey: planKeys.versions(householdId) });
}
