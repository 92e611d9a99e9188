import { CategoryChecks } from './CategoryChecks.js';
import {
  ActionIcon,
  Alert,
  Button,
  Fieldset,
  Group,
  Modal,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { type GetInputPropsReturnType, useForm } from '@mantine/form';
import { IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DataCategory } from '../../../../domain/privacy/categories.js';
import {
  CONSENT_FORMS,
  type ConsentForm,
  type ConsentPurpose,
  SIGNER_KINDS,
  type SignerKind,
  ageOn,
  defaultValidUntil,
  requiredSigners,
} from '../../../../domain/privacy/consent.js';
import { consentApi } from '../../../api/consent.js';
import { api, type Household, type Member } from '../../../api/endpoints.js';
import { chainApi } from '../../../components/chain/api.js';
import { DateField } from '../../../components/fields.js';
import { ErrorState, FormError, LoadingState } from '../../../components/states.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useIdempotencyKey } from '../../../lib/useIdempotencyKey.js';
import { explainedByFields, privacyFieldErrors, todayIso } from './labels.js';

interface Values {
  memberId: string;
  organisationId: string;
  categories: DataCategory[];
  purpose: ConsentPurpose;
  serviceId: string;
  givenBy: { kind: SignerKind; name: string }[];
  givenOn: string | null;
  form: ConsentForm;
  witness: string;
  validUntil: string | null;
}

/** The signers a member's age asks for, with the member's own name filled in. */
function suggestedSigners(member: Member | undefined, on: string): Values['givenBy'] {
  if (!member) return [{ kind: 'member', name: '' }];
  const need = requiredSigners(member.dateOfBirth ? ageOn(member.dateOfBirth, on) : null);
  return [
    ...(need.member ? [{ kind: 'member' as const, name: member.name }] : []),
    ...(need.parentOrGuardian ? [{ kind: 'parent' as const, name: '' }] : []),
  ];
}

function AgeHint({ member, on }: { member: Member; on: string }) {
  const { t } = useTranslation();
  const age = member.dateOfBirth ? ageOn(member.dateOfBirth, on) : null;
  const key = age === null ? 'unknown' : age < 12 ? 'under12' : age < 16 ? 'teen' : 'adult';
  return (
    <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />}>
      {t(`privacy.consent.age.${key}`, { name: member.name, age })}
    </Alert>
  );
}

export function ConsentModal({ household, onClose }: { household: Household; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const idem = useIdempotencyKey();
  const members = useQuery({
    queryKey: ['members', household.id],
    queryFn: () => api.members.list(household.id),
  });
  const involvements = useQuery({
    queryKey: ['involvements', household.id],
    queryFn: () => api.involvements.list(household.id),
  });
  const services = useQuery({ queryKey: ['services', 'all'], queryFn: () => chainApi.services.list() });
  const today = todayIso();
  const form = useForm<Values>({
    initialValues: {
      memberId: '',
      organisationId: '',
      categories: [],
      purpose: 'coordination',
      serviceId: '',
      givenBy: [{ kind: 'member', name: '' }],
      givenOn: today,
      form: 'paper',
      witness: '',
      validUntil: defaultValidUntil(today),
    },
    validate: {
      memberId: (v) => (v ? null : t('validation.required')),
      organisationId: (v) => (v ? null : t('validation.required')),
      givenOn: (v) => (v ? null : t('validation.required')),
      validUntil: (v) => (v ? null : t('validation.required')),
      givenBy: {
        name: (v) => (v.trim() ? null : t('validation.required')),
      },
    },
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      consentApi.record(
        household.id,
        {
          memberId: v.memberId,
          organisationId: v.organisationId,
          categories: v.categories,
          purpose: v.purpose,
          serviceId: v.purpose === 'referral' && v.serviceId ? v.serviceId : null,
          givenBy: v.givenBy.map((s) => ({ kind: s.kind, name: s.name.trim() })),
          givenOn: v.givenOn ?? '',
          form: v.form,
          witness: v.form === 'verbal' ? v.witness : '',
          validUntil: v.validUntil ?? '',
        },
        idem.key(),
      ),
    onSuccess: () => {
      idem.settle();
      notifySuccess(t('privacy.consent.recorded'));
      void client.invalidateQueries({ queryKey: ['consents', household.id] });
      onClose();
    },
    onError: (error) => {
      idem.settle(error);
      form.setErrors(privacyFieldErrors(error, t));
    },
  });

  const memberList = (members.data?.items ?? []).filter((m) => !m.removed);
  const member = memberList.find((m) => m.id === form.values.memberId);
  const orgs = [
    ...new Map(
      (involvements.data?.items ?? []).map((i) => [i.organisation.id, i.organisation.name] as const),
    ).entries(),
  ].map(([value, label]) => ({ value, label }));
  const orgServices = (services.data?.items ?? [])
    .filter((s) => s.organisation.id === form.values.organisationId)
    .map((s) => ({ value: s.id, label: s.name }));
  const signersError = form.errors.givenBy;
  const loading = members.isPending || involvements.isPending || services.isPending;
  const failed = members.error ?? involvements.error ?? services.error;

  return (
    <Modal opened onClose={onClose} title={t('privacy.consent.modal.title')} size="lg">
      {loading && <LoadingState />}
      {failed && <ErrorState error={failed} />}
      {!loading && !failed && orgs.length === 0 && (
        <Alert color="blue" variant="light">
          {t('privacy.consent.modal.noOrganisations')}
        </Alert>
      )}
      {!loading && !failed && orgs.length > 0 && (
        <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('privacy.consent.modal.member')}
                required
                data={memberList.map((m) => ({ value: m.id, label: m.name }))}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('memberId')}
                onChange={(value: string | null) => {
                  form.setFieldValue('memberId', value ?? '');
                  form.setFieldValue(
                    'givenBy',
                    suggestedSigners(
                      memberList.find((m) => m.id === value),
                      form.values.givenOn ?? today,
                    ),
                  );
                }}
              />
              <Select
                label={t('privacy.consent.modal.organisation')}
                description={t('privacy.consent.modal.organisationHelp')}
                required
                data={orgs}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('organisationId')}
                onChange={(value: string | null) => {
                  form.setFieldValue('organisationId', value ?? '');
                  form.setFieldValue('serviceId', '');
                }}
              />
            </SimpleGrid>
            <CategoryChecks
              label={t('privacy.consent.modal.categories')}
              inputProps={form.getInputProps('categories')}
            />
            <Radio.Group
              label={t('privacy.consent.modal.purpose')}
              required
              {...form.getInputProps('purpose')}
            >
              <Group mt={6}>
                <Radio value="coordination" label={t('privacy.consent.purpose.coordination')} />
                <Radio value="referral" label={t('privacy.consent.purpose.referralPlain')} />
              </Group>
            </Radio.Group>
            {form.values.purpose === 'referral' &&
              (form.values.organisationId && orgServices.length === 0 ? (
                <Text size="sm">{t('privacy.consent.modal.noServices')}</Text>
              ) : (
                <Select
                  label={t('privacy.consent.modal.service')}
                  placeholder={t('privacy.consent.modal.servicePlaceholder')}
                  required
                  data={orgServices}
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps('serviceId')}
                />
              ))}
            <DateField
              label={t('privacy.consent.modal.givenOn')}
              maxToday
              clearable={false}
              inputProps={
                {
                  ...form.getInputProps('givenOn'),
                  required: true,
                  onChange: (value: string | null) => {
                    form.setFieldValue('givenOn', value);
                    if (value && !form.isDirty('validUntil'))
                      form.setFieldValue('validUntil', defaultValidUntil(value));
                  },
                } as GetInputPropsReturnType
              }
            />
            <Fieldset
              legend={t('privacy.consent.modal.givenBy')}
              variant="unstyled"
              styles={{
                legend: { fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)', marginBottom: 4 },
              }}
            >
              <Stack gap="xs">
                {member && <AgeHint member={member} on={form.values.givenOn ?? today} />}
                {form.values.givenBy.map((_, i) => (
                  <Group key={i} align="flex-end" gap="xs" wrap="nowrap">
                    <Select
                      label={t('privacy.consent.modal.signerKind')}
                      aria-label={`${t('privacy.consent.modal.signerNumber', { n: i + 1 })}: ${t('privacy.consent.modal.signerKind')}`}
                      w={150}
                      allowDeselect={false}
                      data={SIGNER_KINDS.map((k) => ({ value: k, label: t(`privacy.consent.signer.${k}`) }))}
                      comboboxProps={{ withinPortal: true }}
                      {...form.getInputProps(`givenBy.${i}.kind`)}
                    />
                    <TextInput
                      label={t('privacy.consent.modal.signerName')}
                      aria-label={`${t('privacy.consent.modal.signerNumber', { n: i + 1 })}: ${t('privacy.consent.modal.signerName')}`}
                      style={{ flex: 1 }}
                      required
                      maxLength={120}
                      {...form.getInputProps(`givenBy.${i}.name`)}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="gray.8"
                      size="lg"
                      mb={2}
                      aria-label={t('privacy.consent.modal.removeSigner', { n: i + 1 })}
                      disabled={form.values.givenBy.length === 1}
                      onClick={() => form.removeListItem('givenBy', i)}
                    >
                      <IconTrash size={18} aria-hidden />
                    </ActionIcon>
                  </Group>
                ))}
                {signersError && (
                  <Text size="sm" c="red.9" role="alert">
                    {signersError}
                  </Text>
                )}
                {form.values.givenBy.length < 4 && (
                  <Group>
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      leftSection={<IconPlus size={16} aria-hidden />}
                      onClick={() => form.insertListItem('givenBy', { kind: 'parent', name: '' })}
                    >
                      {t('privacy.consent.modal.addSigner')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Fieldset>
            <Radio.Group
              label={t('privacy.consent.modal.formLabel')}
              required
              {...form.getInputProps('form')}
            >
              <Stack gap={6} mt={6}>
                {CONSENT_FORMS.map((f) => (
                  <Radio key={f} value={f} label={t(`privacy.consent.form.${f}`)} />
                ))}
              </Stack>
            </Radio.Group>
            {form.values.form === 'verbal' && (
              <TextInput
                label={t('privacy.consent.modal.witness')}
                required
                maxLength={120}
                {...form.getInputProps('witness')}
              />
            )}
            <DateField
              label={t('privacy.consent.modal.validUntil')}
              description={t('privacy.consent.modal.validUntilHelp')}
              clearable={false}
              inputProps={{ ...form.getInputProps('validUntil'), required: true } as GetInputPropsReturnType}
            />
            {!explainedByFields(save.error) && <FormError error={save.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('privacy.consent.modal.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('privacy.consent.modal.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
