import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../components/states.js';

export function NotFoundPage({ what }: { what?: 'household' }) {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <Stack gap="md" align="flex-start" py="lg" data-testid="not-found">
      <Title order={1}>{what === 'household' ? t('notFound.householdTitle') : t('notFound.title')}</Title>
      <Text maw={620}>{what === 'household' ? t('notFound.householdText') : t('notFound.text')}</Text>
      <Button component={Link} to="/">
        {t('notFound.back')}
      </Button>
    </Stack>
  );
}
