import { notifications } from '@mantine/notifications';
import i18n from '../i18n/index.js';

/** A short confirmation toast; its close button gets a label in the UI language. */
export function notifySuccess(message: string): void {
  notifications.show({
    color: 'green',
    message,
    closeButtonProps: { 'aria-label': i18n.t('common.closeMessage') },
  });
}
