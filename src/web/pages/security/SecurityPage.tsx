import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.js';
import { useMe, useSession } from '../../auth/session.js';
import { ErrorState, LoadingState, usePageTitle } from '../../components/states.js';
import { formatDate } from '../../lib/format.js';
import { TONE } from '../../theme.js';
import { CodeForm, EnrolFlow, RecoveryCodesPanel } from './parts.js';

const STATUS_KEY = ['auth', 'totp'] as const;

/** "Beveiliging": switch two-step login on or off, and make new recovery codes. */
export function SecurityPage() {
  const { t } = useTranslation();
  usePageTitle(t('security.page.title'));
  const me = useMe();
  const { setSignedIn } = useSession();
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: STATUS_KEY, queryFn: () => api.auth.totpStatus() });
  const [enrolling, setEnrolling] = useState(false);
  const [freshCodes, setFreshCodes] = useState<string[] | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: STATUS_KEY });

  const regenerate = useMutation({
    mutationFn: (code: string) => api.auth.recoveryCodes({ code }),
    onSuccess: (r) => setFreshCodes(r.recoveryCodes),
  });
  const disable = useMutation({
    mutationFn: (code: string) => api.auth.totpDisable({ code }),
    onSuccess: async () => {
      notifications.show({ message: t('security.page.turnedOff'), color: 'schakel' });
      await refresh();
    },
  });

  if (status.isPending) return <LoadingState />;
  if (status.isError) return <ErrorState error={status.error} onRetry={() => void status.refetch()} />;
  const s = status.data;

  return (
    <Stack gap="lg" maw={640}>
      <div>
        <Title order={1}>{t('security.page.title')}</Title>
        <Text c="dimmed">{t('security.page.intro')}</Text>
      </div>

      <Paper withBorder p="lg" radius="md">
        <Stack gap="sm">
          <Group justify="space-between" align="center">
            <Title order={2} size="h3">
              {t('security.page.statusTitle')}
            </Title>
            {s.enabled && (
              <Badge color="schakel" variant="light" leftSection={<IconShieldCheck size={14} aria-hidden />}>
                {t('security.page.badgeOn')}
              </Badge>
            )}
          </Group>
          <Text>
            {s.enabled ? t('security.page.on', { date: formatDate(s.enabledAt) }) : t('security.page.off')}
          </Text>
          {s.required && <Text>{t('security.page.required')}</Text>}
          {s.enabled && !freshCodes && (
            <Text>{t('security.page.codesLeft', { count: s.recoveryCodesLeft })}</Text>
          )}
          {s.enabled && !freshCodes && s.recoveryCodesLeft <= 3 && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
              {t('security.page.codesLow')}
            </Alert>
          )}
          {!s.enabled && !enrolling && (
            <Group>
              <Button onClick={() => setEnrolling(true)}>{t('security.page.turnOn')}</Button>
            </Group>
          )}
        </Stack>
      </Paper>

      {!s.enabled && enrolling && (
        <Paper withBorder p="lg" radius="md">
          <Stack gap="md">
            <Title order={2} size="h3">
              {t('security.enrol.title')}
            </Title>
            <Text>{t('security.enrol.voluntaryIntro')}</Text>
            <EnrolFlow
              email={me.user.email}
              doneLabel={t('security.recovery.saved')}
              onConfirmed={(next) => {
                setSignedIn(next);
                setEnrolling(false);
                notifications.show({ message: t('security.page.turnedOn'), color: 'schakel' });
                void refresh();
              }}
            />
            <Group>
              <Button variant="default" onClick={() => setEnrolling(false)}>
                {t('security.enrol.cancel')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}

      {s.enabled && (
        <Paper withBorder p="lg" radius="md">
          {freshCodes ? (
            <RecoveryCodesPanel
              codes={freshCodes}
              email={me.user.email}
              doneLabel={t('security.recovery.saved')}
              onDone={() => {
                setFreshCodes(null);
                regenerate.reset();
                void refresh();
              }}
            />
          ) : (
            <Stack gap="sm">
              <Title order={2} size="h3">
                {t('security.page.newCodesTitle')}
              </Title>
              <Text>{t('security.page.newCodesIntro')}</Text>
              <CodeForm
                submitLabel={t('security.page.newCodes')}
                onSubmit={(code) => regenerate.mutate(code)}
                pending={regenerate.isPending}
                error={regenerate.error}
              />
            </Stack>
          )}
        </Paper>
      )}

      {s.enabled && !s.required && !freshCodes && (
        <Paper withBorder p="lg" radius="md">
          <Stack gap="sm">
            <Title order={2} size="h3">
              {t('security.page.turnOffTitle')}
            </Title>
            <Text>{t('security.page.turnOffIntro')}</Text>
            <CodeForm
              submitLabel={t('security.page.turnOff')}
              onSubmit={(code) => disable.mutate(code)}
              pending={disable.isPending}
              error={disable.error}
              color={TONE.danger}
            />
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
