import { Button, Checkbox, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/endpoints.js';
import { chainApi } from '../../../components/chain/api.js';
import { ErrorState, FormError, LoadingState } from '../../../components/states.js';
import { useIdempotencyKey } from '../../../lib/useIdempotencyKey.js';

const WHOLE = 'household';

export function NewReferralModal({ householdId, onClose }: { householdId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const idem = useIdempotencyKey();
  const services = useQuery({ queryKey: ['services', 'active'], queryFn: () => chainApi.services.list() });
  const members = useQuery({
    queryKey: ['members', householdId],
    queryFn: () => api.members.list(householdId),
  });
  const form = useForm({
    initialValues: { serviceId: '', memberId: WHOLE, question: '', send: true },
    validate: {
      serviceId: (v) => (v ? null : t('validation.required')),
      question: (v) => (v.trim() ? null : t('validation.required')),
    },
  });
  const create = useMutation({
    mutationFn: (v: typeof form.values) =>
      chainApi.referrals.create(
        householdId,
        {
          serviceId: v.serviceId,
          memberId: v.memberId === WHOLE ? null : v.memberId,
          question: v.question,
          send: v.send,
        },
        idem.key(),
      ),
    onSuccess: (r) => {
      idem.settle();
      void queryClient.invalidateQueries({ queryKey: ['involved', householdId] });
      notifications.show({
        color: 'green',
        message: t('chain.referrals.created', { service: r.service.name }),
      });
      onClose();
    },
    onError: (e) => idem.settle(e),
  });
  const groups = Object.entries(
    (services.data?.items ?? []).reduce<Record<string, { value: string; label: string }[]>>((acc, s) => {
      (acc[s.organisation.name] ??= []).push({ value: s.id, label: s.name });
      return acc;
    }, {}),
  ).map(([group, items]) => ({ group, items }));
  const chosen = services.data?.items.find((s) => s.id === form.values.serviceId);
  return (
    <Modal opened onClose={onClose} title={t('chain.referrals.newTitle')} size="lg">
      {(services.isPending || members.isPending) && <LoadingState />}
      {services.isError && <ErrorState error={services.error} />}
      {services.isSuccess && members.isSuccess && (
        <form noValidate onSubmit={form.onSubmit((v) => create.mutate(v))}>
          <Stack gap="sm">
            <Select
              label={t('chain.referrals.service')}
              placeholder={t('chain.referrals.servicePlaceholder')}
              required
              searchable
              data={groups}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('serviceId')}
            />
            {chosen && (
              <Text size="sm">
                {chosen.eligibility}
                {chosen.waitingDays !== null &&
                  ` · ${t('chain.referrals.waitingDays', { count: chosen.waitingDays })}`}
              </Text>
            )}
            <Select
              label={t('chain.referrals.member')}
              required
              data={[
                { value: WHOLE, label: t('chain.common.household') },
                ...members.data.items.filter((m) => !m.removed).map((m) => ({ value: m.id, label: m.name })),
              ]}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('memberId')}
            />
            <Textarea
              label={t('chain.referrals.question')}
              description={t('chain.referrals.questionHelp')}
              required
              maxLength={1000}
              autosize
              minRows={3}
              {...form.getInputProps('question')}
            />
            <Checkbox
              label={t('chain.referrals.sendNow')}
              {...form.getInputProps('send', { type: 'checkbox' })}
            />
            <FormError error={create.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('chain.common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('chain.referrals.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
