import { Alert, Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertOctagon } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type HouseholdAccessLog, emergencyApi } from '../../api/emergency.js';
import type { Household } from '../../api/endpoints.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { formatDateOnly } from '../../lib/format.js';
import { TONE } from '../../theme.js';
import { formatLongDate, formatTime } from './format.js';
import { type Period, PeriodFilter } from './PeriodFilter.js';

type Group = HouseholdAccessLog['items'][number];

/** One line of the overview as a sentence a household understands. */
export function useAccessSentence() {
  const { t } = useTranslation();
  return (g: Group) => {
    const role = t(`emergency.accessLog.role.${g.role ?? 'unknown'}`, {
      defaultValue: t('emergency.accessLog.role.unknown'),
    });
    const who = t('emergency.accessLog.who', {
      organisation: g.organisation?.name ?? t('emergency.accessLog.unknownOrganisation'),
      role,
    });
    const verb =
      g.reads > 0 && g.changes > 0
        ? t('emergency.accessLog.verb.both')
        : g.changes > 0
          ? t('emergency.accessLog.verb.change')
          : t('emergency.accessLog.verb.read');
    return t('emergency.accessLog.sentence', {
      who,
      verb,
      what: t(`emergency.accessLog.category.${g.category}`),
      basis: t(`emergency.accessLog.basis.${g.basis}`),
    });
  };
}

/** The emergency label, the case's legal grounds and (privacy officer only) the people behind a line. */
function GroupDetails({ g }: { g: Group }) {
  const { t } = useTranslation();
  return (
    <>
      {g.emergency && (
        <Badge color={TONE.danger} mt={4}>
          {t('emergency.accessLog.emergencyBadge')}
        </Badge>
      )}
      {g.grounds.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('emergency.accessLog.grounds', {
            grounds: g.grounds
              .map((x) => t(`privacy.basis.ground.${x}`, { defaultValue: x.replace(/_/g, ' ') }))
              .join(', '),
          })}
        </Text>
      )}
      {g.people && g.people.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('emergency.accessLog.people', {
            names: g.people.map((p) => p.name).join(', '),
          })}
        </Text>
      )}
    </>
  );
}

const timesOf = (g: Group) =>
  g.firstAt === g.lastAt ? formatTime(g.firstAt) : `${formatTime(g.firstAt)}–${formatTime(g.lastAt)}`;

/**
 * "Wie keek mee" (NEN 7513 client view): which organisations and roles looked at or changed which data, when, on
 * what basis, and whether emergency access was used. For the coordinator to go through with the household; the
 * privacy officer sees the same with the people behind each line.
 */
export function AccessLogTab({ household }: { household: Household }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<Period>({});
  const sentence = useAccessSentence();
  const query = useQuery({
    queryKey: ['access-log', household.id, period],
    queryFn: () => emergencyApi.householdLog(household.id, period),
    placeholderData: keepPreviousData,
  });
  const emergencies = query.data?.items.filter((g) => g.emergency).length ?? 0;
  // On a phone a table of sentences does not fit: one block per line instead.
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  return (
    <Stack gap="md">
      <div>
        <Title order={2} size="h3">
          {t('emergency.accessLog.title')}
        </Title>
        <Text>{t('emergency.accessLog.intro')}</Text>
        {household.relation === 'coordinator' && (
          <Text size="sm" c="dimmed" mt={4}>
            {t('emergency.accessLog.coordinatorHint')}
          </Text>
        )}
      </div>
      <Paper withBorder p="md">
        <PeriodFilter idPrefix="access-log" onChange={setPeriod} />
      </Paper>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <Text fw={600} role="status" aria-live="polite">
            {t('emergency.period.summary', {
              from: formatDateOnly(query.data.from),
              to: formatDateOnly(query.data.to),
            })}
          </Text>
          {emergencies > 0 && (
            <Alert color={TONE.danger} variant="light" icon={<IconAlertOctagon aria-hidden />}>
              {t('emergency.accessLog.emergencyUsed')}
            </Alert>
          )}
          {query.data.items.length === 0 ? (
            <EmptyState>{t('emergency.accessLog.empty')}</EmptyState>
          ) : isPhone ? (
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {query.data.items.map((g, i) => (
                <Paper component="li" withBorder p="sm" key={`${g.day}-${i}`}>
                  <Text size="sm" fw={700}>
                    <time dateTime={g.day}>{formatLongDate(g.day)}</time>, {timesOf(g)} ·{' '}
                    {t('emergency.accessLog.timesCount', { count: g.reads + g.changes })}
                  </Text>
                  <Text>{sentence(g)}</Text>
                  <GroupDetails g={g} />
                </Paper>
              ))}
            </Stack>
          ) : (
            <Table.ScrollContainer
              type="native"
              tabIndex={0}
              role="region"
              aria-label={t('common.scrollTable')}
              minWidth={640}
            >
              <Table striped withTableBorder verticalSpacing="sm" bg="white">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('emergency.accessLog.col.day')}</Table.Th>
                    <Table.Th scope="col">{t('emergency.accessLog.col.what')}</Table.Th>
                    <Table.Th scope="col">{t('emergency.accessLog.col.times')}</Table.Th>
                    <Table.Th scope="col">{t('emergency.accessLog.col.count')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {query.data.items.map((g, i) => (
                    <Table.Tr key={`${g.day}-${i}`}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <time dateTime={g.day}>{formatLongDate(g.day)}</time>
                      </Table.Td>
                      <Table.Td>
                        <Text>{sentence(g)}</Text>
                        <GroupDetails g={g} />
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{timesOf(g)}</Table.Td>
                      <Table.Td>{g.reads + g.changes}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
    </Stack>
  );
}
