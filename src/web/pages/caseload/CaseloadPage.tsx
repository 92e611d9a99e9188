import { Anchor, Badge, List, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { signalsApi } from '../../api/signals.js';
import { useSession } from '../../auth/session.js';
import { EmptyState, ErrorState, LoadingState, usePageTitle } from '../../components/states.js';

/** Caseloads against the norm: everyone's for the process manager, one's own for a coordinator. */
export function CaseloadPage() {
  const { t } = useTranslation();
  usePageTitle(t('signals.caseloads.title'));
  const { can } = useSession();
  const manager = can('coordinator.assign');
  const query = useQuery({ queryKey: ['caseloads'], queryFn: signalsApi.caseloads });
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const b = query.data;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('signals.caseloads.title')}</Title>
        <Text mt={4}>{t('signals.caseloads.intro', { norm: b.normPerFte })}</Text>
      </div>
      <Table.ScrollContainer minWidth={560}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('signals.caseloads.coordinator')}</Table.Th>
              <Table.Th scope="col">{t('signals.caseloads.load')}</Table.Th>
              <Table.Th scope="col">{t('signals.caseloads.list')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {b.rows.map((r) => (
              <Table.Tr key={r.user.id}>
                <Table.Td>
                  <Text fw={600}>{r.user.name}</Text>
                  <Text size="xs">
                    {r.organisation} · {t('signals.caseloads.fte', { fte: r.fte })}
                  </Text>
                </Table.Td>
                <Table.Td miw={180}>
                  <Text size="sm">
                    {t('signals.assignment.caseload', { count: r.caseload, capacity: r.capacity })}
                  </Text>
                  <Progress
                    value={Math.min(100, r.capacity ? (r.caseload / r.capacity) * 100 : 100)}
                    color={r.overNorm ? 'red.8' : 'schakel.7'}
                    aria-label={t('signals.assignment.caseload', { count: r.caseload, capacity: r.capacity })}
                    mt={4}
                  />
                  <Badge variant="filled" mt={6} size="sm" color={r.overNorm ? 'red.9' : '#1e6b30'}>
                    {r.overNorm ? t('signals.caseloads.overNorm') : t('signals.caseloads.withinNorm')}
                  </Badge>
                  {r.overNormAssignments.map((o) => (
                    <Text key={o.household.id} size="xs" mt={4}>
                      {t('signals.caseloads.overNormAssignments')}: {o.household.name} — {o.reason}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>
                  <List size="sm" spacing={2}>
                    {r.households.map((h) => (
                      <List.Item key={h.id}>
                        {manager ? (
                          <Anchor component={Link} to={`/assignment/${h.id}`}>
                            {h.name}
                          </Anchor>
                        ) : (
                          <Anchor component={Link} to={`/households/${h.id}`}>
                            {h.name}
                          </Anchor>
                        )}
                      </List.Item>
                    ))}
                  </List>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {manager && (
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4">
            {t('signals.caseloads.unassigned')}
          </Title>
          {b.unassigned.length === 0 ? (
            <EmptyState>{t('signals.caseloads.noUnassigned')}</EmptyState>
          ) : (
            <List mt="xs">
              {b.unassigned.map((h) => (
                <List.Item key={h.id}>
                  <Anchor component={Link} to={`/assignment/${h.id}`}>
                    {h.name}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          )}
        </Paper>
      )}
    </Stack>
  );
}
