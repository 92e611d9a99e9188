import { Badge, Group, MultiSelect, Select, Stack, Text, TextInput, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../../../contracts/timeline.js';
import { api, type Household } from '../../../api/endpoints.js';
import { chainApi } from '../../../components/chain/api.js';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states.js';
import { formatDateTime } from '../../../lib/format.js';

const EVERYONE = 'all';

/** One chronological view of everything around the household, filterable by kind, member and period. */
export function TimelineTab({ household }: { household: Household }) {
  const { t, i18n } = useTranslation();
  const [kinds, setKinds] = useState<string[]>([]);
  const [memberId, setMemberId] = useState<string>(EVERYONE);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const members = useQuery({
    queryKey: ['members', household.id],
    queryFn: () => api.members.list(household.id),
  });
  const query = useQuery({
    queryKey: ['timeline', household.id, kinds.join(','), memberId, from, to],
    queryFn: () =>
      chainApi.timeline(household.id, {
        ...(kinds.length ? { kinds: kinds.join(',') } : {}),
        ...(memberId !== EVERYONE ? { memberId } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      }),
  });
  const sentence = (e: TimelineEvent) => {
    const key = `chain.timeline.types.${e.type}`;
    return i18n.exists(key)
      ? t(key, e.details as Record<string, string>)
      : t(`chain.timeline.kinds.${e.kind}`);
  };
  const memberName = new Map((members.data?.items ?? []).map((m) => [m.id, m.name]));
  return (
    <Stack gap="md">
      <Stack gap={2}>
        <Title order={2} size="h3">
          {t('chain.timeline.title')}
        </Title>
        <Text size="sm">{t('chain.timeline.intro')}</Text>
      </Stack>
      <Group align="flex-end" wrap="wrap">
        <MultiSelect
          label={t('chain.timeline.kindFilter')}
          data={(query.data?.kinds ?? []).map((k) => ({ value: k, label: t(`chain.timeline.kinds.${k}`) }))}
          value={kinds}
          onChange={setKinds}
          clearable
          w={280}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('chain.timeline.memberFilter')}
          data={[
            { value: EVERYONE, label: t('chain.timeline.everyone') },
            ...(members.data?.items ?? []).map((m) => ({ value: m.id, label: m.name })),
          ]}
          value={memberId}
          onChange={(v) => setMemberId(v ?? EVERYONE)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          type="date"
          label={t('chain.timeline.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('chain.timeline.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
      </Group>
      {query.isPending && <LoadingState label={t('chain.timeline.loading')} />}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && query.data.items.length === 0 && (
        <EmptyState>{t('chain.timeline.empty')}</EmptyState>
      )}
      {query.isSuccess && query.data.items.length > 0 && (
        <Timeline bulletSize={14} lineWidth={2} component="ol" style={{ listStyle: 'none', paddingLeft: 0 }}>
          {query.data.items.map((e) => (
            <Timeline.Item
              key={e.id}
              component="li"
              title={
                <Text fw={700} size="sm">
                  {sentence(e)}
                </Text>
              }
            >
              <Group gap={6}>
                <Badge size="sm" color="#343a40">
                  {t(`chain.timeline.kinds.${e.kind}`)}
                </Badge>
                <Text size="xs">{formatDateTime(e.at)}</Text>
                {e.by && <Text size="xs">{t('chain.timeline.by', { name: e.by.name })}</Text>}
                {e.memberIds
                  .map((id) => memberName.get(id))
                  .filter(Boolean)
                  .map((n) => (
                    <Badge key={n} size="sm" color="schakel.8">
                      {n}
                    </Badge>
                  ))}
              </Group>
              {e.summary && <Text size="sm">{e.summary}</Text>}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Stack>
  );
}
