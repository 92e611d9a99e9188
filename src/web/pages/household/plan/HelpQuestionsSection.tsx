import { Badge, Button, Card, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifySuccess } from '../../../lib/notify.js';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIFE_DOMAINS, type LifeDomain } from '../../../../contracts/plan.js';
import type { Member } from '../../../api/endpoints.js';
import { ConfirmDialog } from '../../../components/ConfirmDialog.js';
import { useStaleEdit } from '../../../components/StaleNotice.js';
import { EmptyState } from '../../../components/states.js';
import { type HelpQuestion, type Plan, planApi } from './api.js';
import { refreshPlan } from './invalidate.js';
import { PlanFormModal } from './PlanFormModal.js';
import { PlanStaleNotice } from './PlanStaleNotice.js';
import { usePlanSave } from './usePlanSave.js';
import { TONE } from '../../../theme.js';

const WHOLE = 'household';

export function HelpQuestionsSection({
  householdId,
  plan,
  members,
  canWrite,
}: {
  householdId: string;
  plan: Plan;
  members: Member[];
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<HelpQuestion | 'new' | null>(null);
  const [removing, setRemoving] = useState<HelpQuestion | null>(null);
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (q: HelpQuestion) => planApi.removeQuestion(householdId, q.id, q.version),
    onSuccess: () => {
      refreshPlan(queryClient, householdId);
      notifySuccess(t('plan.questions.removed'));
      setRemoving(null);
    },
  });
  return (
    <Stack gap="sm" component="section" aria-labelledby="questions-title">
      <Group justify="space-between">
        <div>
          <Title order={3} size="h4" id="questions-title">
            {t('plan.questions.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('plan.questions.intro')}
          </Text>
        </div>
        {canWrite && (
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setEditing('new')}
          >
            {t('plan.questions.add')}
          </Button>
        )}
      </Group>
      {plan.helpQuestions.length === 0 && <EmptyState>{t('plan.questions.empty')}</EmptyState>}
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {plan.helpQuestions.map((q) => (
          <Card key={q.id} withBorder padding="sm" component="li">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={4}>
                <Text>“{q.text}”</Text>
                <Group gap="xs">
                  <Badge color={TONE.neutral}>{q.memberName ?? t('plan.questions.wholeHousehold')}</Badge>
                  <Badge color={TONE.info}>{t(`plan.domain.${q.domain}`)}</Badge>
                </Group>
              </Stack>
              {canWrite && (
                <Group gap={4} wrap="nowrap">
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={t('plan.questions.editNamed', { text: q.text })}
                    onClick={() => setEditing(q)}
                  >
                    <IconPencil size={14} aria-hidden />
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red.8"
                    aria-label={t('plan.questions.removeNamed', { text: q.text })}
                    onClick={() => setRemoving(q)}
                  >
                    <IconTrash size={14} aria-hidden />
                  </Button>
                </Group>
              )}
            </Group>
          </Card>
        ))}
      </Stack>
      {editing && (
        <QuestionModal
          householdId={householdId}
          question={editing === 'new' ? null : editing}
          members={members}
          onClose={() => setEditing(null)}
        />
      )}
      {removing && (
        <ConfirmDialog
          opened
          title={t('plan.questions.removeTitle')}
          confirmLabel={t('plan.questions.removeConfirm')}
          danger
          busy={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate(removing)}
          onCancel={() => setRemoving(null)}
        >
          {t('plan.questions.removeText')}
        </ConfirmDialog>
      )}
    </Stack>
  );
}

interface Values {
  memberId: string;
  domain: string;
  text: string;
}

function QuestionModal({
  householdId,
  question,
  members,
  onClose,
}: {
  householdId: string;
  question: HelpQuestion | null;
  members: Member[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const edit = useStaleEdit<HelpQuestion>(question ?? ({ version: 0 } as HelpQuestion));
  const toValues = (q: HelpQuestion | null): Values => ({
    memberId: q?.memberId ?? WHOLE,
    domain: q?.domain ?? '',
    text: q?.text ?? '',
  });
  const form = useForm<Values>({
    initialValues: toValues(question),
    validate: {
      domain: (v) => (v ? null : t('validation.required')),
      text: (v) => (v.trim() ? null : t('validation.required')),
    },
  });
  const save = usePlanSave({
    householdId,
    save: (v: Values, idemKey) => {
      const body = {
        memberId: v.memberId === WHOLE ? null : v.memberId,
        domain: v.domain as LifeDomain,
        text: v.text,
      };
      return question
        ? planApi.updateQuestion(householdId, question.id, edit.base.version, body)
        : planApi.addQuestion(householdId, body, idemKey());
    },
    saved: t('plan.questions.saved'),
    onClose,
    setErrors: form.setErrors,
    catchStale: edit.catchStale,
  });
  return (
    <PlanFormModal
      title={question ? t('plan.questions.editTitle') : t('plan.questions.addTitle')}
      onClose={onClose}
      form={form}
      save={save}
      stale={!!edit.stale}
    >
      <PlanStaleNotice
        edit={edit}
        mine={{ ...form.values, memberId: form.values.memberId === WHOLE ? null : form.values.memberId }}
        fields={[
          { key: 'text', label: t('plan.questions.text') },
          {
            key: 'domain',
            label: t('plan.questions.domain'),
            format: (v) => t(`plan.domain.${String(v)}`),
          },
          {
            key: 'memberId',
            label: t('plan.questions.member'),
            format: (v) => members.find((m) => m.id === v)?.name ?? t('plan.questions.wholeHousehold'),
          },
        ]}
        onReset={save.reset}
        onTakeTheirs={(current) => form.setValues(toValues(current))}
      />
      <Select
        label={t('plan.questions.member')}
        allowDeselect={false}
        data={[
          { value: WHOLE, label: t('plan.questions.wholeHousehold') },
          ...members.map((m) => ({ value: m.id, label: m.name })),
        ]}
        {...form.getInputProps('memberId')}
      />
      <Select
        label={t('plan.questions.domain')}
        required
        allowDeselect={false}
        data={LIFE_DOMAINS.map((d) => ({ value: d, label: t(`plan.domain.${d}`) }))}
        {...form.getInputProps('domain')}
      />
      <Textarea
        label={t('plan.questions.text')}
        required
        autosize
        minRows={2}
        {...form.getInputProps('text')}
      />
    </PlanFormModal>
  );
}
