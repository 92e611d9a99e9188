import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { signalsApi } from '../../api/signals.js';
import { EmptyState, ErrorState, LoadingState, usePageTitle } from '../../components/states.js';
import { formatDateTime } from '../../lib/format.js';
import { EmailPreferences } from './EmailPreferences.js';

/** The inbox behind the bell: what happened, with a link; never case content. */
export function NotificationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('signals.notifications.title'));
  const client = useQueryClient();
  const query = useQuery({ queryKey: ['notifications'], queryFn: signalsApi.notifications });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['notifications'] });
    void client.invalidateQueries({ queryKey: ['notifications-unread'] });
  };
  const readOne = useMutation({ mutationFn: signalsApi.markRead, onSuccess: refresh });
  const readAll = useMutation({ mutationFn: signalsApi.markAllRead, onSuccess: refresh });
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Stack gap="lg" maw={760}>
      <Group justify="space-between">
        <Title order={1}>{t('signals.notifications.title')}</Title>
        {query.data.unread > 0 && (
          <Button variant="default" onClick={() => readAll.mutate()} loading={readAll.isPending}>
            {t('signals.notifications.markAll')}
          </Button>
        )}
      </Group>
      {query.data.items.length === 0 ? (
        <EmptyState>{t('signals.notifications.empty')}</EmptyState>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {query.data.items.map((n) => (
            <Paper key={n.id} component="li" withBorder p="sm" radius="md">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div>
                  <Group gap="xs">
                    {!n.read && (
                      <Badge variant="filled" size="sm" color="schakel.8">
                        {t('signals.notifications.unread')}
                      </Badge>
                    )}
                    <Text fw={n.read ? 400 : 600}>
                      {t(`signals.notifications.kinds.${n.kind}`, n.params)}
                    </Text>
                  </Group>
                  <Text size="xs" mt={2}>
                    {formatDateTime(n.createdAt)}
                  </Text>
                </div>
                <Anchor component={Link} to={n.link} onClick={() => !n.read && readOne.mutate(n.id)}>
                  {t('signals.notifications.open')}
                </Anchor>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      <EmailPreferences />
    </Stack>
  );
}
