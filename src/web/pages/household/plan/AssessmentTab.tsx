import '@mantine/charts/styles.css';
import { LineChart, RadarChart } from '@mantine/charts';
import {
  Alert,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconLock, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIFE_DOMAINS, type LifeDomain } from '../../../../contracts/plan.js';
import { api, type Household } from '../../../api/endpoints.js';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states.js';
import { formatDateOnly } from '../../../lib/format.js';
import { AssessmentModal } from './AssessmentModal.js';
import { SafetySection } from './SafetySection.js';
import { type Assessment, planApi, planKeys } from './api.js';

const COLORS = ['teal.8', 'indigo.7', 'orange.8', 'grape.7', 'red.8', 'cyan.8', 'lime.9', 'pink.7'];

/** Zelfredzaamheid: the latest scores per member as a radar chart, the trend per domain, and the safety assessment. */
export function AssessmentTab({ household }: { household: Household }) {
  const { t } = useTranslation();
  const members = useQuery({
    queryKey: ['members', household.id],
    queryFn: () => api.members.list(household.id),
  });
  const query = useQuery({
    queryKey: planKeys.assessments(household.id),
    queryFn: () => planApi.assessments(household.id),
  });
  const [adding, setAdding] = useState(false);
  const canWrite = household.can.includes('assessment.write');
  const people = (members.data?.items ?? []).filter((m) => !m.removed);
  const all = query.data?.items ?? [];

  return (
    <Stack gap="xl">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h3">
              {t('plan.assess.title')}
            </Title>
            <Text size="sm" c="dimmed" maw={640}>
              {t('plan.assess.intro')}
            </Text>
          </div>
          {canWrite && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
              {t('plan.assess.add')}
            </Button>
          )}
        </Group>
        {(query.isPending || members.isPending) && <LoadingState label={t('plan.assess.loading')} />}
        {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
        {!household.categories.includes('assessment') && (
          <Alert color="gray" variant="light" icon={<IconLock size={18} aria-hidden />}>
            {t('plan.assess.noConsent')}
          </Alert>
        )}
        {query.isSuccess && members.isSuccess && (
          <>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              {people.map((m, i) => (
                <MemberRadar
                  key={m.id}
                  name={m.name}
                  color={COLORS[i % COLORS.length]!}
                  assessments={all.filter((a) => a.memberId === m.id)}
                />
              ))}
            </SimpleGrid>
            {all.length > 0 ? (
              <Trend assessments={all} names={people.map((m) => ({ id: m.id, name: m.name }))} />
            ) : (
              <EmptyState>{t('plan.assess.empty')}</EmptyState>
            )}
          </>
        )}
      </Stack>
      {household.categories.includes('safety') && (
        <SafetySection
          householdId={household.id}
          members={people}
          canWrite={household.can.includes('safety.manage')}
        />
      )}
      {adding && (
        <AssessmentModal householdId={household.id} members={people} onClose={() => setAdding(false)} />
      )}
    </Stack>
  );
}

function MemberRadar({
  name,
  color,
  assessments,
}: {
  name: string;
  color: string;
  assessments: Assessment[];
}) {
  const { t } = useTranslation();
  const latest = assessments[assessments.length - 1];
  const scores = latest ? LIFE_DOMAINS.flatMap((d) => latest.scores.filter((s) => s.domain === d)) : [];
  const data = scores.map((s) => ({ domain: t(`plan.domain.${s.domain}`), score: s.score }));
  return (
    <Card withBorder padding="md" component="section" aria-label={name}>
      <Stack gap="xs">
        <Title order={3} size="h4">
          {name}
        </Title>
        {!latest && <Text size="sm">{t('plan.assess.noneFor', { name })}</Text>}
        {latest && (
          <>
            <Text size="sm">
              {t('plan.assess.latest', { name, date: formatDateOnly(latest.assessedOn) })}
            </Text>
            {data.length >= 3 && (
              <div role="img" aria-label={t('plan.assess.radarLabel', { name })}>
                <RadarChart
                  h={260}
                  data={data}
                  dataKey="domain"
                  withPolarRadiusAxis
                  polarRadiusAxisProps={{ domain: [0, 5], tickCount: 6, angle: 90 }}
                  series={[{ name: 'score', label: name, color, opacity: 0.35 }]}
                />
              </div>
            )}
            <Table withTableBorder verticalSpacing={4} fz="sm">
              <VisuallyHidden component="caption">{t('plan.assess.tableCaption', { name })}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('plan.assess.domainCol')}</Table.Th>
                  <Table.Th scope="col">{t('plan.assess.scoreCol')}</Table.Th>
                  <Table.Th scope="col">{t('plan.assess.noteCol')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {scores.map((s) => (
                  <Table.Tr key={s.domain}>
                    <Table.Th scope="row" fw={500}>
                      {t(`plan.domain.${s.domain}`)}
                    </Table.Th>
                    <Table.Td>{t(`plan.score.${s.score}`)}</Table.Td>
                    <Table.Td>
                      {[
                        s.note,
                        s.strengths && `${t('plan.assess.strengths')}: ${s.strengths}`,
                        s.reliesOn.map((r) => t(`plan.reliance.${r}`)).join(', '),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Card>
  );
}

function Trend({ assessments, names }: { assessments: Assessment[]; names: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const scored = LIFE_DOMAINS.filter((d) => assessments.some((a) => a.scores.some((s) => s.domain === d)));
  const [domain, setDomain] = useState<LifeDomain>(scored[0] ?? 'finances');
  const points = assessments.filter((a) => a.scores.some((s) => s.domain === domain));
  const dates = [...new Set(points.map((a) => a.assessedOn))].sort();
  const who = names.filter((n) => points.some((a) => a.memberId === n.id));
  const data = dates.map((date) => {
    const row: Record<string, string | number> = { date: formatDateOnly(date) };
    for (const a of points.filter((p) => p.assessedOn === date))
      row[a.memberId] = a.scores.find((s) => s.domain === domain)!.score;
    return row;
  });
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="trend-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="trend-title">
          {t('plan.assess.trend')}
        </Title>
        <Text size="sm">{t('plan.assess.trendIntro')}</Text>
        <Select
          label={t('plan.assess.trendDomain')}
          data={scored.map((d) => ({ value: d, label: t(`plan.domain.${d}`) }))}
          value={domain}
          onChange={(v) => v && setDomain(v)}
          allowDeselect={false}
          maw={360}
        />
        {data.length === 0 ? (
          <Text size="sm">{t('plan.assess.trendEmpty')}</Text>
        ) : (
          <>
            <div
              role="img"
              aria-label={t('plan.assess.trendChartLabel', { domain: t(`plan.domain.${domain}`) })}
            >
              <LineChart
                h={240}
                data={data}
                dataKey="date"
                yAxisProps={{ domain: [1, 5], allowDecimals: false }}
                connectNulls
                withLegend
                series={who.map((n, i) => ({
                  name: n.id,
                  label: n.name,
                  color: COLORS[names.indexOf(n) % COLORS.length] ?? COLORS[i]!,
                }))}
              />
            </div>
            <Text size="xs" c="dimmed">
              {t('plan.assess.scaleHelp')}
            </Text>
            <Table withTableBorder verticalSpacing={4} fz="sm">
              <VisuallyHidden component="caption">
                {t('plan.assess.trendChartLabel', { domain: t(`plan.domain.${domain}`) })}
              </VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('plan.assess.dateCol')}</Table.Th>
                  {who.map((n) => (
                    <Table.Th scope="col" key={n.id}>
                      {n.name}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.map((row) => (
                  <Table.Tr key={String(row.date)}>
                    <Table.Th scope="row" fw={500}>
                      {row.date}
                    </Table.Th>
                    {who.map((n) => (
                      <Table.Td key={n.id}>{row[n.id] ?? '—'}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Card>
  );
}
