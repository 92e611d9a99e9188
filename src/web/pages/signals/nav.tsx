import { IconBell, IconChartBar, IconClipboardCheck, IconInbox, IconSpeakerphone } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { GlobalPermission } from '../../../contracts/index.js';
import type { Role } from '../../../contracts/roles.js';

/** Menu items of signals, triage, caseloads and notifications, shown by permission. */
export function signalsNavItems(roles: readonly Role[], t: TFunction) {
  const items: { to: string; label: string; icon: React.ReactNode; permission?: GlobalPermission }[] = [
    {
      to: '/triage',
      label: t('signals.nav.triage'),
      icon: <IconClipboardCheck size={18} aria-hidden />,
      permission: 'signal.triage',
    },
    {
      to: '/signals',
      label: t('signals.nav.report'),
      icon: <IconSpeakerphone size={18} aria-hidden />,
      permission: 'signal.submit',
    },
    {
      to: '/passed-on',
      label: t('signals.nav.passedOn'),
      icon: <IconInbox size={18} aria-hidden />,
      permission: 'signal.passed_on',
    },
  ];
  if (roles.includes('coordinator') || roles.includes('process_manager')) {
    items.push({
      to: '/caseloads',
      label: t('signals.nav.caseloads'),
      icon: <IconChartBar size={18} aria-hidden />,
    });
  }
  items.push({
    to: '/notifications',
    label: t('signals.nav.notifications'),
    icon: <IconBell size={18} aria-hidden />,
  });
  return items;
}
