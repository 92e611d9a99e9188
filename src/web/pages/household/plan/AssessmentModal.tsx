import { Alert, Checkbox, Group, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { LIFE_DOMAINS, RELIANCE, type LifeDomain } from '../../../../contracts/plan.js';
import type { Member } from '../../../api/endpoints.js';
import { PastDateField, today } from './PastDateField.js';
import { PlanFormModal } from './PlanFormModal.js';
import { planApi, planKeys } from './api.js';
import { usePlanSave } from './usePlanSave.js';

interface DomainValues {
  relevant: boolean;
  score: string;
  note: string;
  strengths: string;
  reliesOn: string[];
}
interface Values {
  memberId: string | null;
  assessedOn: string | null;
  note: string;
  domains: Record<LifeDomain, DomainValues>;
}

export function AssessmentModal({
  householdId,
  members,
  onClose,
}: {
  householdId: string;
  members: Member[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    initialValues: {
      memberId: members[0]?.id ?? null,
      assessedOn: today(),
      note: '',
      domains: Object.fromEntries(
        LIFE_DOMAINS.map((d) => [d, { relevant: false, score: '', note: '', strengths: '', reliesOn: [] }]),
      ) as unknown as Values['domains'],
    },
    validate: (v) => {
      const errors: Record<string, string> = {};
      if (!v.memberId) errors.memberId = t('validation.required');
      if (!v.assessedOn) errors.assessedOn = t('validation.required');
      const chosen = LIFE_DOMAINS.filter((d) => v.domains[d].relevant);
      if (chosen.length === 0) errors.domains = t('plan.assess.noneChosen');
      for (const d of chosen)
        if (!v.domains[d].score) errors[`domains.${d}.score`] = t('validation.required');
      return errors;
    },
  });
  const save = usePlanSave({
    householdId,
    save: (v: Values, idemKey) =>
      planApi.addAssessment(
        householdId,
        {
          memberId: v.memberId!,
          assessedOn: v.assessedOn!,
          note: v.note,
          scores: LIFE_DOMAINS.filter((d) => v.domains[d].relevant).map((d) => ({
            domain: d,
            score: Number(v.domains[d].score),
            note: v.domains[d].note,
            strengths: v.domains[d].strengths,
            reliesOn: v.domains[d].reliesOn as (typeof RELIANCE)[number][],
          })),
        },
        idemKey(),
      ),
    saved: t('plan.assess.saved'),
    onClose,
    setErrors: form.setErrors,
    refresh: planKeys.assessments(householdId),
  });
  return (
    <PlanFormModal title={t('plan.assess.addTitle')} size="xl" onClose={onClose} form={form} save={save}>
      <Group grow align="flex-start">
        <Select
          label={t('plan.assess.member')}
          required
          allowDeselect={false}
          data={members.map((m) => ({ value: m.id, label: m.name }))}
          {...form.getInputProps('memberId')}
        />
        <PastDateField label={t('plan.assess.date')} inputProps={form.getInputProps('assessedOn')} />
      </Group>
      <Text size="sm">{t('plan.assess.onlyRelevant')}</Text>
      {form.errors.domains && (
        <Alert color="red" variant="light" role="alert">
          {form.errors.domains}
        </Alert>
      )}
      <Stack gap="xs">
        {LIFE_DOMAINS.map((d) => {
          const v = form.values.domains[d];
          const name = t(`plan.domain.${d}`);
          return (
            <fieldset key={d} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
              <legend>
                <Checkbox
                  label={name}
                  {...form.getInputProps(`domains.${d}.relevant`, { type: 'checkbox' })}
                />
              </legend>
              {v.relevant && (
                <Stack gap="xs" mt="xs" ml="lg">
                  <Radio.Group
                    label={t('plan.assess.scoreLabel', { domain: name })}
                    required
                    {...form.getInputProps(`domains.${d}.score`)}
                  >
                    <Group gap="md" mt={4}>
                      {[1, 2, 3, 4, 5].map((s) => (
                        <Radio key={s} value={String(s)} label={t(`plan.score.${s}`)} />
                      ))}
                    </Group>
                  </Radio.Group>
                  <Group grow align="flex-start">
                    <TextInput label={t('plan.assess.note')} {...form.getInputProps(`domains.${d}.note`)} />
                    <TextInput
                      label={t('plan.assess.strengths')}
                      {...form.getInputProps(`domains.${d}.strengths`)}
                    />
                  </Group>
                  <Checkbox.Group
                    label={t('plan.assess.reliesOn')}
                    {...form.getInputProps(`domains.${d}.reliesOn`)}
                  >
                    <Group gap="md" mt={4}>
                      {RELIANCE.map((r) => (
                        <Checkbox key={r} value={r} label={t(`plan.reliance.${r}`)} />
                      ))}
                    </Group>
                  </Checkbox.Group>
                </Stack>
              )}
            </fieldset>
          );
        })}
      </Stack>
      <Textarea label={t('plan.assess.generalNote')} autosize minRows={2} {...form.getInputProps('note')} />
    </PlanFormModal>
  );
}
