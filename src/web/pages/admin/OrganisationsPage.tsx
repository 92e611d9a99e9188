import { Button, Fieldset, Grid, Group, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_TYPES, OrganisationInput, type OrganisationType } from '../../../contracts/index.js';
import { api, type Organisation } from '../../api/endpoints.js';
import { PageIntro, QueryTable } from '../../components/QueryTable.js';
import { RecordEditModal } from '../../components/RecordEditModal.js';
import type { StaleField } from '../../components/StaleNotice.js';
import { usePageTitle } from '../../components/states.js';
import { useRecordEdit } from '../../components/useRecordEdit.js';
import { schemaErrors } from '../../lib/validation.js';
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
  requireSecondFactor: boolean;
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
  requireSecondFactor: o.requireSecondFactor,
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
  requireSecondFactor: false,
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
        <PageIntro title={t('orgs.title')} intro={t('orgs.intro')} />
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
          {t('orgs.add')}
        </Button>
      </Group>
      <QueryTable
        query={query}
        items={items}
        loadingLabel={t('orgs.loading')}
        emptyText={t('orgs.empty')}
        minWidth={900}
        columns={[
          t('orgs.name'),
          t('orgs.type'),
          t('orgs.contact'),
          t('orgs.manager'),
          t('orgs.director'),
          t('orgs.status'),
        ]}
        row={(o) => (
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
              {o.requireSecondFactor && <Text size="sm">{t('security.admin.required')}</Text>}
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
        )}
      />
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
  const editor = useRecordEdit<Organisation, Values>({
    record: organisation,
    initialValues: organisation ? toValues(organisation) : EMPTY,
    toValues,
    validate: (values) => schemaErrors(OrganisationInput, values, t),
    save: (values, version, key) =>
      organisation
        ? api.organisations.update(organisation.id, version, values)
        : api.organisations.create(values, key()),
    fetchCurrent: organisation ? () => api.organisations.get(organisation.id) : null,
    onSaved: () => {
      void queryClient.invalidateQueries({ queryKey: ['organisations'] });
      notifySuccess(organisation ? t('common.saved') : t('orgs.created'));
      onClose();
    },
  });
  const form = editor.form;
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
    { key: 'requireSecondFactor', label: t('security.admin.requireSecondFactor') },
  ];

  return (
    <RecordEditModal
      editor={editor}
      title={organisation ? t('orgs.editTitle', { name: organisation.name }) : t('orgs.addTitle')}
      submitLabel={organisation ? t('common.save') : t('orgs.add')}
      staleFields={staleFields}
      onClose={onClose}
    >
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
            <TextInput label={t('orgs.managerEmail')} type="email" {...form.getInputProps('manager.email')} />
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
      <Switch
        label={t('security.admin.requireSecondFactor')}
        description={t('security.admin.requireSecondFactorHint')}
        {...form.getInputProps('requireSecondFactor', { type: 'checkbox' })}
      />
    </RecordEditModal>
  );
}
