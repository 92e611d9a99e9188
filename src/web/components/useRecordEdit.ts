import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.js';
import { useIdempotencyKey } from '../lib/useIdempotencyKey.js';
import { serverFieldErrors } from '../lib/validation.js';
import { useStaleEdit } from './StaleNotice.js';

/** What Mantine's useForm accepts as values (interfaces included). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FormValues = Record<string, any>;

export interface RecordEditOptions<T extends { version: number }, V extends FormValues> {
  /** The record being edited, or null when adding a new one. */
  record: T | null;
  initialValues: V;
  toValues: (record: T) => V;
  validate: (values: V) => Record<string, string>;
  /** Saves the values: update with `version`, or create with `idempotencyKey()`. */
  save: (values: V, version: number, idempotencyKey: () => string) => Promise<unknown>;
  /** Fetches the server's current record after a version conflict; null: conflicts are not caught. */
  fetchCurrent: (() => Promise<T | null>) | null;
  /** Invalidate queries, notify and close. */
  onSaved: () => void;
  /** Extra handling for errors that are not version conflicts, before field errors are shown. */
  onOtherError?: (error: unknown, setFieldError: (path: string, message: string) => void) => void;
}

/**
 * Form, save mutation and version-conflict handling for an add/edit modal: one idempotency key per
 * submission, 412 STALE_VERSION shown as a conflict, server field errors put on the fields.
 */
export function useRecordEdit<T extends { version: number }, V extends FormValues>(
  options: RecordEditOptions<T, V>,
) {
  const { t } = useTranslation();
  const idem = useIdempotencyKey();
  const edit = useStaleEdit<T>(options.record ?? ({ version: 0 } as T));
  const form = useForm<V>({ initialValues: options.initialValues, validate: options.validate });
  const save = useMutation({
    mutationFn: (values: V) => options.save(values, edit.base.version, idem.key),
    onSuccess: () => {
      idem.settle();
      options.onSaved();
    },
    onError: async (error) => {
      idem.settle(error);
      if (options.fetchCurrent && (await edit.catchStale(error, options.fetchCurrent))) return;
      options.onOtherError?.(error, form.setFieldError);
      if (isApiError(error) && error.fields.length) form.setErrors(serverFieldErrors(error.fields, t));
    },
  });
  return {
    form,
    edit,
    save,
    keepMine: () => {
      form.setValues(edit.keepMineMerged(form.values));
      save.reset();
    },
    takeTheirs: () => {
      const current = edit.takeTheirs();
      if (current) form.setValues(options.toValues(current));
      save.reset();
    },
  };
}

export type RecordEditor<T extends { version: number }, V extends FormValues> = ReturnType<
  typeof useRecordEdit<T, V>
>;
