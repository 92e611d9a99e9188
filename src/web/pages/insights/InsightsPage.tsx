import { Button, Card, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cell } from '../../../contracts/insights.js';
import { DEFAULT_LADDER } from '../../../domain/stagnation/settings.js';
import { isApiError } from '../../api/client.js';
import { insightsApi } from '../../api/insights.js';
import { EmptyState, ErrorState, LoadingState, usePageTitle } from '../../components/states.js';
import { formatDateOnly } from '../../lib/format.js';

const MAX_DAYS = 731;

/** What is wrong with a chosen period, as a translation key (the server checks the same). */
function periodProblem(from: string, to: string): 'backwards' | 'tooLong' | null {
  if (!from || !to) return null;
  if (from > to) return 'backwards';
  return (Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_DAYS ? 'tooLong' : null;
}

function useCellText() {
  const { t } = useTranslation();
  return (c: Cell) => (c.suppressed ? t('insights.suppressed') : String(c.value ?? 0));
}

function Figure({ label, value }: { label: string; value: Cell }) {
  const text = useCellText();
  return (
    <Card withBorder padding="md">
      <Text size="sm">{label}</Text>
      <Text size="xl" fw={700}>
        {text(value)}
      </Text>
    </Card>
  );
}

function CountTable({
  id,
  title,
  head,
  rows,
}: {
  id: string;
  title: string;
  head: string;
  rows: { key: string; label: string; count: Cell }[];
}) {
  const { t } = useTranslation();
  const text = useCellText();
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {rows.length === 0 ? (
        <EmptyState>{t('insights.none')}</EmptyState>
      ) : (
        <Table striped maw={560}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{head}</Table.Th>
              <Table.Th scope="col">{t('insights.count')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Th scope="row" fw={400}>
                  {r.label}
                </Table.Th>
                <Table.Td>{text(r.count)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}

/** Aggregated, anonymised figures of the region: all a policy viewer sees of the households (issue 5). */
export function InsightsPage() {
  const { t } = useTranslation();
  usePageTitle(t('insights.title'));
  const [period, setPeriod] = useState<{ from?: string; to?: string }>({});
  const [draft, setDraft] = useState({ from: '', to: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const query = useQuery({ queryKey: ['insights', period], queryFn: () => insightsApi.get(period) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const issue = periodProblem(draft.from, draft.to);
    setProblem(issue ? t(`insights.${issue}`) : null);
    if (!issue) setPeriod({ from: draft.from || undefined, to: draft.to || undefined });
  };
  // The server checks the period too; its message is shown only if the check above missed something.
  const serverError = isApiError(query.error) ? query.error.fields?.[0]?.message : undefined;

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('insights.title')}</Title>
        <Text mt={4} maw={720}>
          {t('insights.intro')}
        </Text>
      </div>
      <form onSubmit={submit} aria-label={t('insights.periodLabel')}>
        <Group align="flex-end">
          <TextInput
            type="date"
            label={t('insights.from')}
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
            error={problem ?? serverError}
          />
          <TextInput
            type="date"
            label={t('insights.to')}
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
          />
          <Button type="submit">{t('insights.show')}</Button>
        </Group>
      </form>
      {query.isPending && <LoadingState />}
      {query.isError && !serverError && (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      )}
      {query.data && (
        <>
          <Text>
            {t('insights.periodShown', {
              region: query.data.region,
              from: formatDateOnly(query.data.from),
              to: formatDateOnly(query.data.to),
            })}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
            <Figure label={t('insights.households')} value={query.data.households.total} />
            <Figure label={t('insights.registered')} value={query.data.households.registered} />
            <Figure label={t('insights.stagnationsOpened')} value={query.data.stagnations.opened} />
            <Figure label={t('insights.stagnationsOpen')} value={query.data.stagnations.openNow} />
            <Figure label={t('insights.stagnationsResolved')} value={query.data.stagnations.resolved} />
            <Figure label={t('insights.referralsSent')} value={query.data.referrals.sent} />
          </SimpleGrid>
          <Stack gap={4}>
            <Text>
              {query.data.stagnations.medianDaysToResolve === null
                ? t('insights.medianResolveNone')
                : t('insights.medianResolve', {
                    days: t('insights.days', { count: query.data.stagnations.medianDaysToResolve }),
                  })}
            </Text>
            <Text>
              {query.data.referrals.medianDaysToStart === null
                ? t('insights.medianStartNone')
                : t('insights.medianStart', {
                    days: t('insights.days', { count: query.data.referrals.medianDaysToStart }),
                  })}
            </Text>
          </Stack>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
            <CountTable
              id="insights-pyramid"
              title={t('insights.byPyramid')}
              head={t('insights.pyramidCategory')}
              rows={query.data.households.byPyramid.map((r) => ({
                key: String(r.category),
                label: r.category === null ? t('pyramid.none') : t(`pyramid.short.${r.category}`),
                count: r.count,
              }))}
            />
            <CountTable
              id="insights-kind"
              title={t('insights.byKind')}
              head={t('insights.kind')}
              rows={query.data.stagnations.byKind.map((r) => ({
                key: r.kind,
                label: t(`stagnation.kind.${r.kind}`),
                count: r.count,
              }))}
            />
            <CountTable
              id="insights-level"
              title={t('insights.byLevel')}
              head={t('insights.level')}
              rows={query.data.stagnations.byLevel.map((r) => ({
                key: String(r.level),
                label: t(`stagnation.levelShort.${DEFAULT_LADDER[r.level]?.level ?? 'alderman'}`),
                count: r.count,
              }))}
            />
            <CountTable
              id="insights-referrals"
              title={t('insights.byStatus')}
              head={t('insights.status')}
              rows={query.data.referrals.byStatus.map((r) => ({
                key: r.status,
                label: t(`chain.status.${r.status}`),
                count: r.count,
              }))}
            />
          </SimpleGrid>
          <Text size="sm">{t('insights.privacy', { k: query.data.smallCell })}</Text>
        </>
      )}
    </Stack>
  );
}
