import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { chainApi, type InvolvementNotice } from './api.js';

/** Verwijsindex-style notices: who else is involved with the same person, and how to reach them. */
export function NoticeList({
  notices,
  showHousehold,
}: {
  notices: InvolvementNotice[];
  showHousehold?: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const read = useMutation({
    mutationFn: (id: string) => chainApi.notices.read(id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['notices'] });
      void queryClient.invalidateQueries({ queryKey: ['involved'] });
    },
  });
  const unread = notices.filter((n) => !n.read);
  if (unread.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-label={t('chain.notices.title')}>
      {unread.map((n) => {
        const o = n.other;
        const values = {
          organisation: o.organisation.name,
          member: n.member?.name ?? t('chain.common.household'),
          household: n.household.name,
          service: o.service?.name ?? '',
        };
        return (
          <Alert
            key={n.id}
            color="blue"
            icon={<IconUsers size={18} aria-hidden />}
            title={t('chain.notices.title')}
          >
            <Text size="sm">{t(o.service ? 'chain.notices.textService' : 'chain.notices.text', values)}</Text>
            <Text size="sm">
              {t('chain.notices.reach', { name: o.professional.name })}
              {o.professional.phone && (
                <>
                  {' · '}
                  <Anchor fz="inherit" href={`tel:${o.professional.phone.replace(/[^+0-9]/g, '')}`}>
                    {o.professional.phone}
                  </Anchor>
                </>
              )}
              {o.professional.email && (
                <>
                  {' · '}
                  <Anchor fz="inherit" href={`mailto:${o.professional.email}`}>
                    {o.professional.email}
                  </Anchor>
                </>
              )}
            </Text>
            <Group gap="xs" mt={6}>
              {showHousehold && (
                <Anchor component={Link} size="sm" to={`/households/${n.household.id}/involved`}>
                  {n.household.name}
                </Anchor>
              )}
              <Button
                size="xs"
                variant="default"
                onClick={() => read.mutate(n.id)}
                aria-label={t('chain.notices.markReadNamed', { organisation: o.organisation.name })}
              >
                {t('chain.notices.markRead')}
              </Button>
            </Group>
          </Alert>
        );
      })}
    </Stack>
  );
}
