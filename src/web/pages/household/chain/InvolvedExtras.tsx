import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { chainApi } from '../../../components/chain/api.js';
import { NoticeList } from '../../../components/chain/NoticeList.js';
import { ReferralStatusBadge } from '../../../components/chain/ReferralCard.js';
import { formatDateOnly } from '../../../lib/format.js';

const useInvolved = (householdId: string) =>
  useQuery({ queryKey: ['involved', householdId], queryFn: () => chainApi.involved(householdId) });

/** On "who is involved": the trajectory, member and status of one involvement. */
export function InvolvementChainFacts({
  householdId,
  involvementId,
}: {
  householdId: string;
  involvementId: string;
}) {
  const { t } = useTranslation();
  const entry = useInvolved(householdId).data?.items.find((i) => i.id === involvementId);
  if (!entry) return null;
  return (
    <Group gap={6}>
      {entry.service && (
        <Badge color="#1a5aa3">
          {t('chain.involved.service')}: {entry.service.name}
        </Badge>
      )}
      {entry.member && (
        <Badge color="#343a40">
          {t('chain.involved.member')}: {entry.member.name}
        </Badge>
      )}
      <Badge color={entry.status === 'handing_over' ? '#9a3d00' : '#1d6b30'}>
        {entry.status === 'handing_over'
          ? t('chain.involved.statusHanding_over')
          : t('chain.involved.statusActive')}
      </Badge>
      {entry.isMe && <Badge color="schakel.8">{t('chain.involved.you')}</Badge>}
    </Group>
  );
}

/** On "who is involved": the actor's Verwijsindex notices and the referrals still under way. */
export function InvolvedChainSummary({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const query = useInvolved(householdId);
  if (!query.isSuccess) return null;
  const open = query.data.referrals.filter((r) =>
    ['draft', 'sent', 'received', 'accepted', 'waitlisted'].includes(r.status),
  );
  return (
    <Stack gap="sm">
      <NoticeList notices={query.data.notices} />
      <section aria-labelledby="open-referrals-heading">
        <Text fw={700} id="open-referrals-heading">
          {t('chain.involved.openReferrals')}
        </Text>
        {open.length === 0 ? (
          <Text size="sm">{t('chain.involved.noOpenReferrals')}</Text>
        ) : (
          <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {open.map((r) => (
              <Group key={r.id} gap="xs" component="li">
                <ReferralStatusBadge status={r.status} />
                <Anchor component={Link} to={`/households/${householdId}/referrals`} size="sm">
                  {r.service.name} ({r.service.organisation.name})
                </Anchor>
                <Text size="sm">
                  {r.client.name}
                  {r.expectedStart &&
                    r.status === 'waitlisted' &&
                    ` · ${t('chain.referrals.expectedStart')} ${formatDateOnly(r.expectedStart)}`}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
      </section>
    </Stack>
  );
}
