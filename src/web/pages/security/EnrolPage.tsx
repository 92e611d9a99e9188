import { Box, Button, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { useSession } from '../../auth/session.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { LoadingState, usePageTitle } from '../../components/states.js';
import { EnrolFlow } from './parts.js';

/**
 * Shown after the password when a second factor is required (role or organisation) but not set up yet: the user
 * sets up the authenticator app here before anything else in Schakel opens.
 */
export function EnrolPage() {
  const { t } = useTranslation();
  usePageTitle(t('security.enrol.title'));
  const { session, loading, setSignedIn, signOut } = useSession();
  const navigate = useNavigate();
  if (loading)
    return (
      <main>
        <LoadingState />
      </main>
    );
  if (!session) return <Navigate to="/login" replace />;
  if (session.secondFactor === 'required') return <Navigate to="/login" replace />;
  if (session.secondFactor !== 'enrol') return <Navigate to="/" replace />;
  return (
    <Box mih="100vh">
      <Box component="header" px="md" py="sm">
        <Group justify="space-between">
          <Text fw={700} fz="xl" c="schakel.8">
            {t('app.name')}
          </Text>
          <Group gap="xs">
            <LanguageSwitch />
            <Button variant="subtle" color="gray" onClick={() => void signOut()}>
              {t('security.enrol.signOut')}
            </Button>
          </Group>
        </Group>
      </Box>
      <Container component="main" id="main" size={560} py={{ base: 'md', sm: 40 }}>
        <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md">
          <Stack gap="md">
            <div>
              <Title order={1} size="h2">
                {t('security.enrol.title')}
              </Title>
              <Text mt={4}>{t('security.enrol.requiredIntro')}</Text>
            </div>
            <EnrolFlow
              email={session.user.email}
              doneLabel={t('security.recovery.continue')}
              onConfirmed={(next) => {
                setSignedIn(next);
                void navigate('/', { replace: true });
              }}
            />
          </Stack>
        </Paper>
      </Container>
    </Box>
  );
}
