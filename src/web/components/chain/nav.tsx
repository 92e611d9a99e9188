import { IconBuildingCommunity, IconInbox } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { Role } from '../../../contracts/roles.js';

const PROFESSIONAL: readonly Role[] = ['coordinator', 'partner_professional', 'partner_manager'];

/** Main-menu items of the chain: the directory of services, and (for professionals) incoming referrals. */
export function chainNavItems(roles: readonly Role[], t: TFunction) {
  const pro = roles.some((r) => PROFESSIONAL.includes(r));
  return [
    ...(pro
      ? [{ to: '/referrals', label: t('chain.nav.referrals'), icon: <IconInbox size={18} aria-hidden /> }]
      : []),
    {
      to: '/services',
      label: t('chain.nav.services'),
      icon: <IconBuildingCommunity size={18} aria-hidden />,
    },
  ];
}
