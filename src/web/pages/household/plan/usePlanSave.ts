import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type FieldError, isApiError } from '../../../api/client.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useIdempotencyKey } from '../../../lib/useIdempotencyKey.js';
import { serverFieldErrors } from '../../../lib/validation.js';
import { refreshPlan } from './invalidate.js';

/**
 * The save of a plan form: one idempotency key per submission, then refresh, notify and close;
 * a version conflict goes to `catchStale`, server field errors go onto the form.
 */
export function usePlanSave<V>({
  householdId,
  save,
  saved,
  onClose,
  setErrors,
  refresh,
  catchStale,
  mapFields = (fields) => fields,
  onlyValidation = false,
}: {
  householdId: string;
  save: (values: V, idempotencyKey: () => string) => Promise<unknown>;
  /** The message after saving. */
  saved: string;
  onClose: () => void;
  setErrors: (errors: Record<string, string>) => void;
  /** Only this query changes (default: the plan and its versions). */
  refresh?: QueryKey;
  catchStale?: (error: unknown) => Promise<boolean>;
  /** Puts server field paths onto the form's fields. */
  mapFields?: (fields: FieldError[]) => FieldError[];
  /** Only VALIDATION_FAILED errors go onto the fields. */
  onlyValidation?: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const idem = useIdempotencyKey();
  return useMutation({
    mutationFn: (values: V) => save(values, idem.key),
    onSuccess: () => {
      idem.settle();
      if (refresh) void queryClient.invalidateQueries({ queryKey: refresh });
      else refreshPlan(queryClient, householdId);
      notifySuccess(saved);
      onClose();
    },
    onError: async (error) => {
      idem.settle(error);
      if (catchStale && (await catchStale(error))) return;
      if (isApiError(error) && (!onlyValidation || error.code === 'VALIDATION_FAILED') && error.fields.length)
        setErrors(serverFieldErrors(mapFields(error.fields), t));
    },
  });
}
