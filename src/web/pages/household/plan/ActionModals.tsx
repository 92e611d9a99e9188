import { Group, Select, Textarea, TextInput } from '@mantine/core';
import { type GetInputPropsReturnType, useForm } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ACTION_STATUSES, type AssigneeRef } from '../../../../contracts/plan.js';
import { DateField } from '../../../components/fields.js';
import { useStaleEdit, type StaleField } from '../../../components/StaleNotice.js';
import { formatDateOnly } from '../../../lib/format.js';
import type { PlanPeople } from './GoalsSection.js';
import { PlanFormModal } from './PlanFormModal.js';
import { PlanStaleNotice } from './PlanStaleNotice.js';
import { type Goal, type PlanAction, planApi } from './api.js';
import { assigneeGroups, splitRef } from './people.js';
import { usePlanSave } from './usePlanSave.js';

interface Values {
  what: string;
  assignee: string;
  dueDate: string | null;
  status: string;
  blockedReason: string;
}

const toValues = (a: PlanAction | null): Values => ({
  what: a?.what ?? '',
  assignee: a ? `${a.assignee.kind}:${a.assignee.id}` : '',
  dueDate: a?.dueDate ?? null,
  status: a?.status ?? 'open',
  blockedReason: a?.blockedReason ?? '',
});

const statusStaleFields = (t: TFunction): StaleField[] => [
  {
    key: 'status',
    label: t('plan.actions.status'),
    format: (v) => t(`plan.actions.statusLabel.${String(v)}`),
  },
  { key: 'blockedReason', label: t('plan.actions.blockedReason') },
];

function StatusSelect({ inputProps }: { inputProps: GetInputPropsReturnType }) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('plan.actions.status')}
      allowDeselect={false}
      data={ACTION_STATUSES.map((s) => ({ value: s, label: t(`plan.actions.statusLabel.${s}`) }))}
      {...inputProps}
    />
  );
}

/** Why the action is blocked: asked only when it is. */
function BlockedReason({ status, inputProps }: { status: string; inputProps: GetInputPropsReturnType }) {
  const { t } = useTranslation();
  if (status !== 'blocked') return null;
  return <Textarea label={t('plan.actions.blockedReason')} required autosize minRows={2} {...inputProps} />;
}

/** The coordinator adds or changes an action under a goal. */
export function ActionModal({
  householdId,
  goal,
  action,
  people,
  onClose,
}: {
  householdId: string;
  goal: Goal;
  action: PlanAction | null;
  people: PlanPeople;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const edit = useStaleEdit<PlanAction>(action ?? ({ version: 0 } as PlanAction));
  const form = useForm<Values>({
    initialValues: toValues(action),
    validate: {
      what: (v) => (v.trim() ? null : t('validation.required')),
      assignee: (v) => (v ? null : t('validation.required')),
      dueDate: (v) => (v ? null : t('validation.required')),
      blockedReason: (v, all) => (all.status === 'blocked' && !v.trim() ? t('validation.required') : null),
    },
  });
  const save = usePlanSave({
    householdId,
    save: (v: Values, idemKey) => {
      const body = {
        what: v.what,
        assignee: splitRef<AssigneeRef['kind']>(v.assignee),
        dueDate: v.dueDate!,
        status: v.status as PlanAction['status'],
        blockedReason: v.status === 'blocked' ? v.blockedReason : '',
      };
      if (!action) return planApi.addAction(householdId, { ...body, goalId: goal.id }, idemKey());
      // Send only what this user changed, so a redo after a conflict keeps the other person's changes.
      const touched = (Object.keys(body) as (keyof typeof body)[]).filter(
        (k) => form.isDirty(k) || (k === 'blockedReason' && form.isDirty('status')),
      );
      return planApi.updateAction(
        householdId,
        action.id,
        edit.base.version,
        Object.fromEntries(touched.map((k) => [k, body[k]])),
      );
    },
    saved: t('plan.actions.saved'),
    onClose,
    setErrors: form.setErrors,
    catchStale: edit.catchStale,
    mapFields: (fields) =>
      fields.map((f) => ({ ...f, path: f.path.replace(/^assignee\.(id|kind)$/, 'assignee') })),
  });
  const groups = assigneeGroups(t, people.members, people.contacts, people.involvements);
  const labelOf = (v: unknown) => {
    const a = v as PlanAction['assignee'] | undefined;
    return a ? `${a.name}${a.organisation ? ` (${a.organisation})` : ''}` : '';
  };
  const staleFields: StaleField[] = [
    { key: 'what', label: t('plan.actions.what') },
    { key: 'assignee', label: t('plan.actions.who'), format: labelOf },
    { key: 'dueDate', label: t('plan.actions.due'), format: (v) => formatDateOnly(v as string) },
    ...statusStaleFields(t),
  ];
  const mine = {
    ...form.values,
    assignee: groups.flatMap((g) => g.items).find((i) => i.value === form.values.assignee)?.label ?? '',
  };
  return (
    <PlanFormModal
      title={action ? t('plan.actions.editTitle') : t('plan.actions.addTitle')}
      onClose={onClose}
      form={form}
      save={save}
      stale={!!edit.stale}
    >
      <PlanStaleNotice
        edit={edit}
        mine={mine}
        fields={staleFields.map((f) =>
          f.key === 'assignee' ? { ...f, format: (v) => (typeof v === 'string' ? v : labelOf(v)) } : f,
        )}
        onReset={save.reset}
        onTakeTheirs={(current) => form.setValues(toValues(current))}
      />
      <TextInput
        label={t('plan.actions.what')}
        description={`“${goal.text}”`}
        required
        {...form.getInputProps('what')}
      />
      <Select
        label={t('plan.actions.who')}
        required
        searchable
        allowDeselect={false}
        data={groups}
        {...form.getInputProps('assignee')}
      />
      <Group grow align="flex-start">
        <DateField
          label={t('plan.actions.due')}
          inputProps={form.getInputProps('dueDate')}
          clearable={false}
        />
        <StatusSelect inputProps={form.getInputProps('status')} />
      </Group>
      <BlockedReason status={form.values.status} inputProps={form.getInputProps('blockedReason')} />
    </PlanFormModal>
  );
}

interface ReportValues {
  status: string;
  blockedReason: string;
  progressNote: string;
}

const toReport = (a: PlanAction): ReportValues => ({
  status: a.status,
  blockedReason: a.blockedReason,
  progressNote: a.progressNote ?? '',
});

/** A partner reports on an action assigned to them or their organisation. */
export function ReportModal({
  householdId,
  action,
  onClose,
}: {
  householdId: string;
  action: PlanAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const edit = useStaleEdit<PlanAction>(action);
  const form = useForm<ReportValues>({
    initialValues: toReport(action),
    validate: {
      blockedReason: (v, all) => (all.status === 'blocked' && !v.trim() ? t('validation.required') : null),
    },
  });
  const save = usePlanSave({
    householdId,
    save: (v: ReportValues) =>
      planApi.reportAction(householdId, action.id, edit.base.version, {
        ...v,
        status: v.status as PlanAction['status'],
        blockedReason: v.status === 'blocked' ? v.blockedReason : '',
      }),
    saved: t('plan.actions.reported'),
    onClose,
    setErrors: form.setErrors,
    catchStale: edit.catchStale,
  });
  return (
    <PlanFormModal
      title={t('plan.actions.reportTitle')}
      onClose={onClose}
      form={form}
      save={save}
      stale={!!edit.stale}
    >
      <PlanStaleNotice
        edit={edit}
        mine={form.values}
        fields={[...statusStaleFields(t), { key: 'progressNote', label: t('plan.actions.progressNote') }]}
        onReset={save.reset}
        onTakeTheirs={(current) => form.setValues(toReport(current))}
      />
      <TextInput label={t('plan.actions.what')} value={action.what} readOnly />
      <StatusSelect inputProps={form.getInputProps('status')} />
      <BlockedReason status={form.values.status} inputProps={form.getInputProps('blockedReason')} />
      <Textarea
        label={t('plan.actions.progressNote')}
        autosize
        minRows={2}
        {...form.getInputProps('progressNote')}
      />
    </PlanFormModal>
  );
}
