import { Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Household } from '../../../api/endpoints.js';
import { chainApi } from '../../../components/chain/api.js';
import { ReferralCard } from '../../../components/chain/ReferralCard.js';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states.js';
import { HandoverSection } from './HandoverSection.js';
import { NewReferralModal } from './NewReferralModal.js';

/** The household's referrals in a closed loop, and its warm handovers. */
export function ReferralsTab({ household }: { household: Household }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const overview = useQuery({
    queryKey: ['involved', household.id],
    queryFn: () => chainApi.involved(household.id),
  });
  const canRefer = household.can.includes('referral.write');
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2} size="h3">
            {t('chain.referrals.title')}
          </Title>
          <Text size="sm">{t('chain.referrals.intro')}</Text>
        </Stack>
        {canRefer && (
          <Button leftSection={<IconSend size={16} aria-hidden />} onClick={() => setCreating(true)}>
            {t('chain.referrals.new')}
          </Button>
        )}
      </Group>
      {overview.isPending && <LoadingState label={t('chain.referrals.loading')} />}
      {overview.isError && <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />}
      {overview.isSuccess && overview.data.referrals.length === 0 && (
        <EmptyState>{t('chain.referrals.empty')}</EmptyState>
      )}
      {overview.isSuccess && overview.data.referrals.length > 0 && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {overview.data.referrals.map((r) => (
            <ReferralCard key={r.id} referral={r} />
          ))}
        </SimpleGrid>
      )}
      {overview.isSuccess && <HandoverSection household={household} overview={overview.data} />}
      {creating && <NewReferralModal householdId={household.id} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
