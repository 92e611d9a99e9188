import { Button, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EMAIL_CHOICES, type NotificationEmailChoice } from '../../../contracts/notifications.js';
import { isApiError } from '../../api/client.js';
import { signalsApi } from '../../api/signals.js';
import { ErrorState, FormError, LoadingState } from '../../components/states.js';

/** Your own choice: notifications in the app only, also by e-mail at once, or one e-mail a day. */
export function EmailPreferences() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['notification-preferences'],
    queryFn: signalsApi.notificationPreferences,
  });
  const [choice, setChoice] = useState<NotificationEmailChoice | null>(null);
  useEffect(() => {
    if (query.data) setChoice(query.data.email);
  }, [query.data]);
  const save = useMutation({
    mutationFn: (email: NotificationEmailChoice) =>
      signalsApi.saveNotificationPreferences(query.data?.version ?? 0, email),
    onSuccess: (saved) => {
      client.setQueryData(['notification-preferences'], saved);
      notifications.show({ color: 'green', message: t('signals.notifications.email.saved') });
    },
    onError: (error) => {
      // Changed in another tab: show the stored choice; the user can save again.
      if (isApiError(error) && error.code === 'STALE_VERSION')
        void client.invalidateQueries({ queryKey: ['notification-preferences'] });
    },
  });
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="email-preferences-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="email-preferences-title">
          {t('signals.notifications.email.title')}
        </Title>
        <Text size="sm">{t('signals.notifications.email.intro')}</Text>
        {query.isPending ? (
          <LoadingState />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (choice) save.mutate(choice);
            }}
          >
            <Stack gap="sm">
              <Radio.Group
                label={t('signals.notifications.email.label')}
                value={choice ?? query.data.email}
                onChange={(v) => setChoice(v)}
              >
                <Stack gap="xs" mt="xs">
                  {EMAIL_CHOICES.map((c) => (
                    <Radio
                      key={c}
                      id={`email-choice-${c}`}
                      value={c}
                      label={t(`signals.notifications.email.${c}`)}
                    />
                  ))}
                </Stack>
              </Radio.Group>
              <FormError error={save.error} />
              <Group>
                <Button type="submit" loading={save.isPending} disabled={choice === query.data.email}>
                  {t('common.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
