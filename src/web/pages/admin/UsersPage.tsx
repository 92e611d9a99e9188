import {
  Button,
  Checkbox,
  Grid,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconPlus, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, UserCreate, UserPatch, type Role } from '../../../contracts/index.js';
import { isApiError } from '../../api/client.js';
import { api, type User } from '../../api/endpoints.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { PasswordField } from '../../components/fields.js';
import { StaleNotice, useStaleEdit, type StaleField } from '../../components/StaleNotice.js';
import { EmptyState, ErrorState, FormError, LoadingState, usePageTitle } from '../../components/states.js';
import { useIdempotencyKey } from '../../lib/useIdempotencyKey.js';
import { schemaErrors, serverFieldErrors } from '../../lib/validation.js';
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
        <div>
          <Title order={1}>{t('users.title')}</Title>
          <Text c="dimmed">{t('users.intro')}</Text>
        </div>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
          {t('users.add')}
        </Button>
      </Group>
      {query.isPending && <LoadingState label={t('users.loading')} />}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && items.length === 0 && <EmptyState>{t('users.empty')}</EmptyState>}
      {items.length > 0 && (
        <Table.ScrollContainer
          type="native"
          tabIndex={0}
          role="region"
          aria-label={t('common.scrollTable')}
          minWidth={960}
        >
          <Table striped withTableBorder verticalSpacing="sm" bg="white">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('users.name')}</Table.Th>
                <Table.Th scope="col">{t('users.organisation')}</Table.Th>
                <Table.Th scope="col">{t('users.roles')}</Table.Th>
                <Table.Th scope="col">{t('users.fte')}</Table.Th>
                <Table.Th scope="col">{t('users.status')}</Table.Th>
                <Table.Th scope="col">
                  <span className="sr-only">{t('common.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((u) => (
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
                          u.active ? (
                            <IconUserOff size={14} aria-hidden />
                          ) : (
                            <IconUserCheck size={14} aria-hidden />
                          )
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
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <UserModal user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {toggling && <ToggleActiveDialog user={toggling} onClose={() => setToggling(null)} />}
    </Stack>
  );
}

function UserModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const idem = useIdempotencyKey();
  const organisations = useQuery({ queryKey: ['organisations'], queryFn: api.organisations.list });
  const edit = useStaleEdit<User>(user ?? ({ version: 0 } as User));
  const form = useForm<Values>({
    initialValues: user
      ? toValues(user)
      : { organisationId: '', name: '', email: '', phone: '', roles: [], fte: null, password: '' },
    validate: (values) => {
      if (user) {
        const { password, ...rest } = values;
        return schemaErrors(UserPatch, password ? values : rest, t);
      }
      const errors = schemaErrors(UserCreate, values, t);
      if (!values.password) errors.password = t('validation.required');
      return errors;
    },
  });
  const save = useMutation({
    mutationFn: (values: Values) => {
      if (user) {
        const { password, ...rest } = values;
        return api.users.update(user.id, edit.base.version, password ? values : rest);
      }
      return api.users.create(values, idem.key());
    },
    onSuccess: () => {
      idem.settle();
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['professionals'] });
      notifySuccess(user ? t('common.saved') : t('users.created'));
      onClose();
    },
    onError: async (error) => {
      idem.settle(error);
      if (user && (await edit.catchStale(error, () => api.users.get(user.id)))) return;
      if (isApiError(error) && error.code === 'WEAK_PASSWORD') {
        form.setFieldError('password', t('validation.invalid.newPassword'));
      }
      if (isApiError(error) && error.fields.length) form.setErrors(serverFieldErrors(error.fields, t));
    },
  });
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
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={user ? t('users.editTitle', { name: user.name }) : t('users.addTitle')}
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
          {!edit.stale && <FormError error={save.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!!edit.stale}>
              {user ? t('common.save') : t('users.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ToggleActiveDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: () => api.users.update(user.id, user.version, { active: !user.active }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      notifySuccess(
        user.active
          ? t('users.disabledDone', { name: user.name })
          : t('users.enabledDone', { name: user.name }),
      );
      onClose();
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'STALE_VERSION')
        void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const stale = isApiError(toggle.error) && toggle.error.code === 'STALE_VERSION';
  return (
    <ConfirmDialog
      opened
      title={user.active ? t('users.disableTitle') : t('users.enableTitle')}
      confirmLabel={stale ? t('common.close') : user.active ? t('users.disable') : t('users.enable')}
      danger={user.active && !stale}
      busy={toggle.isPending}
      error={stale ? null : toggle.error}
      onConfirm={() => (stale ? onClose() : toggle.mutate())}
      onCancel={onClose}
    >
      {stale
        ? t('users.staleToggle', { name: user.name })
        : user.active
          ? t('users.disableText', { name: user.name })
          : t('users.enableText', { name: user.name })}
    </ConfirmDialog>
  );
}
