import {
  Button,
  Fieldset,
  Grid,
  Group,
  Modal,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_TYPES, OrganisationInput, type OrganisationType } from '../../../contracts/index.js';
import { isApiError } from '../../api/client.js';
import { api, type Organisation } from '../../api/endpoints.js';
import { StaleNotice, useStaleEdit, type StaleField } from '../../components/StaleNotice.js';
import { EmptyState, ErrorState, FormError, LoadingState, usePageTitle } from '../../components/states.js';
import { useIdempotencyKey } from '../../lib/useIdempotencyKey.js';
import { schemaErrors, serverFieldErrors } from '../../lib/validation.js';
import { TONE } from '../../theme.js';
import { notifySuccess } from '../../lib/notify.js';

interface Values {
  name: string;
  type: OrganisationType;
  email: string;
  phone: string;
  address: string;
  manager: { name: string; email: string };
  director: { name: string; email: string };
  active: boolean;
}

const toValues = (o: Organisation): Values => ({
  name: o.name,
  type: o.type,
  email: o.email,
  phone: o.phone,
  address: o.address,
  manager: { ...o.manager },
  director: { ...o.director },
  active: o.active,
});

const EMPTY: Values = {
  name: '',
  type: 'wijkteam',
  email: '',
  phone: '',
  address: '',
  manager: { name: '', email: '' },
  director: { name: '', email: '' },
  active: true,
};

export function OrganisationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('orgs.title'));
  const query = useQuery({ queryKey: ['organisations'], queryFn: api.organisations.list });
  const [editing, setEditing] = useState<Organisation | 'new' | null>(null);
  const items = [...(query.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'nl'));

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('orgs.title')}</Title>
          <Text c="dimmed">{t('orgs.intro')}</Text>
        </div>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
          {t('orgs.add')}
        </Button>
      </Group>
      {query.isPending && <LoadingState label={t('orgs.loading')} />}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && items.length === 0 && <EmptyState>{t('orgs.empty')}</EmptyState>}
      {items.length > 0 && (
        <Table.ScrollContainer
          type="native"
          tabIndex={0}
          role="region"
          aria-label={t('common.scrollTable')}
          minWidth={900}
        >
          <Table striped withTableBorder verticalSpacing="sm" bg="white">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('orgs.name')}</Table.Th>
                <Table.Th scope="col">{t('orgs.type')}</Table.Th>
                <Table.Th scope="col">{t('orgs.contact')}</Table.Th>
                <Table.Th scope="col">{t('orgs.manager')}</Table.Th>
                <Table.Th scope="col">{t('orgs.director')}</Table.Th>
                <Table.Th scope="col">{t('orgs.status')}</Table.Th>
                <Table.Th scope="col">
                  <span className="sr-only">{t('common.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td fw={600}>{o.name}</Table.Td>
                  <Table.Td>{t(`orgType.${o.type}`)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{o.phone || t('common.none')}</Text>
                    <Text size="sm">{o.email}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{o.manager.name || t('common.none')}</Text>
                    <Text size="sm">{o.manager.email}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{o.director.name || t('common.none')}</Text>
                    <Text size="sm">{o.director.email}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={700} c={o.active ? TONE.success : TONE.danger}>
                      {o.active ? t('common.active') : t('common.inactive')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconPencil size={14} aria-hidden />}
                      onClick={() => setEditing(o)}
                      aria-label={t('orgs.editNamed', { name: o.name })}
                    >
                      {t('common.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <OrganisationModal
          organisation={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

function OrganisationModal({
  organisation,
  onClose,
}: {
  organisation: Organisation | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const idem = useIdempotencyKey();
  const edit = useStaleEdit<Organisation>(organisation ?? ({ version: 0 } as Organisation));
  const form = useForm<Values>({
    initialValues: organisation ? toValues(organisation) : EMPTY,
    validate: (values) => schemaErrors(OrganisationInput, values, t),
  });
  const save = useMutation({
    mutationFn: (values: Values) =>
      organisation
        ? api.organisations.update(organisation.id, edit.base.version, values)
        : api.organisations.create(values, idem.key()),
    onSuccess: () => {
      idem.settle();
      void queryClient.invalidateQueries({ queryKey: ['organisations'] });
      notifySuccess(organisation ? t('common.saved') : t('orgs.created'));
      onClose();
    },
    onError: async (error) => {
      idem.settle(error);
      if (organisation && (await edit.catchStale(error, () => api.organisations.get(organisation.id))))
        return;
      if (isApiError(error) && error.fields.length) form.setErrors(serverFieldErrors(error.fields, t));
    },
  });
  const staleFields: StaleField[] = [
    { key: 'name', label: t('orgs.name') },
    { key: 'type', label: t('orgs.type'), format: (v) => t(`orgType.${String(v)}`) },
    { key: 'email', label: t('orgs.email') },
    { key: 'phone', label: t('orgs.phone') },
    { key: 'address', label: t('orgs.address') },
    { key: 'manager.name', label: `${t('orgs.manager')}: ${t('orgs.contactName')}` },
    { key: 'manager.email', label: `${t('orgs.manager')}: ${t('orgs.email')}` },
    { key: 'director.name', label: `${t('orgs.director')}: ${t('orgs.contactName')}` },
    { key: 'director.email', label: `${t('orgs.director')}: ${t('orgs.email')}` },
    { key: 'active', label: t('orgs.activeLabel') },
  ];

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={organisation ? t('orgs.editTitle', { name: organisation.name }) : t('orgs.addTitle')}
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
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 7 }}>
              <TextInput label={t('orgs.name')} required {...form.getInputProps('name')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <Select
                label={t('orgs.type')}
                required
                allowDeselect={false}
                data={ORGANISATION_TYPES.map((o) => ({ value: o, label: t(`orgType.${o}`) }))}
                {...form.getInputProps('type')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t('orgs.email')} type="email" {...form.getInputProps('email')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t('orgs.phone')} type="tel" {...form.getInputProps('phone')} />
            </Grid.Col>
            <Grid.Col span={12}>
              <TextInput label={t('orgs.address')} {...form.getInputProps('address')} />
            </Grid.Col>
          </Grid>
          <Fieldset legend={t('orgs.managerLegend')}>
            <Text size="sm" c="dimmed" mb="xs">
              {t('orgs.managerHelp')}
            </Text>
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput label={t('orgs.managerName')} {...form.getInputProps('manager.name')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput
                  label={t('orgs.managerEmail')}
                  type="email"
                  {...form.getInputProps('manager.email')}
                />
              </Grid.Col>
            </Grid>
          </Fieldset>
          <Fieldset legend={t('orgs.directorLegend')}>
            <Text size="sm" c="dimmed" mb="xs">
              {t('orgs.directorHelp')}
            </Text>
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput label={t('orgs.directorName')} {...form.getInputProps('director.name')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput
                  label={t('orgs.directorEmail')}
                  type="email"
                  {...form.getInputProps('director.email')}
                />
              </Grid.Col>
            </Grid>
          </Fieldset>
          <Switch
            label={t('orgs.activeLabel')}
            description={t('orgs.activeHelp')}
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
          {!edit.stale && <FormError error={save.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!!edit.stale}>
              {organisation ? t('common.save') : t('orgs.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
