import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { consentApi, type Consent } from '../../../api/consent.js';
import { isApiError } from '../../../api/client.js';
import { FormError } from '../../../components/states.js';
import { notifySuccess } from '../../../lib/notify.js';
import { TONE } from '../../../theme.js';

/** Withdraws a consent after a note and a confirmation (If-Match: a 412 means someone changed it meanwhile). */
export function WithdrawConsentDialog({
  householdId,
  consent,
  onClose,
}: {
  householdId: string;
  consent: Consent;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm({
    initialValues: { note: '' },
    validate: { note: (v) => (v.trim() ? null : t('validation.required')) },
  });
  const withdraw = useMutation({
    mutationFn: (note: string) => consentApi.withdraw(householdId, consent.id, consent.version, { note }),
    onSuccess: () => {
      notifySuccess(t('privacy.consent.withdrawn'));
      void client.invalidateQueries({ queryKey: ['consents', householdId] });
      onClose();
    },
    onError: (error) => {
      // Someone else changed it meanwhile: show the current state behind the dialog.
      if (isApiError(error) && [409, 412].includes(error.status))
        void client.invalidateQueries({ queryKey: ['consents', householdId] });
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('privacy.consent.withdrawTitle')} centered>
      <form noValidate onSubmit={form.onSubmit((v) => withdraw.mutate(v.note.trim()))}>
        <Stack gap="md">
          <Text>{t('privacy.consent.withdrawExplain', { organisation: consent.organisationName })}</Text>
          <Textarea
            label={t('privacy.consent.withdrawNote')}
            required
            autosize
            minRows={2}
            maxLength={4000}
            data-autofocus
            {...form.getInputProps('note')}
          />
          <FormError error={withdraw.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={TONE.danger} loading={withdraw.isPending}>
              {t('privacy.consent.withdrawConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
