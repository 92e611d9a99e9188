import { Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { stagnationApi } from '../../api/stagnation.js';
import { EmptyState, ErrorState, FormError, LoadingState, usePageTitle } from '../../components/states.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { notifySuccess } from '../../lib/notify.js';

/** Escalations addressed to me: the briefing (no names) and the request to acknowledge. */
export function EscalationsPage() {
  const { t } = useTranslation();
  const { stepId } = useParams();
  usePageTitle(t('stagnation.escalations.title'));
  const qc = useQueryClient();
  const query = useQuery({ queryKey: ['escalations'], queryFn: stagnationApi.escalations });
  const ack = useMutation({
    mutationFn: (id: string) => stagnationApi.acknowledgeEscalation(id),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['escalations'] });
      notifySuccess(t('stagnation.escalations.done'));
    },
  });
  const items = [...(query.data?.items ?? [])].sort((a, b) =>
    a.id === stepId ? -1 : b.id === stepId ? 1 : 0,
  );
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('stagnation.escalations.title')}</Title>
        <Text mt={4}>{t('stagnation.escalations.intro')}</Text>
      </div>
      <FormError error={ack.error} />
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>{t('stagnation.escalations.empty')}</EmptyState>
      ) : (
        items.map((b) => (
          <Card
            key={b.id}
            withBorder
            component="article"
            aria-labelledby={`esc-${b.id}`}
            bg={b.id === stepId ? 'gray.0' : undefined}
          >
            <Stack gap="xs">
              <Group justify="space-between" align="flex-start">
                <Title order={2} size="h4" id={`esc-${b.id}`}>
                  {t(`stagnation.kind.${b.kind}`)}
                  {b.organisation ? ` — ${b.organisation}` : ''}
                </Title>
                <Badge variant="filled" color="gray.8">
                  {t(`stagnation.level.${b.levelKey}`)}
                </Badge>
              </Group>
              <Text size="sm">
                {t('stagnation.worklist.since')} {formatDate(b.since)}
              </Text>
              <Text size="sm">
                <strong>{t('stagnation.escalations.agreed')}:</strong> {b.agreed}
              </Text>
              <Text size="sm">
                <strong>{t('stagnation.escalations.notDelivered')}:</strong> {b.notDelivered}
              </Text>
              <Text size="sm" fw={700}>
                {t('stagnation.escalations.tried')}:
              </Text>
              {b.tried.length === 0 ? (
                <Text size="sm">{t('stagnation.escalations.nothingTried')}</Text>
              ) : (
                <List size="sm">
                  {b.tried.map((x, i) => (
                    <List.Item key={i}>{x}</List.Item>
                  ))}
                </List>
              )}
              {b.resolved ? (
                <Text size="sm">{t('stagnation.escalations.ended')}</Text>
              ) : b.acknowledgedAt ? (
                <Text size="sm">
                  {t('stagnation.escalations.acknowledged', { date: formatDateTime(b.acknowledgedAt) })}
                </Text>
              ) : (
                <Group gap="sm">
                  <Button onClick={() => ack.mutate(b.id)} loading={ack.isPending && ack.variables === b.id}>
                    {t('stagnation.escalations.acknowledge')}
                  </Button>
                  {b.deadline && (
                    <Text size="sm">
                      {t('stagnation.escalations.deadline', { date: formatDateTime(b.deadline) })}
                    </Text>
                  )}
                </Group>
              )}
            </Stack>
          </Card>
        ))
      )}
    </Stack>
  );
}
