import { EmptyState, ErrorState, LoadingState } from './states.js';

export interface ListQuery {
  isPending: boolean;
  isError: boolean;
  isSuccess: boolean;
  error: unknown;
  refetch: () => Promise<unknown>;
}

/** Loading, error (with retry) and empty states of a list query. */
export function QueryStates({
  query,
  count,
  loadingLabel,
  emptyText,
}: {
  query: ListQuery;
  count: number;
  loadingLabel: string;
  emptyText: string;
}) {
  return (
    <>
      {query.isPending && <LoadingState label={loadingLabel} />}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && count === 0 && <EmptyState>{emptyText}</EmptyState>}
    </>
  );
}
