import { Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NetworkContactInput } from '../../../contracts/index.js';
import { isApiError } from '../../api/client.js';
import { api, type Household, type NetworkContact } from '../../api/endpoints.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ContactFields, emptyContact, type ContactFormValues } from '../../components/fields.js';
import { StaleNotice, useStaleEdit, type StaleField } from '../../components/StaleNotice.js';
import { EmptyState, ErrorState, FormError, LoadingState } from '../../components/states.js';
import { useIdempotencyKey } from '../../lib/useIdempotencyKey.js';
import { schemaErrors, serverFieldErrors } from '../../lib/validation.js';
import { Fact } from './MembersTab.js';
import { TONE } from '../../theme.js';
import { notifySuccess } from '../../lib/notify.js';

const QUALITY_COLOR = { supportive: TONE.success, neutral: TONE.neutral, stressful: TONE.danger } as const;

const toValues = (c: NetworkContact): ContactFormValues => ({
  name: c.name,
  relation: c.relation,
  quality: c.quality,
  phone: c.phone,
  note: c.note,
});

export function NetworkTab({ household }: { household: Household }) {
  const { t } = useTranslation();
  const canWrite = household.can.includes('network.write');
  const query = useQuery({
    queryKey: ['contacts', household.id],
    queryFn: () => api.contacts.list(household.id),
  });
  const [editing, setEditing] = useState<NetworkContact | 'new' | null>(null);
  const [removing, setRemoving] = useState<NetworkContact | null>(null);
  const contacts = (query.data?.items ?? []).filter((c) => !c.removed);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <div>
          <Title order={2} size="h3">
            {t('network.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('network.intro')}
          </Text>
        </div>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('network.add')}
          </Button>
        )}
      </Group>
      {query.isPending && <LoadingState label={t('network.loading')} />}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && contacts.length === 0 && <EmptyState>{t('network.empty')}</EmptyState>}
      {contacts.length > 0 && (
        <SimpleGrid
          cols={{ base: 1, sm: 2, lg: 3 }}
          spacing="md"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
        >
          {contacts.map((c) => (
            <Card key={c.id} withBorder component="li" padding="md">
              <Stack gap={6} h="100%">
                <Title order={3} size="h4">
                  {c.name}
                </Title>
                <Group gap="xs">
                  <Badge color={TONE.neutral}>{c.relation}</Badge>
                  <Badge color={QUALITY_COLOR[c.quality]}>{t(`quality.${c.quality}`)}</Badge>
                </Group>
                <dl className="facts">
                  <Fact label={t('contact.phone')}>{c.phone || t('common.none')}</Fact>
                  {c.note && <Fact label={t('contact.note')}>{c.note}</Fact>}
                </dl>
                {canWrite && (
                  <Group gap="xs" mt="auto">
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconPencil size={14} aria-hidden />}
                      onClick={() => setEditing(c)}
                      aria-label={t('network.editNamed', { name: c.name })}
                    >
                      {t('common.edit')}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color={TONE.danger}
                      leftSection={<IconTrash size={14} aria-hidden />}
                      onClick={() => setRemoving(c)}
                      aria-label={t('network.removeNamed', { name: c.name })}
                    >
                      {t('common.remove')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
      {editing && (
        <ContactModal
          householdId={household.id}
          contact={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {removing && (
        <RemoveContactDialog
          householdId={household.id}
          contact={removing}
          onClose={() => setRemoving(null)}
        />
      )}
    </Stack>
  );
}

function ContactModal({
  householdId,
  contact,
  onClose,
}: {
  householdId: string;
  contact: NetworkContact | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const idem = useIdempotencyKey();
  const edit = useStaleEdit<NetworkContact>(contact ?? ({ version: 0 } as NetworkContact));
  const form = useForm<ContactFormValues>({
    initialValues: contact ? toValues(contact) : emptyContact(),
    validate: (values) => schemaErrors(NetworkContactInput, values, t),
  });
  const fetchCurrent = async () =>
    (await api.contacts.list(householdId)).items.find((c) => c.id === contact?.id) ?? null;

  const save = useMutation({
    mutationFn: (values: ContactFormValues) =>
      contact
        ? api.contacts.update(householdId, contact.id, edit.base.version, values)
        : api.contacts.create(householdId, values, idem.key()),
    onSuccess: () => {
      idem.settle();
      void queryClient.invalidateQueries({ queryKey: ['contacts', householdId] });
      void queryClient.invalidateQueries({ queryKey: ['history', householdId] });
      notifySuccess(contact ? t('common.saved') : t('network.added'));
      onClose();
    },
    onError: async (error) => {
      idem.settle(error);
      if (await edit.catchStale(error, fetchCurrent)) return;
      if (isApiError(error) && error.fields.length) form.setErrors(serverFieldErrors(error.fields, t));
    },
  });

  const staleFields: StaleField[] = [
    { key: 'name', label: t('contact.name') },
    { key: 'relation', label: t('contact.relation') },
    { key: 'quality', label: t('contact.quality'), format: (v) => t(`quality.${String(v)}`) },
    { key: 'phone', label: t('contact.phone') },
    { key: 'note', label: t('contact.note') },
  ];

  return (
    <Modal
      opened
      onClose={onClose}
      title={contact ? t('network.editTitle', { name: contact.name }) : t('network.addTitle')}
      size="lg"
    >
      <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))}>
        <Stack gap="md">
          {edit.stale && (
            <StaleNotice
              base={edit.base}
              current={edit.stale.current}
              mine={form.values}
              fields={staleFields}
              onKeepMine={() => {
                form.setValues(edit.keepMineMerged(form.values));
                save.reset();
              }}
              onTakeTheirs={() => {
                const current = edit.takeTheirs();
                if (current) form.setValues(toValues(current));
                save.reset();
              }}
            />
          )}
          <ContactFields
            idPrefix="contact-edit"
            field={(name, type) => form.getInputProps(name, type ? { type } : undefined)}
          />
          {!edit.stale && <FormError error={save.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!!edit.stale}>
              {contact ? t('common.save') : t('network.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function RemoveContactDialog({
  householdId,
  contact,
  onClose,
}: {
  householdId: string;
  contact: NetworkContact;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api.contacts.remove(householdId, contact.id, contact.version),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['contacts', householdId] });
      void queryClient.invalidateQueries({ queryKey: ['history', householdId] });
      notifySuccess(t('network.removed', { name: contact.name }));
      onClose();
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'STALE_VERSION') {
        void queryClient.invalidateQueries({ queryKey: ['contacts', householdId] });
      }
    },
  });
  const stale = isApiError(remove.error) && remove.error.code === 'STALE_VERSION';
  return (
    <ConfirmDialog
      opened
      title={t('network.removeTitle')}
      confirmLabel={stale ? t('common.close') : t('network.removeConfirm')}
      danger={!stale}
      busy={remove.isPending}
      error={stale ? null : remove.error}
      onConfirm={() => (stale ? onClose() : remove.mutate())}
      onCancel={onClose}
    >
      {stale
        ? t('network.removeStale', { name: contact.name })
        : t('network.removeText', { name: contact.name })}
    </ConfirmDialog>
  );
}
