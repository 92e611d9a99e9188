import { Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { StaleNotice, type StaleField } from './StaleNotice.js';
import { FormError } from './states.js';
import type { FormValues, RecordEditor } from './useRecordEdit.js';

interface RecordEditModalProps<T extends { version: number }, V extends FormValues> {
  editor: RecordEditor<T, V>;
  title: string;
  submitLabel: string;
  staleFields: StaleField[];
  onClose: () => void;
  children: ReactNode;
}

/** The add/edit modal around a form: conflict notice, the fields, form error, cancel and save. */
export function RecordEditModal<T extends { version: number }, V extends FormValues>({
  editor,
  title,
  submitLabel,
  staleFields,
  onClose,
  children,
}: RecordEditModalProps<T, V>) {
  const { t } = useTranslation();
  const { form, edit, save } = editor;
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))}>
        <Stack gap="md">
          {edit.stale && (
            <StaleNotice
              base={edit.base}
              current={edit.stale.current}
              mine={form.values}
              fields={staleFields}
              onKeepMine={editor.keepMine}
              onTakeTheirs={editor.takeTheirs}
            />
          )}
          {children}
          {!edit.stale && <FormError error={save.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!!edit.stale}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
