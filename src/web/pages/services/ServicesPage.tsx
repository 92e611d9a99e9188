import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SERVICE_KINDS, type ServiceKind } from '../../../contracts/chain.js';
import { useSession } from '../../auth/session.js';
import { chainApi, type Service } from '../../components/chain/api.js';
import { EmptyState, ErrorState, FormError, LoadingState, usePageTitle } from '../../components/states.js';
import { useIdempotencyKey } from '../../lib/useIdempotencyKey.js';

/** The directory of services: everyone reads it; an organisation's managers keep their own services up to date. */
export function ServicesPage() {
  const { t } = useTranslation();
  usePageTitle(t('chain.services.title'));
  const session = useSession();
  const canManage = session.can('service.manage');
  const [kind, setKind] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [inactive, setInactive] = useState(false);
  const [editing, setEditing] = useState<Service | 'new' | null>(null);
  const query = useQuery({
    queryKey: ['services', kind, q, inactive],
    queryFn: () =>
      chainApi.services.list({
        ...(kind ? { kind: kind as ServiceKind } : {}),
        ...(q.trim() ? { q: q.trim() } : {}),
        ...(inactive ? { includeInactive: 'true' } : {}),
      }),
  });
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('chain.services.title')}</Title>
          <Text>{t('chain.services.intro')}</Text>
        </Stack>
        {canManage && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('chain.services.add')}
          </Button>
        )}
      </Group>
      <Group align="flex-end">
        <TextInput
          label={t('chain.services.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          maxLength={120}
        />
        <Select
          label={t('chain.services.kindFilter')}
          placeholder={t('chain.services.allKinds')}
          clearable
          data={SERVICE_KINDS.map((k) => ({ value: k, label: t(`chain.kind.${k}`) }))}
          value={kind}
          onChange={setKind}
        />
        <Checkbox
          label={t('chain.services.showInactive')}
          checked={inactive}
          onChange={(e) => setInactive(e.currentTarget.checked)}
          mb={8}
        />
      </Group>
      {query.isPending && <LoadingState label={t('chain.services.loading')} />}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && query.data.items.length === 0 && (
        <EmptyState>{t('chain.services.empty')}</EmptyState>
      )}
      {query.isSuccess && query.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-label={t('chain.services.table')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('chain.services.name')}</Table.Th>
                <Table.Th scope="col">{t('chain.services.organisation')}</Table.Th>
                <Table.Th scope="col">{t('chain.services.eligibility')}</Table.Th>
                <Table.Th scope="col">{t('chain.services.waiting')}</Table.Th>
                <Table.Th scope="col">{t('chain.services.contactName')}</Table.Th>
                {canManage && (
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('chain.services.edit')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Text fw={700}>{s.name}</Text>
                    <Group gap={4}>
                      <Badge color="#343a40">{t(`chain.kind.${s.kind}`)}</Badge>
                      {!s.active && <Badge color="#b02525">{t('chain.services.inactive')}</Badge>}
                    </Group>
                    {s.description && <Text size="sm">{s.description}</Text>}
                  </Table.Td>
                  <Table.Td>{s.organisation.name}</Table.Td>
                  <Table.Td>{s.eligibility || '—'}</Table.Td>
                  <Table.Td>
                    {s.waitingDays === null
                      ? t('chain.services.noWaiting')
                      : t('chain.common.days', { count: s.waitingDays })}
                    {s.capacity !== null && (
                      <Text size="sm">
                        {t('chain.services.capacity')}: {s.capacity}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{s.contact.name}</Text>
                    {s.contact.phone && (
                      <Anchor size="sm" href={`tel:${s.contact.phone.replace(/[^+0-9]/g, '')}`}>
                        {s.contact.phone}
                      </Anchor>
                    )}
                    {s.contact.email && (
                      <Text size="sm">
                        <Anchor size="sm" href={`mailto:${s.contact.email}`}>
                          {s.contact.email}
                        </Anchor>
                      </Text>
                    )}
                  </Table.Td>
                  {canManage && (
                    <Table.Td>
                      {s.canManage && (
                        <Button
                          size="xs"
                          variant="default"
                          leftSection={<IconPencil size={14} aria-hidden />}
                          aria-label={t('chain.services.editNamed', { name: s.name })}
                          onClick={() => setEditing(s)}
                        >
                          {t('chain.services.edit')}
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <ServiceModal service={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}

function ServiceModal({ service, onClose }: { service: Service | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const idem = useIdempotencyKey();
  const form = useForm({
    initialValues: {
      name: service?.name ?? '',
      kind: service?.kind ?? 'other',
      description: service?.description ?? '',
      eligibility: service?.eligibility ?? '',
      capacity: (service?.capacity ?? '') as number | string,
      waitingDays: (service?.waitingDays ?? '') as number | string,
      contactName: service?.contact.name ?? '',
      contactEmail: service?.contact.email ?? '',
      contactPhone: service?.contact.phone ?? '',
      active: service?.active ?? true,
    },
    validate: { name: (v) => (v.trim() ? null : t('validation.required')) },
  });
  const save = useMutation({
    mutationFn: (v: typeof form.values) => {
      const body = {
        ...v,
        kind: v.kind,
        capacity: v.capacity === '' ? null : Number(v.capacity),
        waitingDays: v.waitingDays === '' ? null : Number(v.waitingDays),
      };
      return service
        ? chainApi.services.update(service.id, service.version, body)
        : chainApi.services.create(body, idem.key());
    },
    onSuccess: (saved) => {
      idem.settle();
      void queryClient.invalidateQueries({ queryKey: ['services'] });
      notifications.show({ color: 'green', message: t('chain.services.saved', { name: saved.name }) });
      onClose();
    },
    onError: (e) => idem.settle(e),
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={service ? t('chain.services.editTitle') : t('chain.services.addTitle')}
      size="lg"
    >
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack gap="sm">
          <TextInput
            label={t('chain.services.name')}
            required
            maxLength={120}
            {...form.getInputProps('name')}
          />
          <Select
            label={t('chain.services.kindLabel')}
            required
            data={SERVICE_KINDS.map((k) => ({ value: k, label: t(`chain.kind.${k}`) }))}
            {...form.getInputProps('kind')}
          />
          <Textarea
            label={t('chain.services.description')}
            maxLength={300}
            autosize
            minRows={2}
            {...form.getInputProps('description')}
          />
          <Textarea
            label={t('chain.services.eligibility')}
            maxLength={300}
            autosize
            minRows={2}
            {...form.getInputProps('eligibility')}
          />
          <Group grow>
            <NumberInput
              label={t('chain.services.capacity')}
              min={0}
              allowDecimal={false}
              {...form.getInputProps('capacity')}
            />
            <NumberInput
              label={t('chain.services.waitingDays')}
              min={0}
              max={3650}
              allowDecimal={false}
              {...form.getInputProps('waitingDays')}
            />
          </Group>
          <TextInput
            label={t('chain.services.contactName')}
            maxLength={120}
            {...form.getInputProps('contactName')}
          />
          <Group grow>
            <TextInput
              label={t('chain.services.contactEmail')}
              type="email"
              {...form.getInputProps('contactEmail')}
            />
            <TextInput
              label={t('chain.services.contactPhone')}
              type="tel"
              {...form.getInputProps('contactPhone')}
            />
          </Group>
          <Switch
            label={t('chain.services.active')}
            {...form.getInputProps('active', { type: 'checkbox' })}
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
