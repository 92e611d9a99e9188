import { Alert, Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { IconFileTypePdf, IconLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Household } from '../../../api/endpoints.js';
import { ErrorState, LoadingState } from '../../../components/states.js';
import { EvaluationsSection } from './EvaluationsSection.js';
import { GoalsSection } from './GoalsSection.js';
import { HelpQuestionsSection } from './HelpQuestionsSection.js';
import { VersionsSection } from './VersionsSection.js';
import { planApi, planKeys } from './api.js';
import { TONE } from '../../../theme.js';

/** The household's one plan: help questions, goals with their actions, evaluations, versions and agreement. */
export function PlanTab({ household }: { household: Household }) {
  const { t } = useTranslation();
  const h = household.id;
  const plan = useQuery({ queryKey: planKeys.plan(h), queryFn: () => planApi.get(h) });
  const members = useQuery({ queryKey: ['members', h], queryFn: () => api.members.list(h) });
  const contacts = useQuery({ queryKey: ['contacts', h], queryFn: () => api.contacts.list(h) });
  const involvements = useQuery({ queryKey: ['involvements', h], queryFn: () => api.involvements.list(h) });

  if (plan.isPending || members.isPending || contacts.isPending || involvements.isPending)
    return <LoadingState label={t('plan.plan.loading')} />;
  const failed = [plan, members, contacts, involvements].find((q) => q.isError);
  if (failed || !plan.data || !members.data || !contacts.data || !involvements.data) {
    return <ErrorState error={failed?.error} onRetry={() => void plan.refetch()} />;
  }
  const p = plan.data;
  const people = {
    members: members.data.items,
    contacts: contacts.data.items,
    involvements: involvements.data.items,
  };
  const canWrite = household.can.includes('plan.write') && !p.closed;

  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} size="h3">
            {t('plan.plan.title')}
          </Title>
          <Text size="sm" c="dimmed" maw={640}>
            {t('plan.plan.intro')}
          </Text>
          <Group gap="xs" mt="xs">
            {p.currentVersion > 0 && (
              <Badge color={TONE.neutral}>{t('plan.plan.version', { n: p.currentVersion })}</Badge>
            )}
            <Badge color={p.agreedVersion ? TONE.success : TONE.warning}>
              {p.agreedVersion
                ? t('plan.plan.agreedVersion', { n: p.agreedVersion })
                : t('plan.plan.noAgreedVersion')}
            </Badge>
          </Group>
          {p.agreedVersion !== null && p.agreedVersion < p.currentVersion && (
            <Text size="sm" mt={4}>
              {t('plan.plan.changedSinceAgreed')}
            </Text>
          )}
        </div>
        <Stack gap={4} align="flex-end">
          <Anchor href={planApi.pdfUrl(h, 'nl')} download>
            <Group gap={4} component="span">
              <IconFileTypePdf size={18} aria-hidden />
              {t('plan.plan.pdf')}
            </Group>
          </Anchor>
          <Anchor href={planApi.pdfUrl(h, 'en')} download size="sm">
            {t('plan.plan.pdfEn')}
          </Anchor>
        </Stack>
      </Group>
      {p.closed && (
        <Alert color="gray" variant="light" icon={<IconLock aria-hidden />}>
          {t('plan.plan.closed')}
        </Alert>
      )}
      <HelpQuestionsSection householdId={h} plan={p} members={people.members} canWrite={canWrite} />
      <GoalsSection
        householdId={h}
        plan={p}
        people={people}
        canWrite={canWrite}
        canReport={household.can.includes('action.report') && !p.closed}
      />
      <EvaluationsSection householdId={h} plan={p} people={people} canWrite={canWrite} />
      <VersionsSection household={household} plan={p} />
    </Stack>
  );
}
