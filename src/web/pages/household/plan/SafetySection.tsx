import { Badge, Button, Card, Checkbox, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconShieldLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RISK_LEVELS } from '../../../../contracts/plan.js';
import type { Member } from '../../../api/endpoints.js';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states.js';
import { formatDateOnly } from '../../../lib/format.js';
import { PastDateField, today } from './PastDateField.js';
import { PlanFormModal } from './PlanFormModal.js';
import { planApi, planKeys } from './api.js';
import { usePlanSave } from './usePlanSave.js';
import { TONE } from '../../../theme.js';

const RISK_COLOR = {
  low: TONE.success,
  moderate: TONE.warning,
  high: TONE.danger,
  acute: TONE.danger,
} as const;

/** The safety assessment for the children: only the coordinator sees it. */
export function SafetySection({
  householdId,
  members,
  canWrite,
}: {
  householdId: string;
  members: Member[];
  /** The coordinator records; a partner with consent or a sharing basis for safety only reads. */
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: planKeys.safety(householdId),
    queryFn: () => planApi.safety(householdId),
  });
  const [adding, setAdding] = useState(false);
  const children = members.filter((m) => m.role === 'child');
  return (
    <Stack gap="md" component="section" aria-labelledby="safety-title">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} size="h3" id="safety-title">
            <Group gap={6} component="span">
              <IconShieldLock size={22} aria-hidden />
              {t('plan.safety.title')}
            </Group>
          </Title>
          <Text size="sm" c="dimmed">
            {t('plan.safety.intro')}
          </Text>
        </div>
        {canWrite && children.length > 0 && (
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setAdding(true)}
          >
            {t('plan.safety.add')}
          </Button>
        )}
      </Group>
      {children.length === 0 && <EmptyState>{t('plan.safety.noChildren')}</EmptyState>}
      {query.isPending && <LoadingState />}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && query.data.items.length === 0 && children.length > 0 && (
        <EmptyState>{t('plan.safety.empty')}</EmptyState>
      )}
      {query.data?.items.map((s) => (
        <Card key={s.id} withBorder padding="md">
          <Stack gap={6}>
            <Group gap="xs">
              <Badge
                color={RISK_COLOR[s.riskLevel]}
              >{`${t('plan.safety.risk')}: ${t(`plan.safety.riskLevel.${s.riskLevel}`)}`}</Badge>
              <Text size="sm">{s.children.map((c) => c.name).join(', ')}</Text>
            </Group>
            <dl className="facts">
              <div className="fact">
                <dt>{t('plan.safety.concerns')}</dt>
                <dd>{s.concerns}</dd>
              </div>
              {s.protectiveFactors && (
                <div className="fact">
                  <dt>{t('plan.safety.protective')}</dt>
                  <dd>{s.protectiveFactors}</dd>
                </div>
              )}
            </dl>
            <Text size="xs" c="dimmed">
              {t('plan.safety.by', { name: s.recordedBy.name, date: formatDateOnly(s.assessedOn) })}
            </Text>
          </Stack>
        </Card>
      ))}
      {adding && <SafetyModal householdId={householdId} kids={children} onClose={() => setAdding(false)} />}
    </Stack>
  );
}

interface Values {
  assessedOn: string | null;
  childIds: string[];
  concerns: string;
  protectiveFactors: string;
  riskLevel: string;
}

function SafetyModal({
  householdId,
  kids,
  onClose,
}: {
  householdId: string;
  kids: Member[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    initialValues: {
      assessedOn: today(),
      childIds: kids.map((c) => c.id),
      concerns: '',
      protectiveFactors: '',
      riskLevel: '',
    },
    validate: {
      assessedOn: (v) => (v ? null : t('validation.required')),
      childIds: (v) => (v.length > 0 ? null : t('validation.chooseOne')),
      concerns: (v) => (v.trim() ? null : t('validation.required')),
      riskLevel: (v) => (v ? null : t('validation.required')),
    },
  });
  const save = usePlanSave({
    householdId,
    save: (v: Values, idemKey) =>
      planApi.addSafety(
        householdId,
        { ...v, assessedOn: v.assessedOn!, riskLevel: v.riskLevel as (typeof RISK_LEVELS)[number] },
        idemKey(),
      ),
    saved: t('plan.safety.saved'),
    onClose,
    setErrors: form.setErrors,
    refresh: planKeys.safety(householdId),
  });
  return (
    <PlanFormModal title={t('plan.safety.addTitle')} onClose={onClose} form={form} save={save}>
      <PastDateField label={t('plan.safety.date')} inputProps={form.getInputProps('assessedOn')} />
      <Checkbox.Group label={t('plan.safety.children')} required {...form.getInputProps('childIds')}>
        <Group gap="md" mt={4}>
          {kids.map((c) => (
            <Checkbox key={c.id} value={c.id} label={c.name} />
          ))}
        </Group>
      </Checkbox.Group>
      <Textarea
        label={t('plan.safety.concerns')}
        required
        autosize
        minRows={3}
        {...form.getInputProps('concerns')}
      />
      <Textarea
        label={t('plan.safety.protective')}
        autosize
        minRows={2}
        {...form.getInputProps('protectiveFactors')}
      />
      <Radio.Group label={t('plan.safety.risk')} required {...form.getInputProps('riskLevel')}>
        <Group gap="md" mt={4}>
          {RISK_LEVELS.map((r) => (
            <Radio key={r} value={r} label={t(`plan.safety.riskLevel.${r}`)} />
          ))}
        </Group>
      </Radio.Group>
    </PlanFormModal>
  );
}
