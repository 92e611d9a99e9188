import { Badge } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MemberInput } from '../../../contracts/index.js';
import { api, type Household, type Member } from '../../api/endpoints.js';
import {
  emptyMember,
  MemberFields,
  type MemberFormValues,
  type MemberLanguage,
} from '../../components/fields.js';
import { RecordEditModal } from '../../components/RecordEditModal.js';
import type { StaleField } from '../../components/StaleNotice.js';
import { useRecordEdit } from '../../components/useRecordEdit.js';
import { VersionedConfirmDialog } from '../../components/VersionedConfirmDialog.js';
import { ageFrom, formatDateOnly } from '../../lib/format.js';
import { schemaErrors } from '../../lib/validation.js';
import { TONE } from '../../theme.js';
import { notifySuccess } from '../../lib/notify.js';
import { Fact, RecordListTab } from './RecordListTab.js';

export { Fact };

const toValues = (m: Member): MemberFormValues => ({
  name: m.name,
  dateOfBirth: m.dateOfBirth,
  role: m.role,
  lvb: m.lvb ?? false,
  phone: m.phone,
  email: m.email,
  preferredLanguage: m.preferredLanguage as MemberLanguage,
});

const ROLE_ORDER = { parent: 0, other_adult: 1, child: 2 } as const;

export function MembersTab({ household }: { household: Household }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['members', household.id],
    queryFn: () => api.members.list(household.id),
  });
  const members = (query.data?.items ?? [])
    .filter((m) => !m.removed)
    .sort(
      (a, b) =>
        ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
        (a.dateOfBirth ?? '9999').localeCompare(b.dateOfBirth ?? '9999') ||
        a.name.localeCompare(b.name, 'nl'),
    );

  return (
    <RecordListTab
      texts="members"
      canWrite={household.can.includes('member.write')}
      query={query}
      items={members}
      badges={(m) => (
        <>
          <Badge color="schakel.8">{t(`memberRole.${m.role}`)}</Badge>
          {m.lvb && <Badge color={TONE.accent}>{t('members.lvbBadge')}</Badge>}
        </>
      )}
      facts={(m) => {
        const age = ageFrom(m.dateOfBirth);
        return (
          <>
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
          </>
        );
      }}
      editModal={(m, onClose) => <MemberModal householdId={household.id} member={m} onClose={onClose} />}
      removeDialog={(m, onClose) => (
        <RemoveMemberDialog householdId={household.id} member={m} onClose={onClose} />
      )}
    />
  );
}

interface MemberProps<M> {
  householdId: string;
  member: M;
  onClose: () => void;
}

function useInvalidateMembers(householdId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['members', householdId] });
    void queryClient.invalidateQueries({ queryKey: ['history', householdId] });
    void queryClient.invalidateQueries({ queryKey: ['households'] });
  };
}

function MemberModal({ householdId, member, onClose }: MemberProps<Member | null>) {
  const { t } = useTranslation();
  const invalidate = useInvalidateMembers(householdId);
  const editor = useRecordEdit<Member, MemberFormValues>({
    record: member,
    initialValues: member ? toValues(member) : emptyMember('child'),
    toValues,
    validate: (values) => schemaErrors(MemberInput, values, t),
    save: (values, version, key) =>
      member
        ? api.members.update(householdId, member.id, version, values)
        : api.members.create(householdId, values, key()),
    fetchCurrent: async () =>
      (await api.members.list(householdId)).items.find((m) => m.id === member?.id) ?? null,
    onSaved: () => {
      invalidate();
      notifySuccess(member ? t('common.saved') : t('members.added'));
      onClose();
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
    <RecordEditModal
      editor={editor}
      title={member ? t('members.editTitle', { name: member.name }) : t('members.addTitle')}
      submitLabel={member ? t('common.save') : t('members.add')}
      staleFields={staleFields}
      onClose={onClose}
    >
      <MemberFields
        idPrefix="member-edit"
        field={(name, type) => editor.form.getInputProps(name, type ? { type } : undefined)}
      />
    </RecordEditModal>
  );
}

function RemoveMemberDialog({ householdId, member, onClose }: MemberProps<Member>) {
  const { t } = useTranslation();
  const invalidate = useInvalidateMembers(householdId);
  return (
    <VersionedConfirmDialog
      title={t('members.removeTitle')}
      confirmLabel={t('members.removeConfirm')}
      text={t('members.removeText', { name: member.name })}
      staleText={t('members.removeStale', { name: member.name })}
      danger
      mutationFn={() => api.members.remove(householdId, member.id, member.version)}
      onDone={() => {
        invalidate();
        notifySuccess(t('members.removed', { name: member.name }));
      }}
      staleQueryKey={['members', householdId]}
      onClose={onClose}
    />
  );
}
