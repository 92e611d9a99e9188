import { Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../contracts/index.js';
import { api } from '../../api/endpoints.js';
import { FormError } from '../../components/states.js';
import { TotpCodeField, looksLikeTotp } from './parts.js';

const looksLikeRecoveryCode = (v: string) => /^[a-z0-9]{8}$/i.test(v.replace(/[\s-]/g, ''));

/** The second step of the login: the code from the authenticator app, or a one-time recovery code. */
export function SecondFactorStep({
  onVerified,
  onCancel,
}: {
  onVerified: (session: SessionInfo) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [recovery, setRecovery] = useState(false);
  const form = useForm({
    initialValues: { code: '', recoveryCode: '' },
    validate: (v) =>
      recovery
        ? { recoveryCode: looksLikeRecoveryCode(v.recoveryCode) ? null : t('security.login.recoveryInvalid') }
        : { code: looksLikeTotp(v.code) ? null : t('security.code.invalid') },
  });
  const verify = useMutation({
    mutationFn: (v: { code: string; recoveryCode: string }) =>
      api.auth.secondFactor(
        recovery ? { recoveryCode: v.recoveryCode.trim() } : { code: v.code.replace(/\s/g, '') },
      ),
    onSuccess: onVerified,
    onError: () => form.setValues({ code: '', recoveryCode: '' }),
  });
  return (
    <form noValidate onSubmit={form.onSubmit((v) => verify.mutate(v))}>
      <Stack gap="md">
        <div>
          <Title order={1} size="h2">
            {t('security.login.title')}
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            {t('security.login.intro')}
          </Text>
        </div>
        <FormError error={verify.error} />
        {recovery ? (
          <TextInput
            key="recovery"
            label={t('security.login.recoveryLabel')}
            description={t('security.login.recoveryHint')}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            data-autofocus
            {...form.getInputProps('recoveryCode')}
          />
        ) : (
          <TotpCodeField key="code" data-autofocus {...form.getInputProps('code')} />
        )}
        <Button type="submit" loading={verify.isPending} fullWidth>
          {t('security.login.submit')}
        </Button>
        <Button
          variant="subtle"
          styles={{
            root: { height: 'auto', minHeight: 36 },
            label: { whiteSpace: 'normal', textAlign: 'center' },
          }}
          onClick={() => {
            setRecovery(!recovery);
            form.clearErrors();
            verify.reset();
          }}
        >
          {recovery ? t('security.login.useApp') : t('security.login.useRecovery')}
        </Button>
        <Button variant="subtle" color="gray" onClick={onCancel}>
          {t('security.login.cancel')}
        </Button>
      </Stack>
    </form>
  );
}
