import { useCallback, useRef } from 'react';
import { isApiError, newIdempotencyKey } from '../api/client.js';

/**
 * One key per form submission. The key is kept when the outcome of a submission is unknown
 * (network trouble, server error) so a retry cannot create the record twice; it is dropped after
 * success or after a definite answer from the server (such as a validation error).
 */
export function useIdempotencyKey(): { key: () => string; settle: (error?: unknown) => void } {
  const ref = useRef<string | null>(null);
  const key = useCallback(() => (ref.current ??= newIdempotencyKey()), []);
  const settle = useCallback((error?: unknown) => {
    if (error && isApiError(error) && error.outcomeUnknown) return;
    ref.current = null;
  }, []);
  return { key, settle };
}
