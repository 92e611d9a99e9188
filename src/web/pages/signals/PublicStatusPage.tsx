import { Alert, Anchor, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ReferenceCode } from '../../../contracts/signals.js';
import { isApiError } from '../../api/client.js';
import { signalsApi } from '../../api/signals.js';
import { ErrorState, LoadingState, usePageTitle } from '../../components/states.js';
import { formatDateTime } from '../../lib/format.js';
import { PublicShell } from './PublicShell.js';

const COLORS = { received: 'blue', picked_up: '#1e6b30', closed: '#495057' } as const;

/** The signaller looks up the status with their reference code: received, picked up or closed. */
export function PublicStatusPage() {
  const { t } = useTranslation();
  usePageTitle(t('signals.status.title'));
  const [params, setParams] = useSearchParams();
  const code = params.get('code') ?? '';
  const form = useForm({
    initialValues: { code },
    validate: { code: (v) => (ReferenceCode.safeParse(v).success ? null : t('signals.status.codeHelp')) },
  });
  const query = useQuery({
    queryKey: ['signal-status', code],
    queryFn: () => signalsApi.status(code),
    enabled: ReferenceCode.safeParse(code).success,
  });

  return (
    <PublicShell>
      <Stack gap="lg">
        <div>
          <Title order={1}>{t('signals.status.title')}</Title>
          <Text mt="xs">{t('signals.status.intro')}</Text>
        </div>
        <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md">
          <form noValidate onSubmit={form.onSubmit((v) => setParams({ code: v.code.trim().toUpperCase() }))}>
            <Group align="flex-end">
              <TextInput
                label={t('signals.status.code')}
                description={t('signals.status.codeHelp')}
                maxLength={20}
                autoComplete="off"
                style={{ flex: 1, minWidth: 200 }}
                {...form.getInputProps('code')}
              />
              <Button type="submit">{t('signals.status.lookUp')}</Button>
            </Group>
          </form>
        </Paper>
        <div aria-live="polite">
          {query.isFetching && <LoadingState />}
          {query.isError &&
            (isApiError(query.error) && query.error.status === 404 ? (
              <Alert color="orange" variant="light">
                {t('signals.status.notFound')}
              </Alert>
            ) : (
              <ErrorState error={query.error} />
            ))}
          {query.data && (
            <Alert
              color={COLORS[query.data.status]}
              variant="light"
              title={t(`signals.signalStatus.${query.data.status}`)}
              data-testid="signal-status"
            >
              <Stack gap={4}>
                <Text>{t(`signals.status.${query.data.status}`)}</Text>
                <Text size="sm">
                  {t('signals.status.receivedAt', { date: formatDateTime(query.data.receivedAt) })}
                </Text>
                <Text size="sm">
                  {t('signals.status.updatedAt', { date: formatDateTime(query.data.updatedAt) })}
                </Text>
              </Stack>
            </Alert>
          )}
        </div>
        <Anchor component={Link} to="/melden">
          {t('signals.status.newReport')}
        </Anchor>
      </Stack>
    </PublicShell>
  );
}
