import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { stagnationApi } from '../../api/stagnation.js';
import { EmptyState, ErrorState, LoadingState, usePageTitle } from '../../components/states.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { explain } from './labels.js';

/** The coordinator's worklist: open stagnations across their households, most urgent first. */
export function WorklistPage() {
  const { t } = useTranslation();
  usePageTitle(t('stagnation.worklist.title'));
  const query = useQuery({
    queryKey: ['stagnations'],
    queryFn: stagnationApi.worklist,
    refetchInterval: 10_000,
  });
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('stagnation.worklist.title')}</Title>
        <Text mt={4}>{t('stagnation.worklist.intro')}</Text>
      </div>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState>{t('stagnation.worklist.empty')}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('stagnation.worklist.what')}</Table.Th>
                <Table.Th scope="col">{t('stagnation.worklist.household')}</Table.Th>
                <Table.Th scope="col">{t('stagnation.worklist.who')}</Table.Th>
                <Table.Th scope="col">{t('stagnation.worklist.since')}</Table.Th>
                <Table.Th scope="col">{t('stagnation.worklist.deadline')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/stagnations/${s.id}`} fw={600}>
                      {t(`stagnation.kind.${s.kind}`)}
                    </Anchor>
                    <Text size="sm">{explain(s, t)}</Text>
                    <Badge mt={4} size="sm" variant="filled" color={s.status === 'open' ? 'red.9' : 'gray.8'}>
                      {t(`stagnation.status.${s.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/households/${s.household.id}`}>
                      {s.household.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{s.member?.name ?? '—'}</Text>
                    <Text size="sm">{s.organisation?.name ?? '—'}</Text>
                  </Table.Td>
                  <Table.Td>{formatDate(s.since)}</Table.Td>
                  <Table.Td>
                    <Stack gap={2} align="flex-start">
                      <Text size="sm">
                        {s.nextDeadline
                          ? formatDateTime(s.nextDeadline)
                          : t('stagnation.worklist.noDeadline')}
                      </Text>
                      <Text size="xs">{t(`stagnation.level.${s.levelKey}`)}</Text>
                      {s.overdue && (
                        <Badge variant="filled" color="red.9" size="sm">
                          {t('stagnation.worklist.overdue')}
                        </Badge>
                      )}
                    </Stack>
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
