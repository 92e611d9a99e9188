import {
  Badge,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactStatus } from '../../../../contracts/chain.js';
import { CONTACT_STATUSES } from '../../../../domain/chain/contact.js';
import { noShowRate } from '../../../../domain/chain/contact.js';
import { api, type Household } from '../../../api/endpoints.js';
import { chainApi, type Contact } from '../../../components/chain/api.js';
import { EmptyState, ErrorState, FormError, LoadingState } from '../../../components/states.js';
import { formatDateTime } from '../../../lib/format.js';
import { useIdempotencyKey } from '../../../lib/useIdempotencyKey.js';

const WHOLE = 'household';
const COLOR: Record<ContactStatus, string> = {
  planned: '#1a5aa3',
  attended: '#1d6b30',
  no_show: '#b02525',
  cancelled_by_client: '#9a3d00',
  cancelled_by_professional: '#343a40',
};

/** Appointments with household members and what became of them. */
export function ContactsTab({ household }: { household: Household }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [recording, setRecording] = useState<Contact | null>(null);
  const query = useQuery({
    queryKey: ['chain-contacts', household.id],
    queryFn: () => chainApi.contacts.list(household.id),
  });
  const canWrite = household.can.includes('contact.write');
  const items = query.data?.items ?? [];
  const counted = items.filter((c) => c.status === 'attended' || c.status === 'no_show');
  const rate = noShowRate(items.map((c) => c.status));
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2} size="h3">
            {t('chain.contacts.title')}
          </Title>
          <Text size="sm">{t('chain.contacts.intro')}</Text>
        </Stack>
        {canWrite && (
          <Button leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
            {t('chain.contacts.add')}
          </Button>
        )}
      </Group>
      {query.isPending && <LoadingState label={t('chain.contacts.loading')} />}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && items.length === 0 && <EmptyState>{t('chain.contacts.empty')}</EmptyState>}
      {rate !== null && (
        <Text size="sm">
          {t('chain.contacts.noShowRate', {
            count: counted.filter((c) => c.status === 'no_show').length,
            total: counted.length,
          })}
        </Text>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-label={t('chain.contacts.table')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('chain.contacts.when')}</Table.Th>
                <Table.Th scope="col">{t('chain.contacts.member')}</Table.Th>
                <Table.Th scope="col">{t('chain.contacts.by')}</Table.Th>
                <Table.Th scope="col">{t('chain.involved.status')}</Table.Th>
                <Table.Th scope="col">{t('chain.contacts.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{formatDateTime(c.plannedAt)}</Table.Td>
                  <Table.Td>{c.member?.name ?? t('chain.common.household')}</Table.Td>
                  <Table.Td>
                    {c.professional.name}
                    <Text size="xs">{c.organisation.name}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={COLOR[c.status]}>{t(`chain.contactStatus.${c.status}`)}</Badge>
                    {c.status === 'planned' && c.canEdit && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        ml={4}
                        onClick={() => setRecording(c)}
                        aria-label={t('chain.contacts.outcomeNamed', { date: formatDateTime(c.plannedAt) })}
                      >
                        {t('chain.contacts.outcome')}
                      </Button>
                    )}
                  </Table.Td>
                  <Table.Td>{c.note}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {adding && <ContactModal household={household} onClose={() => setAdding(false)} />}
      {recording && (
        <ContactModal household={household} contact={recording} onClose={() => setRecording(null)} />
      )}
    </Stack>
  );
}

function ContactModal({
  household,
  contact,
  onClose,
}: {
  household: Household;
  contact?: Contact;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const idem = useIdempotencyKey();
  const members = useQuery({
    queryKey: ['members', household.id],
    queryFn: () => api.members.list(household.id),
  });
  const local = (d: Date) =>
    new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  const form = useForm({
    initialValues: {
      memberId: contact?.member?.id ?? WHOLE,
      plannedAt: local(contact ? new Date(contact.plannedAt) : new Date()),
      status: contact?.status ?? 'planned',
      note: contact?.note ?? '',
    },
    validate: { plannedAt: (v) => (v ? null : t('validation.required')) },
  });
  const save = useMutation({
    mutationFn: (v: typeof form.values) => {
      const plannedAt = new Date(v.plannedAt).toISOString();
      const status = v.status;
      return contact
        ? chainApi.contacts.update(household.id, contact.id, contact.version, {
            status,
            note: v.note,
            plannedAt,
          })
        : chainApi.contacts.create(
            household.id,
            { memberId: v.memberId === WHOLE ? null : v.memberId, plannedAt, status, note: v.note },
            idem.key(),
          );
    },
    onSuccess: () => {
      idem.settle();
      void queryClient.invalidateQueries({ queryKey: ['chain-contacts', household.id] });
      notifications.show({ color: 'green', message: t('chain.contacts.saved') });
      onClose();
    },
    onError: (e) => idem.settle(e),
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={contact ? t('chain.contacts.outcome') : t('chain.contacts.addTitle')}
    >
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack gap="sm">
          {!contact && (
            <Select
              label={t('chain.contacts.member')}
              data={[
                { value: WHOLE, label: t('chain.common.household') },
                ...(members.data?.items ?? [])
                  .filter((m) => !m.removed)
                  .map((m) => ({ value: m.id, label: m.name })),
              ]}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('memberId')}
            />
          )}
          <TextInput
            type="datetime-local"
            label={t('chain.contacts.plannedAt')}
            required
            {...form.getInputProps('plannedAt')}
          />
          <Select
            label={t('chain.contacts.statusLabel')}
            data={CONTACT_STATUSES.map((s) => ({ value: s, label: t(`chain.contactStatus.${s}`) }))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('status')}
          />
          <Textarea
            label={t('chain.contacts.note')}
            description={t('chain.contacts.noteHelp')}
            maxLength={300}
            autosize
            minRows={2}
            {...form.getInputProps('note')}
          />
          <FormError error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('chain.common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('chain.common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
