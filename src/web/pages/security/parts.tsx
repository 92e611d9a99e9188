import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Image,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  type TextInputProps,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconCopy, IconDownload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo, TotpSetup } from '../../../contracts/index.js';
import { setCsrfToken } from '../../api/client.js';
import { api } from '../../api/endpoints.js';
import { FormError } from '../../components/states.js';

/** Six digits, spaces allowed (apps show "123 456"). */
export const looksLikeTotp = (value: string) => /^\d{6}$/.test(value.replace(/\s/g, ''));

/** The field for a code from the authenticator app. */
export function TotpCodeField(props: TextInputProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('security.code.label')}
      description={t('security.code.hint')}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={7}
      required
      {...props}
    />
  );
}

/** A small form asking one code from the app, e.g. to confirm a change. */
export function CodeForm({
  submitLabel,
  onSubmit,
  pending,
  error,
  color,
}: {
  submitLabel: string;
  onSubmit: (code: string) => void;
  pending: boolean;
  error: unknown;
  color?: string;
}) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { code: '' },
    validate: { code: (v) => (looksLikeTotp(v) ? null : t('security.code.invalid')) },
  });
  useEffect(() => {
    if (error) form.setFieldValue('code', '');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- clear the field once per failed attempt
  }, [error]);
  return (
    <form noValidate onSubmit={form.onSubmit((v) => onSubmit(v.code.replace(/\s/g, '')))}>
      <Stack gap="sm">
        <FormError error={error} />
        <TotpCodeField {...form.getInputProps('code')} />
        <Group>
          <Button type="submit" loading={pending} {...(color ? { color } : {})}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The recovery codes, shown once: a list, copy and download, and a clear instruction. */
export function RecoveryCodesPanel({
  codes,
  email,
  onDone,
  doneLabel,
}: {
  codes: string[];
  email: string;
  onDone: () => void;
  doneLabel: string;
}) {
  const { t } = useTranslation();
  const text = [t('security.recovery.fileHeader', { email }), '', ...codes].join('\n');
  const download = () => {
    const url = URL.createObjectURL(new Blob([`${text}\n`], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = t('security.recovery.fileName');
    document.body.append(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(url);
  };
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('security.recovery.title')}
      </Title>
      <Text>{t('security.recovery.intro')}</Text>
      <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
        {t('security.recovery.once')}
      </Alert>
      <Paper withBorder p="md" radius="md">
        <SimpleGrid
          cols={2}
          spacing="xs"
          component="ul"
          aria-label={t('security.recovery.listLabel')}
          style={{ listStyle: 'none', margin: 0, padding: 0 }}
        >
          {codes.map((c) => (
            <li key={c}>
              <Code fz="md" data-testid="recovery-code">
                {c}
              </Code>
            </li>
          ))}
        </SimpleGrid>
      </Paper>
      <Group>
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="default" leftSection={<IconCopy size={16} aria-hidden />} onClick={copy}>
              {copied ? t('security.recovery.copied') : t('security.recovery.copy')}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={download}>
          {t('security.recovery.download')}
        </Button>
      </Group>
      <Group>
        <Button onClick={onDone}>{doneLabel}</Button>
      </Group>
    </Stack>
  );
}

/**
 * Setting up TOTP: a new secret (QR code and the key as text), confirmed with a code; then the recovery codes.
 * `onConfirmed` gets the new session (the server gave it a new id and CSRF token) once the user has seen the codes.
 */
export function EnrolFlow({
  email,
  doneLabel,
  onConfirmed,
}: {
  email: string;
  doneLabel: string;
  onConfirmed: (session: SessionInfo) => void;
}) {
  const { t } = useTranslation();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState<{ codes: string[]; session: SessionInfo } | null>(null);
  const start = useMutation({ mutationFn: () => api.auth.totpSetup(), onSuccess: setSetup });
  const confirm = useMutation({
    mutationFn: (code: string) => api.auth.totpConfirm({ code }),
    onSuccess: (result) => {
      setCsrfToken(result.session.csrfToken);
      setConfirmed({ codes: result.recoveryCodes, session: result.session });
    },
  });
  const { mutate: begin } = start;
  useEffect(() => begin(), [begin]);
  useEffect(() => {
    if (!setup) return;
    let live = true;
    void QRCode.toDataURL(setup.otpauthUri, { margin: 2, width: 220, errorCorrectionLevel: 'M' }).then(
      (url) => live && setQr(url),
    );
    return () => {
      live = false;
    };
  }, [setup]);

  if (confirmed)
    return (
      <RecoveryCodesPanel
        codes={confirmed.codes}
        email={email}
        doneLabel={doneLabel}
        onDone={() => onConfirmed(confirmed.session)}
      />
    );
  const grouped = setup?.secret.replace(/(.{4})/g, '$1 ').trim();
  return (
    <Stack gap="md">
      <FormError error={start.error} />
      <List type="ordered" spacing="md" listStyleType="none" styles={{ itemWrapper: { width: '100%' } }}>
        <List.Item>
          <Text>{t('security.enrol.step1')}</Text>
        </List.Item>
        <List.Item>
          <Stack gap="xs">
            <Text>{t('security.enrol.step2')}</Text>
            {qr && <Image src={qr} alt={t('security.enrol.qrAlt')} w={220} h={220} />}
            <Text size="sm">{t('security.enrol.manual')}</Text>
            {grouped && (
              <Group gap="xs">
                <Code fz="md" data-testid="totp-secret">
                  {grouped}
                </Code>
                <CopyButton value={setup!.secret}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant="default" onClick={copy}>
                      {copied ? t('security.recovery.copied') : t('security.enrol.copySecret')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            )}
          </Stack>
        </List.Item>
        <List.Item>
          <Stack gap="xs">
            <Text>{t('security.enrol.step3')}</Text>
            <CodeForm
              submitLabel={t('security.enrol.confirm')}
              onSubmit={(code) => confirm.mutate(code)}
              pending={confirm.isPending}
              error={confirm.error}
            />
          </Stack>
        </List.Item>
      </List>
    </Stack>
  );
}
