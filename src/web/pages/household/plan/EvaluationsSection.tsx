import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifySuccess } from '../../../lib/notify.js';
import { IconCalendarPlus, IconClipboardCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVALUATION_DECISIONS, type ParticipantRef } from '../../../../contracts/plan.js';
import { isApiError } from '../../../api/client.js';
import { DateField } from '../../../components/fields.js';
import { EmptyState, FormError } from '../../../components/states.js';
import { formatDateOnly } from '../../../lib/format.js';
import { useIdempotencyKey } from '../../../lib/useIdempotencyKey.js';
import { serverFieldErrors } from '../../../lib/validation.js';
import type { PlanPeople } from './GoalsSection.js';
import { type Evaluation, type Plan, planApi } from './api.js';
import { refreshPlan } from './invalidate.js';
import { participantOptions, splitRef } from './people.js';
import { TONE } from '../../../theme.js';

export function EvaluationsSection({
  householdId,
  plan,
  people,
  canWrite,
}: {
  householdId: string;
  plan: Plan;
  people: PlanPeople;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const [scheduling, setScheduling] = useState(false);
  const [recording, setRecording] = useState<Evaluation | null>(null);
  const hasPlanned = plan.evaluations.some((e) => e.status === 'planned');
  return (
    <Stack gap="sm" component="section" aria-labelledby="evaluations-title">
      <Group justify="space-between">
        <div>
          <Title order={3} size="h4" id="evaluations-title">
            {t('plan.evaluations.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('plan.evaluations.intro')}
          </Text>
        </div>
        {canWrite && !hasPlanned && (
          <Button
            variant="default"
            leftSection={<IconCalendarPlus size={16} aria-hidden />}
            onClick={() => setScheduling(true)}
          >
            {t('plan.evaluations.add')}
          </Button>
        )}
      </Group>
      {plan.evaluations.length === 0 && <EmptyState>{t('plan.evaluations.empty')}</EmptyState>}
      {[...plan.evaluations].reverse().map((e) => (
        <Card key={e.id} withBorder padding="sm">
          <Group justify="space-between" align="flex-start">
            <Stack gap={4}>
              <Group gap="xs">
                <Badge
                  color={
                    e.status === 'planned' ? TONE.info : e.status === 'held' ? TONE.success : TONE.neutral
                  }
                >
                  {e.status === 'held'
                    ? t('plan.evaluations.held', { date: formatDateOnly(e.heldOn) })
                    : t(`plan.evaluations.${e.status}`, { date: formatDateOnly(e.plannedOn) })}
                </Badge>
              </Group>
              <Text size="sm">{`${t('plan.evaluations.participants')} ${e.participants.map((p) => p.name).join(', ')}`}</Text>
              {e.decisions.map((d) => (
                <Text size="sm" key={d.goalId}>
                  {`“${d.goalText}”: ${t(`plan.evaluations.decisionLabel.${d.decision}`)}${d.progress ? ` — ${d.progress}` : ''}`}
                </Text>
              ))}
              {e.notes && (
                <Text size="sm" c="dimmed">
                  {e.notes}
                </Text>
              )}
            </Stack>
            {canWrite && e.status === 'planned' && (
              <Button
                size="xs"
                leftSection={<IconClipboardCheck size={14} aria-hidden />}
                aria-label={t('plan.evaluations.recordNamed', { date: formatDateOnly(e.plannedOn) })}
                onClick={() => setRecording(e)}
              >
                {t('plan.evaluations.record')}
              </Button>
            )}
          </Group>
        </Card>
      ))}
      {scheduling && (
        <ScheduleModal householdId={householdId} people={people} onClose={() => setScheduling(false)} />
      )}
      {recording && (
        <RecordModal
          householdId={householdId}
          evaluation={recording}
          plan={plan}
          onClose={() => setRecording(null)}
        />
      )}
    </Stack>
  );
}

function ScheduleModal({
  householdId,
  people,
  onClose,
}: {
  householdId: string;
  people: PlanPeople;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const idem = useIdempotencyKey();
  const form = useForm<{ plannedOn: string | null; participants: string[] }>({
    initialValues: { plannedOn: null, participants: [] },
    validate: {
      plannedOn: (v) => (v ? null : t('validation.required')),
      participants: (v) => (v.length ? null : t('validation.chooseOne')),
    },
  });
  const save = useMutation({
    mutationFn: (v: { plannedOn: string | null; participants: string[] }) =>
      planApi.scheduleEvaluation(
        householdId,
        {
          plannedOn: v.plannedOn!,
          participants: v.participants.map((p) => splitRef<ParticipantRef['kind']>(p)),
        },
        idem.key(),
      ),
    onSuccess: () => {
      idem.settle();
      refreshPlan(queryClient, householdId);
      notifySuccess(t('plan.evaluations.scheduled'));
      onClose();
    },
    onError: (error) => {
      idem.settle(error);
      if (isApiError(error) && error.fields.length)
        form.setErrors(
          serverFieldErrors(
            error.fields.map((f) => ({ ...f, path: f.path.replace(/^participants\..*/, 'participants') })),
            t,
          ),
        );
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={t('plan.evaluations.addTitle')}
      size="lg"
    >
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack gap="md">
          <DateField label={t('plan.evaluations.date')} inputProps={form.getInputProps('plannedOn')} />
          <MultiSelect
            label={t('plan.evaluations.participants')}
            required
            data={participantOptions(people.members, people.contacts, people.involvements)}
            {...form.getInputProps('participants')}
          />
          <FormError error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

interface RecordValues {
  heldOn: string | null;
  decisions: { goalId: string; progress: string; decision: string }[];
  notes: string;
  nextEvaluationOn: string | null;
  closesPlan: boolean;
}

/** Records an evaluation: progress and a decision per open goal, and the next date (unless the plan closes). */
function RecordModal({
  householdId,
  evaluation,
  plan,
  onClose,
}: {
  householdId: string;
  evaluation: Evaluation;
  plan: Plan;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const open = plan.goals.filter((g) => g.status === 'active' || g.status === 'adjusted');
  const form = useForm<RecordValues>({
    initialValues: {
      heldOn: evaluation.plannedOn,
      decisions: open.map((g) => ({ goalId: g.id, progress: '', decision: 'continue' })),
      notes: '',
      nextEvaluationOn: null,
      closesPlan: false,
    },
    validate: {
      heldOn: (v) => (v ? null : t('validation.required')),
      nextEvaluationOn: (v, all) => (!all.closesPlan && !v ? t('plan.evaluations.nextHelp') : null),
      decisions: { progress: (v) => (v.trim() ? null : t('validation.required')) },
    },
  });
  const save = useMutation({
    mutationFn: (v: RecordValues) =>
      planApi.recordEvaluation(householdId, evaluation.id, evaluation.version, {
        heldOn: v.heldOn!,
        decisions: v.decisions.map((d) => ({
          ...d,
          decision: d.decision as Evaluation['decisions'][number]['decision'],
        })),
        notes: v.notes,
        nextEvaluationOn: v.closesPlan ? null : v.nextEvaluationOn,
        closesPlan: v.closesPlan,
      }),
    onSuccess: () => {
      refreshPlan(queryClient, householdId);
      notifySuccess(t('plan.evaluations.saved'));
      onClose();
    },
    onError: (error) => {
      if (isApiError(error) && error.fields.length) form.setErrors(serverFieldErrors(error.fields, t));
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={t('plan.evaluations.recordTitle')}
      size="xl"
    >
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack gap="md">
          <DateField
            label={t('plan.evaluations.heldOn')}
            inputProps={form.getInputProps('heldOn')}
            maxToday
            clearable={false}
          />
          {open.length === 0 && <Text size="sm">{t('plan.evaluations.noOpenGoals')}</Text>}
          {open.map((g, i) => (
            <Card key={g.id} withBorder padding="sm">
              <Stack gap="xs">
                <Text fw={600}>“{g.text}”</Text>
                <TextInput
                  label={t('plan.evaluations.progress')}
                  required
                  {...form.getInputProps(`decisions.${i}.progress`)}
                />
                <Select
                  label={t('plan.evaluations.decision')}
                  allowDeselect={false}
                  data={EVALUATION_DECISIONS.map((d) => ({
                    value: d,
                    label: t(`plan.evaluations.decisionLabel.${d}`),
                  }))}
                  {...form.getInputProps(`decisions.${i}.decision`)}
                />
              </Stack>
            </Card>
          ))}
          <Textarea
            label={t('plan.evaluations.notes')}
            autosize
            minRows={2}
            {...form.getInputProps('notes')}
          />
          <Checkbox
            label={t('plan.evaluations.closesPlan')}
            {...form.getInputProps('closesPlan', { type: 'checkbox' })}
          />
          {!form.values.closesPlan && (
            <DateField
              label={t('plan.evaluations.next')}
              description={t('plan.evaluations.nextHelp')}
              inputProps={form.getInputProps('nextEvaluationOn')}
            />
          )}
          <FormError error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
