import { Button, Group, Modal, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/states.js';

/**
 * The modal around a plan form: close button, the fields, the save error (unless the edit is stale,
 * or `alert` says something more specific), cancel and save.
 */
export function PlanFormModal<V>({
  title,
  size = 'lg',
  onClose,
  form,
  save,
  stale = false,
  alert,
  children,
}: {
  title: string;
  size?: 'lg' | 'xl';
  onClose: () => void;
  form: { onSubmit: (handler: (values: V) => void) => (event?: FormEvent<HTMLFormElement>) => void };
  save: { mutate: (values: V) => void; error: unknown; isPending: boolean };
  /** A version conflict is shown: no save error, and saving waits for the user's choice. */
  stale?: boolean;
  alert?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={title}
      size={size}
    >
      <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))}>
        <Stack gap="md">
          {children}
          {alert ?? (!stale && <FormError error={save.error} />)}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={stale}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
