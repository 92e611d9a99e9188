import { Badge } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NetworkContactInput } from '../../../contracts/index.js';
import { api, type Household, type NetworkContact } from '../../api/endpoints.js';
import { ContactFields, emptyContact, type ContactFormValues } from '../../components/fields.js';
import { RecordEditModal } from '../../components/RecordEditModal.js';
import type { StaleField } from '../../components/StaleNotice.js';
import { useRecordEdit } from '../../components/useRecordEdit.js';
import { VersionedConfirmDialog } from '../../components/VersionedConfirmDialog.js';
import { schemaErrors } from '../../lib/validation.js';
import { Fact, RecordListTab } from './RecordListTab.js';
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
  const query = useQuery({
    queryKey: ['contacts', household.id],
    queryFn: () => api.contacts.list(household.id),
  });
  const contacts = (query.data?.items ?? []).filter((c) => !c.removed);

  return (
    <RecordListTab
      texts="network"
      intro={t('network.intro')}
      canWrite={household.can.includes('network.write')}
      query={query}
      items={contacts}
      badges={(c) => (
        <>
          <Badge color={TONE.neutral}>{c.relation}</Badge>
          <Badge color={QUALITY_COLOR[c.quality]}>{t(`quality.${c.quality}`)}</Badge>
        </>
      )}
      facts={(c) => (
        <>
          <Fact label={t('contact.phone')}>{c.phone || t('common.none')}</Fact>
          {c.note && <Fact label={t('contact.note')}>{c.note}</Fact>}
        </>
      )}
      editModal={(c, onClose) => <ContactModal householdId={household.id} contact={c} onClose={onClose} />}
      removeDialog={(c, onClose) => (
        <RemoveContactDialog householdId={household.id} contact={c} onClose={onClose} />
      )}
    />
  );
}

interface ContactProps<C> {
  householdId: string;
  contact: C;
  onClose: () => void;
}

function useInvalidateContacts(householdId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['contacts', householdId] });
    void queryClient.invalidateQueries({ queryKey: ['history', householdId] });
  };
}

function ContactModal({ householdId, contact, onClose }: ContactProps<NetworkContact | null>) {
  const { t } = useTranslation();
  const invalidate = useInvalidateContacts(householdId);
  const editor = useRecordEdit<NetworkContact, ContactFormValues>({
    record: contact,
    initialValues: contact ? toValues(contact) : emptyContact(),
    toValues,
    validate: (values) => schemaErrors(NetworkContactInput, values, t),
    save: (values, version, key) =>
      contact
        ? api.contacts.update(householdId, contact.id, version, values)
        : api.contacts.create(householdId, values, key()),
    fetchCurrent: async () =>
      (await api.contacts.list(householdId)).items.find((c) => c.id === contact?.id) ?? null,
    onSaved: () => {
      invalidate();
      notifySuccess(contact ? t('common.saved') : t('network.added'));
      onClose();
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
    <RecordEditModal
      editor={editor}
      title={contact ? t('network.editTitle', { name: contact.name }) : t('network.addTitle')}
      submitLabel={contact ? t('common.save') : t('network.add')}
      staleFields={staleFields}
      onClose={onClose}
    >
      <ContactFields
        idPrefix="contact-edit"
        field={(name, type) => editor.form.getInputProps(name, type ? { type } : undefined)}
      />
    </RecordEditModal>
  );
}

function RemoveContactDialog({ householdId, contact, onClose }: ContactProps<NetworkContact>) {
  const { t } = useTranslation();
  const invalidate = useInvalidateContacts(householdId);
  return (
    <VersionedConfirmDialog
      title={t('network.removeTitle')}
      confirmLabel={t('network.removeConfirm')}
      text={t('network.removeText', { name: contact.name })}
      staleText={t('network.removeStale', { name: contact.name })}
      danger
      mutationFn={() => api.contacts.remove(householdId, contact.id, contact.version)}
      onDone={() => {
        invalidate();
        notifySuccess(t('network.removed', { name: contact.name }));
      }}
      staleQueryKey={['contacts', householdId]}
      onClose={onClose}
    />
  );
}
