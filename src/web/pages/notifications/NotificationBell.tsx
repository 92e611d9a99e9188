import { ActionIcon, Indicator } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { signalsApi } from '../../api/signals.js';

/** The bell in the header with the unread count; refreshed every minute. */
export function NotificationBell() {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['notifications-unread'],
    queryFn: signalsApi.unread,
    refetchInterval: 60_000,
  });
  const unread = query.data?.unread ?? 0;
  const label = unread > 0 ? t('signals.bell.unread', { count: unread }) : t('signals.bell.label');
  return (
    <Indicator
      label={unread > 99 ? '99+' : unread}
      size={18}
      color="red.8"
      disabled={unread === 0}
      offset={4}
    >
      <ActionIcon
        component={Link}
        to="/notifications"
        variant="default"
        size="lg"
        aria-label={label}
        title={label}
      >
        <IconBell size={18} aria-hidden />
      </ActionIcon>
    </Indicator>
  );
}
