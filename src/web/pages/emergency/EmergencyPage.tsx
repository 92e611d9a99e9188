import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EmergencyRequest } from '../../../contracts/index.js';
import { EMERGENCY_HOURS, EMERGENCY_REASON_MIN } from '../../../domain/privacy/emergency.js';
import { isApiError } from '../../api/client.js';
import { type EmergencyAccess, emergencyApi } from '../../api/emergency.js';
import { EmptyState, ErrorState, FormError, LoadingState, usePageTitle } from '../../components/states.js';
import { formatDateTime } from '../../lib/format.js';
import { notifySuccess } from '../../lib/notify.js';
import { useIdempotencyKey } from '../../lib/useIdempotencyKey.js';
import { schemaErrors, serverFieldErrors } from '../../lib/validation.js';
import { TONE } from '../../theme.js';
import { formatTime } from './format.js';

const STATE_COLOR = { active: TONE.danger, expired: TONE.neutral, ended: TONE.neutral } as const;
const REVIEW_COLOR = { pending: TONE.warning, approved: TONE.success, followed_up: TONE.danger } as const;

function MyAccesses() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ['emergency', 'mine'], queryFn: emergencyApi.mine });
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.items.length === 0) return <EmptyState>{t('emergency.request.mineEmpty')}</EmptyState>;
  return (
    <Table.ScrollContainer
      type="native"
      tabIndex={0}
      role="region"
      aria-label={t('common.scrollTable')}
      minWidth={720}
    >
      <Table striped withTableBorder verticalSpacing="xs" fz="sm" bg="white">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('emergency.request.col.household')}</Table.Th>
            <Table.Th scope="col">{t('emergency.request.col.reason')}</Table.Th>
            <Table.Th scope="col">{t('emergency.request.col.period')}</Table.Th>
            <Table.Th scope="col">{t('emergency.request.col.state')}</Table.Th>
            <Table.Th scope="col">{t('emergency.request.col.review')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {query.data.items.map((a: EmergencyAccess) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                {a.state === 'active' && a.household.name ? (
                  <Anchor component={Link} to={`/households/${a.household.id}`}>
                    {a.household.name}
                  </Anchor>
                ) : (
                  (a.household.name ?? t('emergency.request.hiddenHousehold'))
                )}
              </Table.Td>
              <Table.Td style={{ maxWidth: 320 }}>{a.reason}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(a.startedAt)} – {formatTime(a.endedAt ?? a.expiresAt)}
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={700} c={STATE_COLOR[a.state]}>
                  {t(`emergency.state.${a.state}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={REVIEW_COLOR[a.reviewStatus]}>
                  {t(`emergency.reviewStatus.${a.reviewStatus}`)}
                </Badge>
                {a.reviewNote && (
                  <Text size="xs" mt={4}>
                    {a.reviewNote}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The noodknop: a professional opens a household at an address for a stated reason, after a clear warning. */
export function EmergencyPage() {
  const { t } = useTranslation();
  usePageTitle(t('emergency.request.title'));
  const navigate = useNavigate();
  const qc = useQueryClient();
  const idem = useIdempotencyKey();
  const form = useForm({
    initialValues: { postcode: '', houseNumber: '', reason: '' },
    validate: (values) => {
      const errors = schemaErrors(EmergencyRequest, values, t);
      if (
        errors.reason &&
        values.reason.trim().length > 0 &&
        values.reason.trim().length < EMERGENCY_REASON_MIN
      )
        errors.reason = t('emergency.request.reasonTooShort', { min: EMERGENCY_REASON_MIN });
      return errors;
    },
  });
  const start = useMutation({
    mutationFn: (values: typeof form.values) => emergencyApi.start(values, idem.key()),
    onSuccess: (started) => {
      idem.settle();
      notifySuccess(t('emergency.request.started', { time: formatTime(started.expiresAt) }));
      void qc.invalidateQueries({ queryKey: ['emergency'] });
      void qc.invalidateQueries({ queryKey: ['household', started.householdId] });
      void navigate(`/households/${started.householdId}`);
    },
    onError: (error) => {
      idem.settle(error);
      if (isApiError(error) && error.fields.length > 0) {
        const errors = serverFieldErrors(error.fields, t);
        if (errors.reason)
          errors.reason = t('emergency.request.reasonTooShort', { min: EMERGENCY_REASON_MIN });
        form.setErrors(errors);
      }
    },
  });
  const knownError =
    isApiError(start.error) && start.error.status === 404
      ? t('emergency.request.notFound')
      : isApiError(start.error) && start.error.status === 409 && /already work/.test(start.error.message)
        ? t('emergency.request.alreadyInvolved')
        : null;

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('emergency.request.title')}</Title>
        <Text>{t('emergency.request.intro')}</Text>
      </div>
      <Alert
        color={TONE.danger}
        variant="light"
        icon={<IconAlertTriangle aria-hidden />}
        title={t('emergency.request.warningTitle')}
      >
        {t('emergency.request.warning', { hours: EMERGENCY_HOURS })}
      </Alert>
      <Paper withBorder p="md" component="section" aria-labelledby="emergency-form-heading">
        <Title order={2} size="h3" id="emergency-form-heading" mb="sm">
          {t('emergency.request.submit')}
        </Title>
        <form noValidate onSubmit={form.onSubmit((values) => start.mutate(values))}>
          <Stack gap="sm">
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, xs: 6, md: 3 }}>
                <TextInput
                  label={t('emergency.request.postcode')}
                  withAsterisk
                  autoComplete="off"
                  {...form.getInputProps('postcode')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, xs: 6, md: 3 }}>
                <TextInput
                  label={t('emergency.request.houseNumber')}
                  description={t('emergency.request.houseNumberHint')}
                  withAsterisk
                  autoComplete="off"
                  {...form.getInputProps('houseNumber')}
                />
              </Grid.Col>
            </Grid>
            <Textarea
              label={t('emergency.request.reason')}
              description={t('emergency.request.reasonHint', { min: EMERGENCY_REASON_MIN })}
              withAsterisk
              autosize
              minRows={3}
              maxLength={1000}
              {...form.getInputProps('reason')}
            />
            {knownError ? (
              <Alert color={TONE.danger} variant="light" role="alert">
                {knownError}
              </Alert>
            ) : (
              start.error &&
              !(isApiError(start.error) && start.error.fields.length > 0) && <FormError error={start.error} />
            )}
            <div>
              <Button type="submit" color="red.9" loading={start.isPending}>
                {t('emergency.request.submit')}
              </Button>
            </div>
          </Stack>
        </form>
      </Paper>
      <section aria-labelledby="emergency-mine-heading">
        <Title order={2} size="h3" id="emergency-mine-heading" mb="sm">
          {t('emergency.request.mineTitle')}
        </Title>
        <MyAccesses />
      </section>
    </Stack>
  );
}
