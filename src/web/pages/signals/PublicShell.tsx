import { Box, Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';

/** The frame of the public pages (no account): brand, language, and the content. */
export function PublicShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
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
      <Container component="main" id="main" size={680} py={{ base: 'md', sm: 40 }}>
        {children}
      </Container>
    </Box>
  );
}
