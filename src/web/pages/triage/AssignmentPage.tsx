import {
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Group,
  MultiSelect,
  Paper,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client.js';
import { type AssignmentView, signalsApi } from '../../api/signals.js';
import { ErrorState, FormError, LoadingState, usePageTitle } from '../../components/states.js';
import { formatDateTime } from '../../lib/format.js';
import { useIdempotencyKey } from '../../lib/useIdempotencyKey.js';
import { serverFieldErrors } from '../../lib/validation.js';
import { NotFoundPage } from '../NotFoundPage.js';
import { notifySuccess } from '../../lib/notify.js';

function AssignForm({ view }: { view: AssignmentView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const idem = useIdempotencyKey();
  const form = useForm({
    initialValues: {
      coordinatorId:
        view.candidates.find((c) => !c.overNorm && !c.reasons.includes('not_wanted'))?.user.id ?? '',
      reason: '',
      overNormReason: '',
      preferredUserId: view.preference.preferredUserId ?? '',
      notWantedUserIds: view.preference.notWantedUserIds,
      note: view.preference.note,
    },
  });
  useEffect(() => form.setFieldValue('reason', ''), [view.current?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const chosen = view.candidates.find((c) => c.user.id === form.values.coordinatorId);
  const everyone = [...view.candidates.map((c) => c.user), ...(view.current ? [view.current] : [])];
  const assign = useMutation({
    mutationFn: (v: typeof form.values) =>
      signalsApi.assign(
        view.household.id,
        view.household.version,
        {
          coordinatorId: v.coordinatorId,
          reason: v.reason,
          overNormReason: v.overNormReason,
          preference: {
            preferredUserId: v.preferredUserId || null,
            notWantedUserIds: v.notWantedUserIds,
            note: v.note,
          },
        },
        idem.key(),
      ),
    onSuccess: (next) => {
      idem.settle();
      client.setQueryData(['assignment', view.household.id], next);
      void client.invalidateQueries({ queryKey: ['caseloads'] });
      notifySuccess(t('signals.assignment.done', { name: next.current?.name ?? '' }));
    },
    onError: (error) => {
      idem.settle(error);
      if (isApiError(error) && error.fields.length)
        form.setErrors(serverFieldErrors(error.fields, t, { strip: 'preference.' }));
    },
  });
  return (
    <form noValidate onSubmit={form.onSubmit((v) => assign.mutate(v))}>
      <Stack gap="md">
        <Paper withBorder p="md" radius="md">
          <Radio.Group
            label={
              <Title order={2} size="h4">
                {t('signals.assignment.candidates')}
              </Title>
            }
            description={t('signals.assignment.candidatesHelp')}
            {...form.getInputProps('coordinatorId')}
          >
            <Stack gap="xs" mt="sm">
              {view.candidates.map((c) => (
                <Card key={c.user.id} withBorder padding="sm">
                  <Radio
                    value={c.user.id}
                    label={`${c.user.name} (${c.organisation.name})`}
                    description={`${t('signals.assignment.caseload', { count: c.caseload, capacity: c.capacity })} · ${c.reasons.map((r) => t(`signals.assignment.reasonsLabel.${r}`)).join(', ')}`}
                  />
                  {c.overNorm && (
                    <Badge variant="filled" color="red.9" size="sm" mt={6} ml={32}>
                      {t('signals.assignment.reasonsLabel.over_norm')}
                    </Badge>
                  )}
                </Card>
              ))}
            </Stack>
          </Radio.Group>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('signals.assignment.preference')}
            </Title>
            <Select
              label={t('signals.assignment.preferred')}
              clearable
              placeholder={t('signals.assignment.noPreference')}
              data={everyone.map((u) => ({ value: u.id, label: u.name }))}
              {...form.getInputProps('preferredUserId')}
            />
            <MultiSelect
              label={t('signals.assignment.notWanted')}
              data={everyone.map((u) => ({ value: u.id, label: u.name }))}
              {...form.getInputProps('notWantedUserIds')}
            />
            <TextInput label={t('signals.assignment.note')} maxLength={300} {...form.getInputProps('note')} />
          </Stack>
        </Paper>
        {view.current && (
          <Textarea
            label={t('signals.assignment.reason')}
            description={t('signals.assignment.reasonHelp')}
            required
            autosize
            minRows={2}
            maxLength={4000}
            {...form.getInputProps('reason')}
          />
        )}
        {chosen?.overNorm && (
          <Textarea
            label={t('signals.assignment.overNormReason')}
            description={t('signals.assignment.overNormHelp')}
            required
            autosize
            minRows={2}
            maxLength={4000}
            {...form.getInputProps('overNormReason')}
          />
        )}
        <FormError
          error={
            assign.error && !(isApiError(assign.error) && assign.error.fields.length) ? assign.error : null
          }
        />
        <Button
          type="submit"
          loading={assign.isPending}
          disabled={!form.values.coordinatorId}
          style={{ alignSelf: 'flex-start' }}
        >
          {view.current ? t('signals.assignment.switch') : t('signals.assignment.assign')}
        </Button>
      </Stack>
    </form>
  );
}

/** Assign or switch a household's coordinator: ranked suggestions, the household's preference, history. */
export function AssignmentPage() {
  const { t } = useTranslation();
  const { householdId = '' } = useParams();
  const query = useQuery({
    queryKey: ['assignment', householdId],
    queryFn: () => signalsApi.assignment(householdId),
  });
  usePageTitle(
    query.data
      ? t('signals.assignment.title', { name: query.data.household.name })
      : t('signals.assignment.assign'),
  );
  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) return <NotFoundPage />;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const v = query.data;
  return (
    <Stack gap="lg" maw={760}>
      <Breadcrumbs aria-label={t('common.breadcrumbs')}>
        <Anchor component={Link} to="/caseloads">
          {t('signals.caseloads.title')}
        </Anchor>
        <Text span aria-current="page">
          {v.household.name}
        </Text>
      </Breadcrumbs>
      <div>
        <Title order={1}>{t('signals.assignment.title', { name: v.household.name })}</Title>
        <Text mt={4} data-testid="current-coordinator">
          {v.current
            ? t('signals.assignment.current', { name: v.current.name })
            : t('signals.assignment.none')}
        </Text>
      </div>
      <AssignForm key={`${v.household.version}`} view={v} />
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4">
          {t('signals.assignment.history')}
        </Title>
        {v.history.length === 0 ? (
          <Text size="sm" mt="xs">
            {t('signals.assignment.noHistory')}
          </Text>
        ) : (
          <Stack gap="xs" mt="xs" component="ul" style={{ listStyle: 'none', padding: 0 }}>
            {v.history.map((h) => (
              <li key={h.from}>
                <Group gap="xs">
                  <Text fw={600}>{h.coordinator.name}</Text>
                  <Text size="sm">
                    {t('signals.assignment.period', {
                      from: formatDateTime(h.from),
                      to: h.to ? formatDateTime(h.to) : t('signals.assignment.now'),
                    })}{' '}
                    · {t('signals.assignment.by', { name: h.assignedBy.name })}
                  </Text>
                </Group>
                {h.reason && <Text size="sm">{h.reason}</Text>}
                {h.overNormReason && (
                  <Text size="sm">
                    {t('signals.caseloads.overNorm')}: {h.overNormReason}
                  </Text>
                )}
              </li>
            ))}
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
