import { Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { stagnationApi } from '../../api/stagnation.js';
import { EmptyState, ErrorState, LoadingState, usePageTitle } from '../../components/states.js';

/** The process manager's regional board: open escalations by step and age; delivery per partner organisation. */
export function BoardPage() {
  const { t } = useTranslation();
  usePageTitle(t('stagnation.board.title'));
  const query = useQuery({ queryKey: ['stagnation-board'], queryFn: stagnationApi.board });
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const b = query.data;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('stagnation.board.title')}</Title>
        <Text mt={4}>{t('stagnation.board.intro')}</Text>
      </div>
      <section aria-labelledby="board-levels">
        <Title order={2} size="h3" id="board-levels" mb="sm">
          {t('stagnation.board.byLevel')}
        </Title>
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('stagnation.board.level')}</Table.Th>
                <Table.Th scope="col">{t('stagnation.board.count')}</Table.Th>
                <Table.Th scope="col">{t('stagnation.board.underWeek')}</Table.Th>
                <Table.Th scope="col">{t('stagnation.board.weeks1to4')}</Table.Th>
                <Table.Th scope="col">{t('stagnation.board.over4Weeks')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {b.openByLevel.map((l) => (
                <Table.Tr key={l.levelKey}>
                  <Table.Th scope="row">{t(`stagnation.level.${l.levelKey}`)}</Table.Th>
                  <Table.Td>{l.count}</Table.Td>
                  <Table.Td>{l.ageBuckets.underWeek}</Table.Td>
                  <Table.Td>{l.ageBuckets.weeks1to4}</Table.Td>
                  <Table.Td>{l.ageBuckets.over4Weeks}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>
      <section aria-labelledby="board-orgs">
        <Title order={2} size="h3" id="board-orgs" mb="sm">
          {t('stagnation.board.organisations')}
        </Title>
        {b.organisations.length === 0 ? (
          <EmptyState>{t('stagnation.board.noneYet')}</EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('stagnation.board.organisation')}</Table.Th>
                  <Table.Th scope="col">{t('stagnation.board.caused')}</Table.Th>
                  <Table.Th scope="col">{t('stagnation.board.open')}</Table.Th>
                  <Table.Th scope="col">{t('stagnation.board.median')}</Table.Th>
                  {b.openByLevel.map((l, i) => (
                    <Table.Th scope="col" key={l.levelKey}>
                      {t('stagnation.board.reached', { n: i + 1 })}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {b.organisations.map((o) => (
                  <Table.Tr key={o.organisation.id}>
                    <Table.Th scope="row">{o.organisation.name}</Table.Th>
                    <Table.Td>{o.caused}</Table.Td>
                    <Table.Td>{o.open}</Table.Td>
                    <Table.Td>{o.medianDaysToResolve ?? '—'}</Table.Td>
                    {o.reachedLevel.map((n, i) => (
                      <Table.Td key={i}>{n}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>
    </Stack>
  );
}
