import {
  Button,
  Checkbox,
  Grid,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPencil, IconPlus, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, UserCreate, UserPatch, type Role } from '../../../contracts/index.js';
import { isApiError } from '../../api/client.js';
import { api, type User } from '../../api/endpoints.js';
import { PasswordField } from '../../components/fields.js';
import { PageIntro, QueryTable } from '../../components/QueryTable.js';
import { RecordEditModal } from '../../components/RecordEditModal.js';
import type { StaleField } from '../../components/StaleNotice.js';
import { usePageTitle } from '../../components/states.js';
import { useRecordEdit } from '../../components/useRecordEdit.js';
import { VersionedConfirmDialog } from '../../components/VersionedConfirmDialog.js';
import { schemaErrors } from '../../lib/validation.js';
import { TONE } from '../../theme.js';
import { notifySuccess } from '../../lib/notify.js';

interface Values {
  organisationId: string;
  name: string;
  email: string;
  phone: string;
  roles: Role[];
  fte: number | null;
  password: string;
}

const toValues = (u: User): Values => ({
  organisationId: u.organisationId,
  name: u.name,
  email: u.email,
  phone: u.phone,
  roles: [...u.roles],
  fte: u.fte,
  password: '',
});

export function UsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('users.title'));
  const query = useQuery({ queryKey: ['users'], queryFn: api.users.list });
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [toggling, setToggling] = useState<User | null>(null);
  const items = [...(query.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'nl'));

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <PageIntro title={t('users.title')} intro={t('users.intro')} />
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
          {t('users.add')}
        </Button>
      </Group>
      <QueryTable
        query={query}
        items={items}
        loadingLabel={t('users.loading')}
        emptyText={t('users.empty')}
        minWidth={960}
        columns={[
          t('users.name'),
          t('users.organisation'),
          t('users.roles'),
          t('users.fte'),
          t('users.status'),
        ]}
        row={(u) => (
          <Table.Tr key={u.id}>
            <Table.Td>
              <Text fw={600} size="sm">
                {u.name}
              </Text>
              <Text size="sm">{u.email}</Text>
            </Table.Td>
            <Table.Td>{u.organisationName}</Table.Td>
            <Table.Td>{u.roles.map((r) => t(`role.${r}`)).join(', ')}</Table.Td>
            <Table.Td>{u.fte === null ? t('common.none') : u.fte.toLocaleString('nl-NL')}</Table.Td>
            <Table.Td>
              <Text size="sm" fw={700} c={u.active ? TONE.success : TONE.danger}>
                {u.active ? t('common.active') : t('users.disabled')}
              </Text>
            </Table.Td>
            <Table.Td>
              <Stack gap={4} align="flex-start">
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconPencil size={14} aria-hidden />}
                  onClick={() => setEditing(u)}
                  aria-label={t('users.editNamed', { name: u.name })}
                >
                  {t('common.edit')}
                </Button>
                <Button
                  size="xs"
                  variant="subtle"
                  color={u.active ? TONE.danger : TONE.success}
                  leftSection={
                    u.active ? <IconUserOff size={14} aria-hidden /> : <IconUserCheck size={14} aria-hidden />
                  }
                  onClick={() => setToggling(u)}
                  aria-label={
                    u.active
                      ? t('users.disableNamed', { name: u.name })
                      : t('users.enableNamed', { name: u.name })
                  }
                >
                  {u.active ? t('users.disable') : t('users.enable')}
                </Button>
              </Stack>
            </Table.Td>
          </Table.Tr>
        )}
      />
      {editing && <UserModal user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {toggling && <ToggleActiveDialog user={toggling} onClose={() => setToggling(null)} />}
    </Stack>
  );
}

function UserModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const organisations = useQuery({ queryKey: ['organisations'], queryFn: api.organisations.list });
  const editor = useRecordEdit<User, Values>({
    record: user,
    initialValues: user
      ? toValues(user)
      : { organisationId: '', name: '', email: '', phone: '', roles: [], fte: null, password: '' },
    toValues,
    validate: (values) => {
      if (user) {
        const { password, ...rest } = values;
        return schemaErrors(UserPatch, password ? values : rest, t);
      }
      const errors = schemaErrors(UserCreate, values, t);
      if (!values.password) errors.password = t('validation.required');
      return errors;
    },
    save: (values, version, key) => {
      if (user) {
        const { password, ...rest } = values;
        return api.users.update(user.id, version, password ? values : rest);
      }
      return api.users.create(values, key());
    },
    fetchCurrent: user ? () => api.users.get(user.id) : null,
    onSaved: () => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['professionals'] });
      notifySuccess(user ? t('common.saved') : t('users.created'));
      onClose();
    },
    onOtherError: (error, setFieldError) => {
      if (isApiError(error) && error.code === 'WEAK_PASSWORD') {
        setFieldError('password', t('validation.invalid.newPassword'));
      }
    },
  });
  const form = editor.form;
  const staleFields: StaleField[] = [
    { key: 'name', label: t('users.name') },
    { key: 'email', label: t('users.email') },
    { key: 'phone', label: t('users.phone') },
    {
      key: 'organisationId',
      label: t('users.organisation'),
      format: (v) => organisations.data?.items.find((o) => o.id === v)?.name ?? String(v),
    },
    {
      key: 'roles',
      label: t('users.roles'),
      format: (v) => (Array.isArray(v) ? v.map((r) => t(`role.${String(r)}`)).join(', ') : ''),
    },
    { key: 'fte', label: t('users.fte') },
  ];

  return (
    <RecordEditModal
      editor={editor}
      title={user ? t('users.editTitle', { name: user.name }) : t('users.addTitle')}
      submitLabel={user ? t('common.save') : t('users.add')}
      staleFields={staleFields}
      onClose={onClose}
    >
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label={t('users.name')} required {...form.getInputProps('name')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label={t('users.organisation')}
            required
            searchable
            allowDeselect={false}
            placeholder={organisations.isPending ? t('common.loading') : t('users.chooseOrganisation')}
            data={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
            {...form.getInputProps('organisationId')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label={t('users.email')}
            type="email"
            required
            autoComplete="off"
            {...form.getInputProps('email')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label={t('users.phone')} type="tel" {...form.getInputProps('phone')} />
        </Grid.Col>
      </Grid>
      <Checkbox.Group
        label={t('users.roles')}
        description={t('users.rolesHelp')}
        required
        {...form.getInputProps('roles')}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
          {ROLES.map((r) => (
            <Checkbox key={r} value={r} label={t(`role.${r}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <NumberInput
        label={t('users.fte')}
        description={t('users.fteHelp')}
        min={0.1}
        max={1.2}
        step={0.1}
        decimalScale={2}
        decimalSeparator=","
        maw={200}
        value={form.values.fte ?? ''}
        onChange={(v) => form.setFieldValue('fte', v === '' || v === null ? null : Number(v))}
        error={form.errors.fte}
      />
      <PasswordField
        label={user ? t('users.newPassword') : t('users.initialPassword')}
        description={user ? t('users.newPasswordHelp') : t('users.initialPasswordHelp')}
        required={!user}
        autoComplete="new-password"
        {...form.getInputProps('password')}
      />
    </RecordEditModal>
  );
}

function ToggleActiveDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <VersionedConfirmDialog
      title={user.active ? t('users.disableTitle') : t('users.enableTitle')}
      confirmLabel={user.active ? t('users.disable') : t('users.enable')}
      text={
        user.active ? t('users.disableText', { name: user.name }) : t('users.enableText', { name: user.name })
      }
      staleText={t('users.staleToggle', { name: user.name })}
      danger={user.active}
      mutationFn={() => api.users.update(user.id, user.version, { active: !user.active })}
      onDone={() => {
        void queryClient.invalidateQueries({ queryKey: ['users'] });
        notifySuccess(
          user.active
            ? t('users.disabledDone', { name: user.name })
            : t('users.enabledDone', { name: user.name }),
        );
      }}
      staleQueryKey={['users']}
      onClose={onClose}
    />
  );
}
