import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errors.js';
import { TONE } from '../theme.js';

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text>{label ?? t('common.loading')}</Text>
      </Group>
    </Center>
  );
}

export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <Stack align="flex-start" gap="sm" py="md">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <IconInfoCircle size={20} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
        <Text>{children}</Text>
      </Group>
      {action}
    </Stack>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color={TONE.danger}
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('common.errorTitle')}
    >
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{errorMessage(error, t)}</Text>
        {onRetry && (
          <Button size="xs" variant="default" onClick={onRetry}>
            {t('common.tryAgain')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** A form-level error (not tied to one field). */
export function FormError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color={TONE.danger} variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
      {errorMessage(error, t)}
    </Alert>
  );
}

export function usePageTitle(title: string | null | undefined) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? `${title} · ${t('app.name')}` : t('app.name');
  }, [title, t]);
}
