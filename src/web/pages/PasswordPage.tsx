import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { PasswordField } from '../components/fields.js';
import { FormError, usePageTitle } from '../components/states.js';
import { TONE } from '../theme.js';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function PasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('password.title'));
  const form = useForm<Values>({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: {
      currentPassword: (v) => (v ? null : t('validation.required')),
      newPassword: (v, values) =>
        !v ? t('validation.required') : v === values.currentPassword ? t('password.sameAsOld') : null,
      confirm: (v, values) => (v === values.newPassword ? null : t('password.mismatch')),
    },
  });
  const change = useMutation({
    mutationFn: (v: Values) =>
      api.auth.changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
    onSuccess: () => form.reset(),
    onError: (error) => {
      if (!isApiError(error)) return;
      if (error.code === 'WEAK_PASSWORD')
        form.setFieldError('newPassword', t('validation.invalid.newPassword'));
      if (error.code === 'INVALID_CREDENTIALS' || error.code === 'WRONG_PASSWORD')
        form.setFieldError('currentPassword', t('password.wrongCurrent'));
    },
  });
  const fieldLevel =
    isApiError(change.error) &&
    ['WEAK_PASSWORD', 'INVALID_CREDENTIALS', 'WRONG_PASSWORD'].includes(change.error.code);

  return (
    <Stack gap="lg" maw={520}>
      <div>
        <Title order={1}>{t('password.title')}</Title>
        <Text c="dimmed">{t('password.intro')}</Text>
      </div>
      <Paper withBorder p="md">
        <form noValidate onSubmit={form.onSubmit((values) => change.mutate(values))}>
          <Stack gap="md">
            {change.isSuccess && (
              <Alert
                color={TONE.success}
                variant="light"
                icon={<IconCircleCheck aria-hidden />}
                role="status"
              >
                {t('password.changed')}
              </Alert>
            )}
            {!fieldLevel && <FormError error={change.error} />}
            <PasswordField
              label={t('password.current')}
              autoComplete="current-password"
              required
              {...form.getInputProps('currentPassword')}
            />
            <PasswordField
              label={t('password.new')}
              description={t('password.newHelp')}
              autoComplete="new-password"
              required
              {...form.getInputProps('newPassword')}
            />
            <PasswordField
              label={t('password.confirm')}
              autoComplete="new-password"
              required
              {...form.getInputProps('confirm')}
            />
            <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('password.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
