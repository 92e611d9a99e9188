import {
  Badge,
  Button,
  Paper,
  Radio,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.js';
import { api } from '../../api/endpoints.js';
import { signalsApi } from '../../api/signals.js';
import { EmptyState, ErrorState, FormError, LoadingState, usePageTitle } from '../../components/states.js';
import { formatDateTime, parseDateInput } from '../../lib/format.js';
import { useIdempotencyKey } from '../../lib/useIdempotencyKey.js';
import { serverFieldErrors } from '../../lib/validation.js';
import { notifySuccess } from '../../lib/notify.js';

/** A professional passes a signal on (about a household they see, or someone new) and follows its status. */
export function ProfessionalSignalsPage() {
  const { t } = useTranslation();
  usePageTitle(t('signals.nav.report'));
  const client = useQueryClient();
  const idem = useIdempotencyKey();
  const households = useQuery({ queryKey: ['households'], queryFn: () => api.households.list() });
  const mine = useQuery({ queryKey: ['signals-mine'], queryFn: signalsApi.mine });
  const form = useForm({
    initialValues: {
      householdId: '',
      name: '',
      dateOfBirth: '',
      concern: '',
      urgency: 'normal' as 'normal' | 'urgent',
    },
    validate: {
      name: (v, all) => (all.householdId || v.trim() ? null : t('validation.required')),
      concern: (v) => (v.trim().length >= 10 ? null : t('signals.public.concernHelp')),
      dateOfBirth: (v) => (v.trim() === '' || parseDateInput(v) ? null : t('validation.invalid.dateOfBirth')),
    },
  });
  const submit = useMutation({
    mutationFn: (v: typeof form.values) =>
      signalsApi.submit(
        {
          householdId: v.householdId || null,
          subject: v.householdId
            ? null
            : { name: v.name, dateOfBirth: v.dateOfBirth ? parseDateInput(v.dateOfBirth) : null },
          concern: v.concern,
          urgency: v.urgency,
        },
        idem.key(),
      ),
    onSuccess: (s) => {
      idem.settle();
      form.reset();
      notifySuccess(`${t('signals.public.thanksTitle')} (${s.referenceCode})`);
      void client.invalidateQueries({ queryKey: ['signals-mine'] });
    },
    onError: (error) => {
      idem.settle(error);
      if (isApiError(error) && error.fields.length)
        form.setErrors(serverFieldErrors(error.fields, t, { strip: 'subject.' }));
    },
  });
  return (
    <Stack gap="lg" maw={760}>
      <Title order={1}>{t('signals.nav.report')}</Title>
      <Paper withBorder p="md" radius="md">
        <form noValidate onSubmit={form.onSubmit((v) => submit.mutate(v))}>
          <Stack gap="sm">
            <Select
              label={t('signals.triage.household')}
              clearable
              searchable
              placeholder={t('signals.triage.newHousehold')}
              data={(households.data?.items ?? []).map((h) => ({ value: h.id, label: h.name }))}
              {...form.getInputProps('householdId')}
            />
            {!form.values.householdId && (
              <>
                <TextInput
                  label={t('signals.public.subjectName')}
                  required
                  maxLength={120}
                  {...form.getInputProps('name')}
                />
                <TextInput
                  label={t('signals.public.subjectDob')}
                  placeholder="dd-mm-jjjj"
                  maxLength={10}
                  {...form.getInputProps('dateOfBirth')}
                />
              </>
            )}
            <Textarea
              label={t('signals.public.concern')}
              description={t('signals.public.concernHelp')}
              required
              autosize
              minRows={3}
              maxLength={4000}
              {...form.getInputProps('concern')}
            />
            <Radio.Group label={t('signals.public.urgency')} required {...form.getInputProps('urgency')}>
              <Stack gap="xs" mt="xs">
                <Radio value="urgent" label={t('signals.public.urgent')} />
                <Radio value="normal" label={t('signals.public.normal')} />
              </Stack>
            </Radio.Group>
            <FormError
              error={
                submit.error && !(isApiError(submit.error) && submit.error.fields.length)
                  ? submit.error
                  : null
              }
            />
            <Button type="submit" loading={submit.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('signals.public.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
      <Title order={2} size="h3">
        {t('signals.triage.status')}
      </Title>
      {mine.isPending ? (
        <LoadingState />
      ) : mine.isError ? (
        <ErrorState error={mine.error} />
      ) : mine.data.items.length === 0 ? (
        <EmptyState>{t('signals.triage.empty')}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('signals.triage.subject')}</Table.Th>
                <Table.Th scope="col">{t('signals.triage.code')}</Table.Th>
                <Table.Th scope="col">{t('signals.triage.received')}</Table.Th>
                <Table.Th scope="col">{t('signals.triage.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mine.data.items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.subjectName}</Table.Td>
                  <Table.Td>{s.referenceCode}</Table.Td>
                  <Table.Td>{formatDateTime(s.receivedAt)}</Table.Td>
                  <Table.Td>
                    <Badge
                      variant="filled"
                      color={
                        s.status === 'picked_up' ? '#1e6b30' : s.status === 'closed' ? 'gray.8' : 'blue.9'
                      }
                    >
                      {t(`signals.signalStatus.${s.status}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="sm">{t('signals.public.privacy')}</Text>
    </Stack>
  );
}
