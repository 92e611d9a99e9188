import { IconShieldCheck, IconUrgent, IconUserSearch } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { GlobalPermission } from '../../../contracts/index.js';

/** Menu entries of emergency access and the access overviews; the layout filters them by permission. */
export function emergencyNavItems(t: TFunction) {
  const items: { to: string; label: string; icon: React.ReactNode; permission: GlobalPermission }[] = [
    {
      to: '/emergency',
      label: t('emergency.nav.emergency'),
      icon: <IconUrgent size={18} aria-hidden />,
      permission: 'emergency.request',
    },
    {
      to: '/privacy/emergency',
      label: t('emergency.nav.review'),
      icon: <IconShieldCheck size={18} aria-hidden />,
      permission: 'emergency.review',
    },
    {
      to: '/privacy/access',
      label: t('emergency.nav.employees'),
      icon: <IconUserSearch size={18} aria-hidden />,
      permission: 'emergency.review',
    },
  ];
  return items;
}
