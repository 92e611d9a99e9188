import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import type { ReactNode } from 'react';
import { FormError } from '../../components/states.js';

/** A small stagnation form in a modal: the fields, the save error and one save button. */
export function StagnationFormModal({
  title,
  saveLabel,
  onClose,
  onSave,
  error,
  pending,
  children,
}: {
  title: string;
  saveLabel: string;
  onClose: () => void;
  onSave: () => void;
  error: unknown;
  pending: boolean;
  children: ReactNode;
}) {
  return (
    <Modal opened onClose={onClose} title={title}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSave();
        }}
      >
        <Stack>
          {children}
          <FormError error={error} />
          <Group justify="flex-end">
            <Button type="submit" loading={pending}>
              {saveLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** A required choice from a fixed list. */
export function ChoiceSelect({
  label,
  data,
  value,
  onChange,
}: {
  label: string;
  data: { value: string; label: string }[];
  value: string | null;
  onChange: (value: string | null) => void;
}) {
  return (
    <Select label={label} data={data} value={value} onChange={onChange} allowDeselect={false} required />
  );
}

/** Free text with a length limit. */
export function NoteField({
  label,
  value,
  onChange,
  maxLength,
  minRows,
  required,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  minRows: number;
  required?: boolean;
}) {
  return (
    <Textarea
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      required={required}
      maxLength={maxLength}
      autosize
      minRows={minRows}
    />
  );
}
