import { CategoryChecks } from './CategoryChecks.js';
import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { type GetInputPropsReturnType, useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DataCategory } from '../../../../domain/privacy/categories.js';
import {
  CASE_GROUNDS,
  type CaseGround,
  MIN_JUSTIFICATION,
  SHARING_GROUNDS,
  type SharingGround,
} from '../../../../domain/privacy/legal-basis.js';
import type { LegalBasisInput } from '../../../../contracts/index.js';
import { consentApi } from '../../../api/consent.js';
import { api, type Household } from '../../../api/endpoints.js';
import { DateField } from '../../../components/fields.js';
import { ErrorState, FormError, LoadingState } from '../../../components/states.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useIdempotencyKey } from '../../../lib/useIdempotencyKey.js';
import { explainedByFields, privacyFieldErrors, todayIso } from './labels.js';

const WHOLE = 'household';

interface Values {
  ground: string;
  organisationId: string;
  memberId: string;
  categories: DataCategory[];
  justification: string;
  validFrom: string | null;
  validUntil: string | null;
}

/** Records the case's legal basis (coordinator) or one sharing without consent (anyone involved). */
export function BasisModal({
  household,
  scope,
  onClose,
}: {
  household: Household;
  scope: 'case' | 'sharing';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const idem = useIdempotencyKey();
  const sharing = scope === 'sharing';
  const members = useQuery({
    queryKey: ['members', household.id],
    queryFn: () => api.members.list(household.id),
  });
  const directory = useQuery({
    queryKey: ['professionals'],
    queryFn: () => api.professionals.list(),
    enabled: sharing,
  });
  const form = useForm<Values>({
    initialValues: {
      ground: '',
      organisationId: '',
      memberId: WHOLE,
      categories: [],
      justification: '',
      validFrom: todayIso(),
      validUntil: null,
    },
    validate: {
      ground: (v) => (v ? null : t('validation.required')),
      organisationId: (v) => (!sharing || v ? null : t('validation.required')),
      categories: (v) => (!sharing || v.length > 0 ? null : t('privacy.basis.chooseCategory')),
      justification: (v) =>
        !v.trim()
          ? t('validation.required')
          : sharing && v.trim().length < MIN_JUSTIFICATION
            ? t('privacy.basis.tooShort', { min: MIN_JUSTIFICATION })
            : null,
      validFrom: (v) => (v ? null : t('validation.required')),
      validUntil: (v, all) =>
        v && all.validFrom && v < all.validFrom ? t('privacy.basis.endBeforeStart') : null,
    },
  });
  const save = useMutation({
    mutationFn: (v: Values) => {
      const common = {
        memberId: v.memberId === WHOLE ? null : v.memberId,
        justification: v.justification.trim(),
        validFrom: v.validFrom ?? todayIso(),
        validUntil: v.validUntil || null,
      };
      const body: LegalBasisInput = sharing
        ? {
            scope: 'sharing',
            ground: v.ground as SharingGround,
            organisationId: v.organisationId,
            categories: v.categories,
            ...common,
          }
        : { scope: 'case', ground: v.ground as CaseGround, ...common };
      return consentApi.recordBasis(household.id, body, idem.key());
    },
    onSuccess: () => {
      idem.settle();
      notifySuccess(t('privacy.basis.recorded'));
      void client.invalidateQueries({ queryKey: ['legal-bases', household.id] });
      onClose();
    },
    onError: (error) => {
      idem.settle(error);
      form.setErrors(privacyFieldErrors(error, t));
    },
  });
  const grounds = sharing ? SHARING_GROUNDS : CASE_GROUNDS;
  const organisations = [
    ...new Map((directory.data?.items ?? []).map((p) => [p.organisation.id, p.organisation.name] as const)),
  ]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  const loading = members.isPending || (sharing && directory.isPending);
  const failed = members.error ?? directory.error;
  return (
    <Modal
      opened
      onClose={onClose}
      title={sharing ? t('privacy.basis.modal.sharingTitle') : t('privacy.basis.modal.caseTitle')}
      size="lg"
    >
      {loading && <LoadingState />}
      {failed && <ErrorState error={failed} />}
      {!loading && !failed && (
        <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
          <Stack gap="md">
            <Select
              label={t('privacy.basis.modal.ground')}
              required
              data={grounds.map((g) => ({ value: g, label: t(`privacy.basis.ground.${g}`) }))}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('ground')}
            />
            {sharing && (
              <Select
                label={t('privacy.basis.modal.organisation')}
                placeholder={t('privacy.basis.modal.organisationPlaceholder')}
                required
                searchable
                data={organisations}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('organisationId')}
              />
            )}
            <Select
              label={t('privacy.basis.modal.member')}
              allowDeselect={false}
              data={[
                { value: WHOLE, label: t('privacy.basis.modal.wholeHousehold') },
                ...(members.data?.items ?? [])
                  .filter((m) => !m.removed)
                  .map((m) => ({ value: m.id, label: m.name })),
              ]}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('memberId')}
            />
            {sharing && (
              <CategoryChecks
                label={t('privacy.basis.modal.categories')}
                inputProps={form.getInputProps('categories')}
              />
            )}
            <Textarea
              label={t('privacy.basis.modal.justification')}
              description={
                sharing
                  ? t('privacy.basis.modal.justificationHelp', { min: MIN_JUSTIFICATION })
                  : t('privacy.basis.modal.caseJustificationHelp')
              }
              required
              autosize
              minRows={3}
              maxLength={4000}
              {...form.getInputProps('justification')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <DateField
                label={t('privacy.basis.modal.validFrom')}
                clearable={false}
                inputProps={{ ...form.getInputProps('validFrom'), required: true } as GetInputPropsReturnType}
              />
              <DateField
                label={t('privacy.basis.modal.validUntil')}
                description={t('privacy.basis.modal.validUntilHelp')}
                inputProps={form.getInputProps('validUntil')}
              />
            </SimpleGrid>
            {!explainedByFields(save.error) && <FormError error={save.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('privacy.basis.modal.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('privacy.basis.modal.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
