import { Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MemberInput } from '../../../contracts/index.js';
import { isApiError } from '../../api/client.js';
import { api, type Household, type Member } from '../../api/endpoints.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import {
  emptyMember,
  MemberFields,
  type MemberFormValues,
  type MemberLanguage,
} from '../../components/fields.js';
import { StaleNotice, useStaleEdit, type StaleField } from '../../components/StaleNotice.js';
import { EmptyState, ErrorState, FormError, LoadingState } from '../../components/states.js';
import { ageFrom, formatDateOnly } from '../../lib/format.js';
import { useIdempotencyKey } from '../../lib/useIdempotencyKey.js';
import { schemaErrors, serverFieldErrors } from '../../lib/validation.js';
import { TONE } from '../../theme.js';
import { notifySuccess } from '../../lib/notify.js';

const toValues = (m: Member): MemberFormValues => ({
  name: m.name,
  dateOfBirth: m.dateOfBirth,
  role: m.role,
  lvb: m.lvb,
  phone: m.phone,
  email: m.email,
  preferredLanguage: m.preferredLanguage as MemberLanguage,
});

export function MembersTab({ household }: { household: Household }) {
  const { t } = useTranslation();
  const canWrite = household.can.includes('member.write');
  const query = useQuery({
    queryKey: ['members', household.id],
    queryFn: () => api.members.list(household.id),
  });
  const [editing, setEditing] = useState<Member | 'new' | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const ROLE_ORDER = { parent: 0, other_adult: 1, child: 2 } as const;
  const members = (query.data?.items ?? [])
    .filter((m) => !m.removed)
    .sort(
      (a, b) =>
        ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
        (a.dateOfBirth ?? '9999').localeCompare(b.dateOfBirth ?? '9999') ||
        a.name.localeCompare(b.name, 'nl'),
    );

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('members.title')}
        </Title>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('members.add')}
          </Button>
        )}
      </Group>
      {query.isPending && <LoadingState label={t('members.loading')} />}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && members.length === 0 && <EmptyState>{t('members.empty')}</EmptyState>}
      {members.length > 0 && (
        <SimpleGrid
          cols={{ base: 1, sm: 2, lg: 3 }}
          spacing="md"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
        >
          {members.map((m) => {
            const age = ageFrom(m.dateOfBirth);
            return (
              <Card key={m.id} withBorder component="li" padding="md">
                <Stack gap={6} h="100%">
                  <Title order={3} size="h4">
                    {m.name}
                  </Title>
                  <Group gap="xs">
                    <Badge color="schakel.8">{t(`memberRole.${m.role}`)}</Badge>
                    {m.lvb && <Badge color={TONE.accent}>{t('members.lvbBadge')}</Badge>}
                  </Group>
                  <dl className="facts">
                    <Fact label={t('member.dateOfBirth')}>
                      {m.dateOfBirth
                        ? `${formatDateOnly(m.dateOfBirth)}${age !== null ? ` (${t('members.age', { count: age })})` : ''}`
                        : t('common.unknown')}
                    </Fact>
                    <Fact label={t('member.phone')}>{m.phone || t('common.none')}</Fact>
                    <Fact label={t('member.email')}>{m.email || t('common.none')}</Fact>
                    <Fact label={t('member.preferredLanguage')}>
                      {t(`memberLanguage.${m.preferredLanguage}`, { defaultValue: m.preferredLanguage })}
                    </Fact>
                  </dl>
                  {canWrite && (
                    <Group gap="xs" mt="auto">
                      <Button
                        size="xs"
                        variant="default"
                        leftSection={<IconPencil size={14} aria-hidden />}
                        onClick={() => setEditing(m)}
                        aria-label={t('members.editNamed', { name: m.name })}
                      >
                        {t('common.edit')}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color={TONE.danger}
                        leftSection={<IconTrash size={14} aria-hidden />}
                        onClick={() => setRemoving(m)}
                        aria-label={t('members.removeNamed', { name: m.name })}
                      >
                        {t('common.remove')}
                      </Button>
                    </Group>
                  )}
                </Stack>
              </Card>
            );
          })}
        </SimpleGrid>
      )}
      {editing && (
        <MemberModal
          householdId={household.id}
          member={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {removing && (
        <RemoveMemberDialog householdId={household.id} member={removing} onClose={() => setRemoving(null)} />
      )}
    </Stack>
  );
}

export function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function MemberModal({
  householdId,
  member,
  onClose,
}: {
  householdId: string;
  member: Member | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const idem = useIdempotencyKey();
  const edit = useStaleEdit<Member>(member ?? ({ version: 0 } as Member));
  const form = useForm<MemberFormValues>({
    initialValues: member ? toValues(member) : emptyMember('child'),
    validate: (values) => schemaErrors(MemberInput, values, t),
  });
  const fetchCurrent = async () =>
    (await api.members.list(householdId)).items.find((m) => m.id === member?.id) ?? null;

  const save = useMutation({
    mutationFn: (values: MemberFormValues) =>
      member
        ? api.members.update(householdId, member.id, edit.base.version, values)
        : api.members.create(householdId, values, idem.key()),
    onSuccess: () => {
      idem.settle();
      void queryClient.invalidateQueries({ queryKey: ['members', householdId] });
      void queryClient.invalidateQueries({ queryKey: ['history', householdId] });
      void queryClient.invalidateQueries({ queryKey: ['households'] });
      notifySuccess(member ? t('common.saved') : t('members.added'));
      onClose();
    },
    onError: async (error) => {
      idem.settle(error);
      if (await edit.catchStale(error, fetchCurrent)) return;
      if (isApiError(error) && error.fields.length) form.setErrors(serverFieldErrors(error.fields, t));
    },
  });

  const staleFields: StaleField[] = [
    { key: 'name', label: t('member.name') },
    {
      key: 'dateOfBirth',
      label: t('member.dateOfBirth'),
      format: (v) => formatDateOnly(v as string) || t('stale.empty'),
    },
    { key: 'role', label: t('member.role'), format: (v) => t(`memberRole.${String(v)}`) },
    { key: 'lvb', label: t('member.lvb') },
    { key: 'phone', label: t('member.phone') },
    { key: 'email', label: t('member.email') },
    {
      key: 'preferredLanguage',
      label: t('member.preferredLanguage'),
      format: (v) => t(`memberLanguage.${String(v)}`),
    },
  ];

  return (
    <Modal
      opened
      onClose={onClose}
      title={member ? t('members.editTitle', { name: member.name }) : t('members.addTitle')}
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
          <MemberFields
            idPrefix="member-edit"
            field={(name, type) => form.getInputProps(name, type ? { type } : undefined)}
          />
          {!edit.stale && <FormError error={save.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!!edit.stale}>
              {member ? t('common.save') : t('members.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function RemoveMemberDialog({
  householdId,
  member,
  onClose,
}: {
  householdId: string;
  member: Member;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api.members.remove(householdId, member.id, member.version),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['members', householdId] });
      void queryClient.invalidateQueries({ queryKey: ['history', householdId] });
      void queryClient.invalidateQueries({ queryKey: ['households'] });
      notifySuccess(t('members.removed', { name: member.name }));
      onClose();
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'STALE_VERSION') {
        void queryClient.invalidateQueries({ queryKey: ['members', householdId] });
      }
    },
  });
  const stale = isApiError(remove.error) && remove.error.code === 'STALE_VERSION';
  return (
    <ConfirmDialog
      opened
      title={t('members.removeTitle')}
      confirmLabel={stale ? t('common.close') : t('members.removeConfirm')}
      danger={!stale}
      busy={remove.isPending}
      error={stale ? null : remove.error}
      onConfirm={() => (stale ? onClose() : remove.mutate())}
      onCancel={onClose}
    >
      {stale
        ? t('members.removeStale', { name: member.name })
        : t('members.removeText', { name: member.name })}
    </ConfirmDialog>
  );
}
