import { IconAdjustments, IconAlertOctagon, IconChartBar, IconSpeakerphone } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { GlobalPermission, Role } from '../../../contracts/index.js';

const ADDRESSED: readonly Role[] = [
  'coordinator',
  'partner_professional',
  'partner_manager',
  'process_manager',
];

/** Menu entries of the stagnation capability; the layout filters them by permission. */
export function stagnationNavItems(roles: readonly Role[], t: TFunction) {
  const items: { to: string; label: string; icon: React.ReactNode; permission?: GlobalPermission }[] = [
    {
      to: '/stagnations',
      label: t('stagnation.nav.worklist'),
      icon: <IconAlertOctagon size={18} aria-hidden />,
      permission: 'stagnation.worklist',
    },
  ];
  if (roles.some((r) => ADDRESSED.includes(r)))
    items.push({
      to: '/escalations',
      label: t('stagnation.nav.escalations'),
      icon: <IconSpeakerphone size={18} aria-hidden />,
    });
  items.push(
    {
      to: '/stagnation/board',
      label: t('stagnation.nav.board'),
      icon: <IconChartBar size={18} aria-hidden />,
      permission: 'stagnation.board',
    },
    {
      to: '/stagnation/settings',
      label: t('stagnation.nav.settings'),
      icon: <IconAdjustments size={18} aria-hidden />,
      permission: 'stagnation.settings',
    },
  );
  return items;
}
