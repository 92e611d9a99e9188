import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.js';
import { ConfirmDialog } from './ConfirmDialog.js';

interface VersionedConfirmDialogProps {
  title: string;
  confirmLabel: string;
  text: string;
  /** Shown instead of `text` when someone else changed the record first. */
  staleText: string;
  danger: boolean;
  /** The change, sent with the version the user saw. */
  mutationFn: () => Promise<unknown>;
  /** Invalidate queries and notify; the dialog closes afterwards. */
  onDone: () => void;
  /** Refetched when the change was refused because the record is stale. */
  staleQueryKey: QueryKey;
  onClose: () => void;
}

/**
 * Confirm a change to a versioned record (remove, disable). On 412 STALE_VERSION the list is
 * refetched and the dialog says so, offering only to close.
 */
export function VersionedConfirmDialog(props: VersionedConfirmDialogProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { onDone, onClose, staleQueryKey } = props;
  const change = useMutation({
    mutationFn: props.mutationFn,
    onSuccess: () => {
      onDone();
      onClose();
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'STALE_VERSION') {
        void queryClient.invalidateQueries({ queryKey: staleQueryKey });
      }
    },
  });
  const stale = isApiError(change.error) && change.error.code === 'STALE_VERSION';
  return (
    <ConfirmDialog
      opened
      title={props.title}
      confirmLabel={stale ? t('common.close') : props.confirmLabel}
      danger={props.danger && !stale}
      busy={change.isPending}
      error={stale ? null : change.error}
      onConfirm={() => (stale ? onClose() : change.mutate())}
      onCancel={onClose}
    >
      {stale ? props.staleText : props.text}
    </ConfirmDialog>
  );
}
