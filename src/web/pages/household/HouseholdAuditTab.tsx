import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Household } from '../../api/endpoints.js';
import { PagedAudit } from '../../components/AuditTable.js';

export function HouseholdAuditTab({ household }: { household: Household }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <div>
        <Title order={2} size="h3">
          {t('audit.householdTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('audit.householdIntro')}
        </Text>
      </div>
      <PagedAudit filters={{ householdId: household.id, limit: 50 }} showHousehold={false} />
    </Stack>
  );
}
