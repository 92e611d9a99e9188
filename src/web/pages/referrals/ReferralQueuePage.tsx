import { SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chainApi } from '../../components/chain/api.js';
import { NoticeList } from '../../components/chain/NoticeList.js';
import { ReferralCard } from '../../components/chain/ReferralCard.js';
import { EmptyState, ErrorState, LoadingState, usePageTitle } from '../../components/states.js';

/** The receiving organisation's queue of incoming referrals, and the actor's Verwijsindex notices. */
export function ReferralQueuePage() {
  const { t } = useTranslation();
  usePageTitle(t('chain.referrals.queueTitle'));
  const [status, setStatus] = useState<'open' | 'closed' | 'all'>('open');
  const queue = useQuery({
    queryKey: ['referrals', 'queue', status],
    queryFn: () => chainApi.referrals.queue(status),
  });
  const notices = useQuery({ queryKey: ['notices'], queryFn: chainApi.notices.list });
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('chain.referrals.queueTitle')}</Title>
        <Text>{t('chain.referrals.queueIntro')}</Text>
      </Stack>
      {notices.isSuccess && <NoticeList notices={notices.data.items} showHousehold />}
      <SegmentedControl
        aria-label={t('chain.referrals.filter')}
        value={status}
        onChange={(v) => setStatus(v)}
        data={[
          { value: 'open', label: t('chain.referrals.filterOpen') },
          { value: 'closed', label: t('chain.referrals.filterClosed') },
          { value: 'all', label: t('chain.referrals.filterAll') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {queue.isPending && <LoadingState label={t('chain.referrals.loading')} />}
      {queue.isError && <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />}
      {queue.isSuccess && queue.data.items.length === 0 && (
        <EmptyState>{t('chain.referrals.queueEmpty')}</EmptyState>
      )}
      {queue.isSuccess && queue.data.items.length > 0 && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {queue.data.items.map((r) => (
            <ReferralCard key={r.id} referral={r} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
