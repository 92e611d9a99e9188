import { Anchor, Badge, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { emergencyApi } from '../../api/emergency.js';
import { EmptyState, ErrorState, LoadingState, usePageTitle } from '../../components/states.js';
import { formatDateOnly, formatDateTime } from '../../lib/format.js';
import { TONE } from '../../theme.js';
import { type Period, PeriodFilter } from './PeriodFilter.js';

function EmployeeLog({ userId, period }: { userId: string; period: Period }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['employee-access', userId, period],
    queryFn: () => emergencyApi.employeeLog(userId, period),
    placeholderData: keepPreviousData,
  });
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { items, from, to } = query.data;
  return (
    <Stack gap="sm">
      <Text fw={600} role="status" aria-live="polite">
        {t('emergency.period.summary', { from: formatDateOnly(from), to: formatDateOnly(to) })}
      </Text>
      {items.length === 0 ? (
        <EmptyState>{t('emergency.employees.empty')}</EmptyState>
      ) : (
        <Table.ScrollContainer
          type="native"
          tabIndex={0}
          role="region"
          aria-label={t('common.scrollTable')}
          minWidth={800}
        >
          <Table striped withTableBorder verticalSpacing="xs" fz="sm" bg="white">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('emergency.employees.col.household')}</Table.Th>
                <Table.Th scope="col">{t('emergency.employees.col.role')}</Table.Th>
                <Table.Th scope="col">{t('emergency.employees.col.basis')}</Table.Th>
                <Table.Th scope="col">{t('emergency.employees.col.consent')}</Table.Th>
                <Table.Th scope="col">{t('emergency.employees.col.counts')}</Table.Th>
                <Table.Th scope="col">{t('emergency.employees.col.period')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i, n) => (
                <Table.Tr key={`${i.household.id}-${n}`}>
                  <Table.Td>
                    {i.household.name ? (
                      <Anchor component={Link} to={`/households/${i.household.id}/accessLog`}>
                        {i.household.name}
                      </Anchor>
                    ) : (
                      t('emergency.employees.hiddenHousehold')
                    )}
                  </Table.Td>
                  <Table.Td>{i.role ? t(`role.${i.role}`, { defaultValue: i.role }) : ''}</Table.Td>
                  <Table.Td>
                    {t(`emergency.accessLog.basis.${i.basis}`)}
                    {i.emergency && (
                      <Badge color={TONE.danger} ml={4} size="sm">
                        {t('emergency.accessLog.emergencyBadge')}
                      </Badge>
                    )}
                    <Text size="xs" c="dimmed">
                      {i.basisRecorded}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {i.consent
                      ? t('emergency.employees.consentCount', { count: i.consent.split(',').length })
                      : t('emergency.employees.consentNone')}
                  </Table.Td>
                  <Table.Td>
                    {i.reads} / {i.changes}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(i.firstAt)}
                    <br />
                    {formatDateTime(i.lastAt)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** The privacy officer's access log per employee: pick a person and a period. */
export function EmployeeAccessPage() {
  const { t } = useTranslation();
  usePageTitle(t('emergency.employees.title'));
  const [userId, setUserId] = useState<string | null>(null);
  const [period, setPeriod] = useState<Period>({});
  const employees = useQuery({ queryKey: ['privacy-employees'], queryFn: emergencyApi.employees });
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('emergency.employees.title')}</Title>
        <Text>{t('emergency.employees.intro')}</Text>
      </div>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Select
            label={t('emergency.employees.employee')}
            placeholder={t('emergency.employees.pick')}
            searchable
            nothingFoundMessage={t('audit.filter.nothingFound')}
            data={(employees.data?.items ?? []).map((e) => ({
              value: e.id,
              label: `${e.name} (${e.organisation.name})${e.active ? '' : ` — ${t('emergency.employees.inactive')}`}`,
            }))}
            value={userId}
            onChange={setUserId}
            maw={480}
          />
          <PeriodFilter idPrefix="employee" onChange={setPeriod} />
        </Stack>
      </Paper>
      {employees.isError && <ErrorState error={employees.error} onRetry={() => void employees.refetch()} />}
      {userId && <EmployeeLog userId={userId} period={period} />}
    </Stack>
  );
}
