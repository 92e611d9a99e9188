import { Alert, Group, MultiSelect, Radio, Select, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { GOAL_KINDS, GOAL_STATUSES, LIFE_DOMAINS, type LifeDomain } from '../../../../contracts/plan.js';
import { isApiError } from '../../../api/client.js';
import type { Member } from '../../../api/endpoints.js';
import { DateField } from '../../../components/fields.js';
import { useStaleEdit } from '../../../components/StaleNotice.js';
import { formatDateOnly } from '../../../lib/format.js';
import { PlanFormModal } from './PlanFormModal.js';
import { PlanStaleNotice } from './PlanStaleNotice.js';
import { type Goal, planApi } from './api.js';
import { usePlanSave } from './usePlanSave.js';

interface Values {
  text: string;
  memberIds: string[];
  domains: string[];
  kind: string;
  successCriterion: string;
  targetDate: string | null;
  status: string;
}

const toValues = (g: Goal | null): Values => ({
  text: g?.text ?? '',
  memberIds: g?.members.map((m) => m.id) ?? [],
  domains: g?.domains ?? [],
  kind: g?.kind ?? 'personal',
  successCriterion: g?.successCriterion ?? '',
  targetDate: g?.targetDate ?? null,
  status: g?.status ?? 'active',
});

/** Adds or changes a goal; a stale edit shows what someone else changed and lets the user redo theirs. */
export function GoalModal({
  householdId,
  goal,
  members,
  onClose,
}: {
  householdId: string;
  goal: Goal | null;
  members: Member[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const edit = useStaleEdit<Goal>(goal ?? ({ version: 0 } as Goal));
  const required = (v: string | string[]) =>
    v.length > 0 && String(v).trim() ? null : t('validation.required');
  const form = useForm<Values>({
    initialValues: toValues(goal),
    validate: {
      text: required,
      memberIds: (v) => (v.length ? null : t('validation.chooseOne')),
      domains: (v) => (v.length ? null : t('validation.chooseOne')),
      successCriterion: required,
    },
  });
  const save = usePlanSave({
    householdId,
    save: (v: Values, idemKey) => {
      const body = {
        text: v.text,
        memberIds: v.memberIds,
        domains: v.domains as LifeDomain[],
        kind: v.kind as Goal['kind'],
        successCriterion: v.successCriterion,
        targetDate: v.targetDate || null,
        status: v.status as Goal['status'],
      };
      if (!goal) return planApi.addGoal(householdId, body, idemKey());
      // Send only what this user changed, so a redo after a conflict keeps the other person's changes.
      const touched = (Object.keys(body) as (keyof typeof body)[]).filter((k) => form.isDirty(k));
      return planApi.updateGoal(
        householdId,
        goal.id,
        edit.base.version,
        Object.fromEntries(touched.map((k) => [k, body[k]])),
      );
    },
    saved: t('plan.goals.saved'),
    onClose,
    setErrors: form.setErrors,
    catchStale: edit.catchStale,
    onlyValidation: true,
  });
  const limitError =
    isApiError(save.error) &&
    save.error.code === 'RULE_VIOLATION' &&
    save.error.fields.some((f) => f.path === 'status');
  const lvbLimit =
    limitError && isApiError(save.error) && save.error.fields.some((f) => f.message.includes('(3)'));
  return (
    <PlanFormModal
      title={goal ? t('plan.goals.editTitle') : t('plan.goals.addTitle')}
      onClose={onClose}
      form={form}
      save={save}
      stale={!!edit.stale}
      alert={
        limitError ? (
          <Alert color="red" variant="light" role="alert">
            {lvbLimit ? t('plan.goals.limitErrorLvb') : t('plan.goals.limitError', { limit: 5 })}
          </Alert>
        ) : undefined
      }
    >
      <PlanStaleNotice
        edit={edit}
        view={(g) => ({ ...g, memberIds: g.members?.map((m) => m.id) })}
        mine={form.values}
        fields={[
          { key: 'text', label: t('plan.goals.text') },
          {
            key: 'memberIds',
            label: t('plan.goals.members'),
            format: (v) =>
              (v as string[] | undefined)
                ?.map((id) => members.find((m) => m.id === id)?.name ?? '?')
                .join(', ') ?? '',
          },
          {
            key: 'domains',
            label: t('plan.goals.domains'),
            format: (v) => (v as string[] | undefined)?.map((d) => t(`plan.domain.${d}`)).join(', ') ?? '',
          },
          { key: 'successCriterion', label: t('plan.goals.success') },
          {
            key: 'targetDate',
            label: t('plan.goals.targetDate'),
            format: (v) => formatDateOnly(v as string) || '—',
          },
          {
            key: 'status',
            label: t('plan.goals.status'),
            format: (v) => t(`plan.goals.statusLabel.${String(v)}`),
          },
        ]}
        onReset={save.reset}
        onTakeTheirs={(current) => form.setValues(toValues(current))}
      />
      <Textarea
        label={t('plan.goals.text')}
        description={t('plan.goals.textHelp')}
        required
        autosize
        minRows={2}
        {...form.getInputProps('text')}
      />
      <MultiSelect
        label={t('plan.goals.members')}
        required
        data={members.map((m) => ({ value: m.id, label: m.name }))}
        {...form.getInputProps('memberIds')}
      />
      <MultiSelect
        label={t('plan.goals.domains')}
        required
        data={LIFE_DOMAINS.map((d) => ({ value: d, label: t(`plan.domain.${d}`) }))}
        {...form.getInputProps('domains')}
      />
      <Radio.Group label={t('plan.goals.kind')} {...form.getInputProps('kind')}>
        <Group gap="lg" mt={4}>
          {GOAL_KINDS.map((k) => (
            <Radio key={k} value={k} label={t(`plan.goals.kindLabel.${k}`)} />
          ))}
        </Group>
      </Radio.Group>
      <TextInput label={t('plan.goals.success')} required {...form.getInputProps('successCriterion')} />
      <Group grow align="flex-start">
        <DateField label={t('plan.goals.targetDate')} inputProps={form.getInputProps('targetDate')} />
        <Select
          label={t('plan.goals.status')}
          allowDeselect={false}
          data={GOAL_STATUSES.map((s) => ({ value: s, label: t(`plan.goals.statusLabel.${s}`) }))}
          {...form.getInputProps('status')}
        />
      </Group>
    </PlanFormModal>
  );
}
