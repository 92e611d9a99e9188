import { Alert, Box, Button, Container, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { LoginBody } from '../../contracts/index.js';
import { api } from '../api/endpoints.js';
import { useSession } from '../auth/session.js';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { PasswordField } from '../components/fields.js';
import { FormError, LoadingState, usePageTitle } from '../components/states.js';
import { schemaErrors } from '../lib/validation.js';
import { SecondFactorStep } from './security/SecondFactorStep.js';

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const { session, loading, setSignedIn, signOut, signOutReason } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const from = (location.state as { from?: string } | null)?.from;
  const target = from && from.startsWith('/') && !from.startsWith('/login') ? from : '/';

  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: (values) => schemaErrors(LoginBody, values, t),
  });
  const login = useMutation({
    mutationFn: (values: { email: string; password: string }) => api.auth.login(values),
    onSuccess: (info) => {
      setSignedIn(info);
      // With a second factor the session first waits for the code (shown below) or for setting it up.
      if (info.secondFactor === 'enrol') void navigate('/second-factor/setup', { replace: true });
      else if (info.secondFactor !== 'required') void navigate(target, { replace: true });
    },
    onError: () => form.setFieldValue('password', ''),
  });

  if (loading)
    return (
      <main>
        <LoadingState />
      </main>
    );
  const waitingForCode = session?.secondFactor === 'required';
  if (session?.secondFactor === 'enrol') return <Navigate to="/second-factor/setup" replace />;
  if (session && !waitingForCode && !login.isPending) return <Navigate to={target} replace />;

  return (
    <Box mih="100vh">
      <Box component="header" px="md" py="sm">
        <Group justify="space-between">
          <Text fw={700} fz="xl" c="schakel.8">
            {t('app.name')}
          </Text>
          <LanguageSwitch />
        </Group>
      </Box>
      <Container component="main" id="main" size={440} py={{ base: 'md', sm: 60 }}>
        <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md">
          {waitingForCode ? (
            <SecondFactorStep
              onVerified={(info) => {
                setSignedIn(info);
                void navigate(target, { replace: true });
              }}
              onCancel={() => {
                login.reset();
                void signOut();
              }}
            />
          ) : (
            <form noValidate onSubmit={form.onSubmit((values) => login.mutate(values))}>
              <Stack gap="md">
                <div>
                  <Title order={1} size="h2">
                    {t('login.title')}
                  </Title>
                  <Text c="dimmed" size="sm" mt={4}>
                    {t('login.intro')}
                  </Text>
                </div>
                {signOutReason && signOutReason !== 'signedOut' && !login.error && (
                  <Alert color="schakel" variant="light" icon={<IconInfoCircle aria-hidden />} role="status">
                    {signOutReason === 'expired' ? t('login.expired') : t('login.unauthenticated')}
                  </Alert>
                )}
                {signOutReason === 'signedOut' && !login.error && (
                  <Alert color="schakel" variant="light" icon={<IconInfoCircle aria-hidden />} role="status">
                    {t('login.signedOut')}
                  </Alert>
                )}
                <FormError error={login.error} />
                <TextInput
                  label={t('login.email')}
                  type="email"
                  autoComplete="username"
                  required
                  {...form.getInputProps('email')}
                />
                <PasswordField
                  label={t('login.password')}
                  autoComplete="current-password"
                  required
                  {...form.getInputProps('password')}
                />
                <Button type="submit" loading={login.isPending} fullWidth>
                  {t('login.submit')}
                </Button>
                <Text size="sm" c="dimmed">
                  {t('login.forgot')}
                </Text>
              </Stack>
            </form>
          )}
        </Paper>
      </Container>
    </Box>
  );
}
