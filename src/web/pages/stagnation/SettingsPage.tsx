import { Button, Card, Group, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type StagnationSettingsView, stagnationApi } from '../../api/stagnation.js';
import { ErrorState, FormError, LoadingState, usePageTitle } from '../../components/states.js';
import { notifySuccess } from '../../lib/notify.js';

const FIELDS = [
  'consecutiveNoShows',
  'noContactDays',
  'actionOverdueDays',
  'referralAnswerWorkingDays',
  'waitlistMaxWeeks',
  'evaluationOverdueDays',
  'agreedPlanDays',
] as const;

function SettingsForm({ initial }: { initial: StagnationSettingsView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [values, setValues] = useState(initial);
  const save = useMutation({
    mutationFn: () => {
      const { version, ...body } = values;
      return stagnationApi.saveSettings(version, body);
    },
    onSuccess: (v) => {
      qc.setQueryData(['stagnation-settings'], v);
      setValues(v);
      notifySuccess(t('stagnation.settings.saved'));
    },
  });
  const num = (v: string | number) => (typeof v === 'number' ? v : Number.parseInt(v, 10) || 0);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="lg">
        <Card withBorder component="fieldset" style={{ border: undefined }}>
          <Title order={2} size="h3" mb="sm" component="legend">
            {t('stagnation.settings.thresholds')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {FIELDS.map((f) => (
              <NumberInput
                key={f}
                label={t(`stagnation.settings.${f}`)}
                value={values[f]}
                min={0}
                allowDecimal={false}
                onChange={(v) => setValues({ ...values, [f]: num(v) })}
              />
            ))}
          </SimpleGrid>
        </Card>
        <Card withBorder component="fieldset">
          <Title order={2} size="h3" mb="sm" component="legend">
            {t('stagnation.settings.ladder')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {values.ladder.map((step, i) =>
              step.workingDays === null ? (
                <Text key={step.level} size="sm">
                  {t(`stagnation.level.${step.level}`)}: {t('stagnation.settings.lastStep')}
                </Text>
              ) : (
                <NumberInput
                  key={step.level}
                  label={t(`stagnation.level.${step.level}`)}
                  value={step.workingDays}
                  min={1}
                  allowDecimal={false}
                  onChange={(v) =>
                    setValues({
                      ...values,
                      ladder: values.ladder.map((s, j) => (j === i ? { ...s, workingDays: num(v) } : s)),
                    })
                  }
                />
              ),
            )}
          </SimpleGrid>
        </Card>
        <FormError error={save.error} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('stagnation.settings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The region's thresholds and escalation ladder (process managers and administrators; every change audited). */
export function SettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('stagnation.settings.title'));
  const query = useQuery({ queryKey: ['stagnation-settings'], queryFn: stagnationApi.settings });
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('stagnation.settings.title')}</Title>
        <Text mt={4}>{t('stagnation.settings.intro')}</Text>
      </div>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <SettingsForm key={query.data.version} initial={query.data} />
      )}
    </Stack>
  );
}
