import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCalendarPlus, IconClipboardCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVALUATION_DECISIONS, type ParticipantRef } from '../../../../contracts/plan.js';
import { DateField } from '../../../components/fields.js';
import { EmptyState } from '../../../components/states.js';
import { formatDateOnly } from '../../../lib/format.js';
import type { PlanPeople } from './GoalsSection.js';
import { type Evaluation, type Plan, planApi } from './api.js';
import { PastDateField } from './PastDateField.js';
import { PlanFormModal } from './PlanFormModal.js';
import { participantOptions, splitRef } from './people.js';
import { TONE } from '../../../theme.js';
import { usePlanSave } from './usePlanSave.js';

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

interface ScheduleValues {
  plannedOn: string | null;
  participants: string[];
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
  const form = useForm<ScheduleValues>({
    initialValues: { plannedOn: null, participants: [] },
    validate: {
      plannedOn: (v) => (v ? null : t('validation.required')),
      participants: (v) => (v.length ? null : t('validation.chooseOne')),
    },
  });
  const save = usePlanSave({
    householdId,
    save: (v: ScheduleValues, idemKey) =>
      planApi.scheduleEvaluation(
        householdId,
        {
          plannedOn: v.plannedOn!,
          participants: v.participants.map((p) => splitRef<ParticipantRef['kind']>(p)),
        },
        idemKey(),
      ),
    saved: t('plan.evaluations.scheduled'),
    onClose,
    setErrors: form.setErrors,
    mapFields: (fields) =>
      fields.map((f) => ({ ...f, path: f.path.replace(/^participants\..*/, 'participants') })),
  });
  return (
    <PlanFormModal title={t('plan.evaluations.addTitle')} onClose={onClose} form={form} save={save}>
      <DateField label={t('plan.evaluations.date')} inputProps={form.getInputProps('plannedOn')} />
      <MultiSelect
        label={t('plan.evaluations.participants')}
        required
        data={participantOptions(people.members, people.contacts, people.involvements)}
        {...form.getInputProps('participants')}
      />
    </PlanFormModal>
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
  const save = usePlanSave({
    householdId,
    save: (v: RecordValues) =>
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
    saved: t('plan.evaluations.saved'),
    onClose,
    setErrors: form.setErrors,
  });
  return (
    <PlanFormModal
      title={t('plan.evaluations.recordTitle')}
      size="xl"
      onClose={onClose}
      form={form}
      save={save}
    >
      <PastDateField label={t('plan.evaluations.heldOn')} inputProps={form.getInputProps('heldOn')} />
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
      <Textarea label={t('plan.evaluations.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
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
    </PlanFormModal>
  );
}
