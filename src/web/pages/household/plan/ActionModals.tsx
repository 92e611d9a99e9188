import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifySuccess } from '../../../lib/notify.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ACTION_STATUSES, type AssigneeRef } from '../../../../contracts/plan.js';
import { isApiError } from '../../../api/client.js';
import { DateField } from '../../../components/fields.js';
import { StaleNotice, useStaleEdit, type StaleField } from '../../../components/StaleNotice.js';
import { FormError } from '../../../components/states.js';
import { formatDateOnly } from '../../../lib/format.js';
import { useIdempotencyKey } from '../../../lib/useIdempotencyKey.js';
import { serverFieldErrors } from '../../../lib/validation.js';
import type { PlanPeople } from './GoalsSection.js';
import { type Goal, type PlanAction, planApi } from './api.js';
import { refreshPlan } from './invalidate.js';
import { assigneeGroups, splitRef } from './people.js';

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
  const queryClient = useQueryClient();
  const idem = useIdempotencyKey();
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
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        what: v.what,
        assignee: splitRef<AssigneeRef['kind']>(v.assignee),
        dueDate: v.dueDate!,
        status: v.status as PlanAction['status'],
        blockedReason: v.status === 'blocked' ? v.blockedReason : '',
      };
      if (!action) return planApi.addAction(householdId, { ...body, goalId: goal.id }, idem.key());
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
    onSuccess: () => {
      idem.settle();
      refreshPlan(queryClient, householdId);
      notifySuccess(t('plan.actions.saved'));
      onClose();
    },
    onError: async (error) => {
      idem.settle(error);
      if (await edit.catchStale(error)) return;
      if (isApiError(error) && error.fields.length)
        form.setErrors(
          serverFieldErrors(
            error.fields.map((f) => ({ ...f, path: f.path.replace(/^assignee\.(id|kind)$/, 'assignee') })),
            t,
          ),
        );
    },
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
    {
      key: 'status',
      label: t('plan.actions.status'),
      format: (v) => t(`plan.actions.statusLabel.${String(v)}`),
    },
    { key: 'blockedReason', label: t('plan.actions.blockedReason') },
  ];
  const mine = {
    ...form.values,
    assignee: groups.flatMap((g) => g.items).find((i) => i.value === form.values.assignee)?.label ?? '',
  };
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={action ? t('plan.actions.editTitle') : t('plan.actions.addTitle')}
      size="lg"
    >
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack gap="md">
          {edit.stale && (
            <StaleNotice
              base={edit.base}
              current={edit.stale.current}
              mine={mine}
              fields={staleFields.map((f) =>
                f.key === 'assignee' ? { ...f, format: (v) => (typeof v === 'string' ? v : labelOf(v)) } : f,
              )}
              onKeepMine={() => {
                edit.keepMine();
                save.reset();
              }}
              onTakeTheirs={() => {
                const current = edit.takeTheirs();
                if (current) form.setValues(toValues(current));
                save.reset();
              }}
            />
          )}
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
            <Select
              label={t('plan.actions.status')}
              allowDeselect={false}
              data={ACTION_STATUSES.map((s) => ({ value: s, label: t(`plan.actions.statusLabel.${s}`) }))}
              {...form.getInputProps('status')}
            />
          </Group>
          {form.values.status === 'blocked' && (
            <Textarea
              label={t('plan.actions.blockedReason')}
              required
              autosize
              minRows={2}
              {...form.getInputProps('blockedReason')}
            />
          )}
          {!edit.stale && <FormError error={save.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!!edit.stale}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

interface ReportValues {
  status: string;
  blockedReason: string;
  progressNote: string;
}

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
  const queryClient = useQueryClient();
  const edit = useStaleEdit<PlanAction>(action);
  const toReport = (a: PlanAction): ReportValues => ({
    status: a.status,
    blockedReason: a.blockedReason,
    progressNote: a.progressNote,
  });
  const form = useForm<ReportValues>({
    initialValues: toReport(action),
    validate: {
      blockedReason: (v, all) => (all.status === 'blocked' && !v.trim() ? t('validation.required') : null),
    },
  });
  const save = useMutation({
    mutationFn: (v: ReportValues) =>
      planApi.reportAction(householdId, action.id, edit.base.version, {
        ...v,
        status: v.status as PlanAction['status'],
        blockedReason: v.status === 'blocked' ? v.blockedReason : '',
      }),
    onSuccess: () => {
      refreshPlan(queryClient, householdId);
      notifySuccess(t('plan.actions.reported'));
      onClose();
    },
    onError: async (error) => {
      if (await edit.catchStale(error)) return;
      if (isApiError(error) && error.fields.length) form.setErrors(serverFieldErrors(error.fields, t));
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={t('plan.actions.reportTitle')}
      size="lg"
    >
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack gap="md">
          {edit.stale && (
            <StaleNotice
              base={edit.base}
              current={edit.stale.current}
              mine={form.values}
              fields={[
                {
                  key: 'status',
                  label: t('plan.actions.status'),
                  format: (v) => t(`plan.actions.statusLabel.${String(v)}`),
                },
                { key: 'blockedReason', label: t('plan.actions.blockedReason') },
                { key: 'progressNote', label: t('plan.actions.progressNote') },
              ]}
              onKeepMine={() => {
                edit.keepMine();
                save.reset();
              }}
              onTakeTheirs={() => {
                const current = edit.takeTheirs();
                if (current) form.setValues(toReport(current));
                save.reset();
              }}
            />
          )}
          <TextInput label={t('plan.actions.what')} value={action.what} readOnly />
          <Select
            label={t('plan.actions.status')}
            allowDeselect={false}
            data={ACTION_STATUSES.map((s) => ({ value: s, label: t(`plan.actions.statusLabel.${s}`) }))}
            {...form.getInputProps('status')}
          />
          {form.values.status === 'blocked' && (
            <Textarea
              label={t('plan.actions.blockedReason')}
              required
              autosize
              minRows={2}
              {...form.getInputProps('blockedReason')}
            />
          )}
          <Textarea
            label={t('plan.actions.progressNote')}
            autosize
            minRows={2}
            {...form.getInputProps('progressNote')}
          />
          {!edit.stale && <FormError error={save.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!!edit.stale}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
