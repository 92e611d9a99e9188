import { Anchor, Badge, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { signalsApi } from '../../api/signals.js';
import { EmptyState, ErrorState, LoadingState, usePageTitle } from '../../components/states.js';
import { formatDateTime } from '../../lib/format.js';

/** The process manager's triage queue: deadlines first, overdue flagged. */
export function TriageQueuePage() {
  const { t } = useTranslation();
  usePageTitle(t('signals.triage.title'));
  const [state, setState] = useState<'open' | 'decided'>('open');
  const query = useQuery({ queryKey: ['triage', state], queryFn: () => signalsApi.queue(state) });
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('signals.triage.title')}</Title>
        <Text mt={4}>{t('signals.triage.intro')}</Text>
      </div>
      <Tabs value={state} onChange={(v) => setState(v === 'decided' ? 'decided' : 'open')}>
        <Tabs.List aria-label={t('signals.triage.title')}>
          <Tabs.Tab value="open">{t('signals.triage.open')}</Tabs.Tab>
          <Tabs.Tab value="decided">{t('signals.triage.decided')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState>
          {state === 'open' ? t('signals.triage.empty') : t('signals.triage.emptyDecided')}
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('signals.triage.subject')}</Table.Th>
                <Table.Th scope="col">{t('signals.triage.code')}</Table.Th>
                <Table.Th scope="col">{t('signals.triage.received')}</Table.Th>
                <Table.Th scope="col">{t('signals.triage.due')}</Table.Th>
                <Table.Th scope="col">{t('signals.triage.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/triage/${s.id}`} fw={600}>
                      {s.subjectName}
                    </Anchor>
                    <Text size="xs">{t(`signals.source.${s.source}`)}</Text>
                  </Table.Td>
                  <Table.Td>{s.referenceCode}</Table.Td>
                  <Table.Td>{formatDateTime(s.receivedAt)}</Table.Td>
                  <Table.Td>
                    <Stack gap={2} align="flex-start">
                      <Text size="sm">{formatDateTime(s.dueAt)}</Text>
                      <Badge variant="filled" color={s.urgency === 'urgent' ? '#9c3d00' : 'gray.8'} size="sm">
                        {t(`signals.urgency.${s.urgency}`)}
                      </Badge>
                      {s.overdue && (
                        <Badge variant="filled" color="red.9" size="sm">
                          {t('signals.triage.overdue')}
                        </Badge>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    {s.outcome ? t(`signals.outcome.${s.outcome}`) : t(`signals.signalStatus.${s.status}`)}
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
