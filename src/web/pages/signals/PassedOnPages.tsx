import { Anchor, Badge, Breadcrumbs, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client.js';
import { signalsApi } from '../../api/signals.js';
import { EmptyState, ErrorState, FormError, LoadingState, usePageTitle } from '../../components/states.js';
import { formatDateOnly, formatDateTime } from '../../lib/format.js';
import { notifySuccess } from '../../lib/notify.js';
import { NotFoundPage } from '../NotFoundPage.js';

/** Signals passed on to the user's organisation (regular route): a list, newest first. */
export function PassedOnListPage() {
  const { t } = useTranslation();
  usePageTitle(t('signals.passedOn.title'));
  const query = useQuery({ queryKey: ['passed-on'], queryFn: signalsApi.passedOn });
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('signals.passedOn.title')}</Title>
        <Text mt={6}>{t('signals.passedOn.intro')}</Text>
      </div>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState>{t('signals.passedOn.empty')}</EmptyState>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('signals.passedOn.about')}</Table.Th>
              <Table.Th scope="col">{t('signals.passedOn.code')}</Table.Th>
              <Table.Th scope="col">{t('signals.passedOn.passedOnAt')}</Table.Th>
              <Table.Th scope="col">{t('signals.passedOn.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data.items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/passed-on/${s.id}`}>
                    {s.subjectName}
                  </Anchor>
                  {s.urgency === 'urgent' && (
                    <Badge ml="xs" variant="filled" color="#9c3d00">
                      {t('signals.urgency.urgent')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{s.referenceCode}</Table.Td>
                <Table.Td>{formatDateTime(s.decidedAt)}</Table.Td>
                <Table.Td>
                  {s.pickedUpAt ? t('signals.passedOn.pickedUp') : t('signals.passedOn.new')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** One signal passed on: who reported it and how to reach them, about whom, the concern, and why it came here. */
export function PassedOnSignalPage() {
  const { t } = useTranslation();
  const { signalId = '' } = useParams();
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['passed-on', signalId],
    queryFn: () => signalsApi.passedOnSignal(signalId),
  });
  const pickUp = useMutation({
    mutationFn: (version: number) => signalsApi.pickUp(signalId, version),
    onSuccess: (d) => {
      notifySuccess(t('signals.passedOn.pickedUpToast'));
      client.setQueryData(['passed-on', signalId], d);
      void client.invalidateQueries({ queryKey: ['passed-on'], exact: true });
    },
  });
  usePageTitle(
    query.data ? `${query.data.subjectName} · ${query.data.referenceCode}` : t('signals.passedOn.title'),
  );
  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) return <NotFoundPage />;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const s = query.data;
  const address = [
    [s.subject.address.street, s.subject.address.houseNumber].filter(Boolean).join(' '),
    [s.subject.address.postcode, s.subject.address.city].filter(Boolean).join(' '),
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <Stack gap="lg">
      <Breadcrumbs aria-label={t('common.breadcrumbs')}>
        <Anchor component={Link} to="/passed-on">
          {t('signals.passedOn.title')}
        </Anchor>
        <Text span aria-current="page">
          {s.referenceCode}
        </Text>
      </Breadcrumbs>
      <div>
        <Title order={1}>{s.subjectName}</Title>
        <Group gap="xs" mt={6}>
          <Badge variant="filled" color={s.urgency === 'urgent' ? '#9c3d00' : 'gray.8'}>
            {t(`signals.urgency.${s.urgency}`)}
          </Badge>
          <Badge variant="filled" color="schakel.8">
            {s.pickedUpAt ? t('signals.passedOn.pickedUp') : t('signals.passedOn.new')}
          </Badge>
        </Group>
        <Text size="sm" mt={6}>
          {t('signals.passedOn.decidedBy', { name: s.decidedBy.name, date: formatDateTime(s.decidedAt) })}
        </Text>
      </div>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4">
          {t('signals.passedOn.signaller')}
        </Title>
        <Text mt="xs">{s.signaller.name}</Text>
        {s.signaller.organisation && <Text size="sm">{s.signaller.organisation}</Text>}
        {s.signaller.email && (
          <Text size="sm">
            <Anchor href={`mailto:${s.signaller.email}`}>{s.signaller.email}</Anchor>
          </Text>
        )}
        {s.signaller.phone && <Text size="sm">{s.signaller.phone}</Text>}
        {!s.signaller.email && !s.signaller.phone && !s.signaller.organisation && (
          <Text size="sm">{t('signals.passedOn.noContact')}</Text>
        )}
        <Title order={2} size="h4" mt="md">
          {t('signals.triage.subjectDetails')}
        </Title>
        <Text mt="xs">{s.subject.name}</Text>
        <Text size="sm">
          {t('signals.triage.dob')}:{' '}
          {s.subject.dateOfBirth ? formatDateOnly(s.subject.dateOfBirth) : t('signals.triage.unknown')}
        </Text>
        <Text size="sm">
          {t('signals.triage.address')}: {address || t('signals.triage.unknown')}
        </Text>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4">
          {t('signals.passedOn.concern')}
        </Title>
        <Text mt="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {s.concern}
        </Text>
        <Title order={2} size="h4" mt="md">
          {t('signals.passedOn.reasons')}
        </Title>
        <Text mt="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {s.reasons}
        </Text>
      </Paper>
      {s.pickedUpAt ? (
        <Text>
          {t('signals.passedOn.pickedUpBy', {
            name: s.pickedUpBy?.name ?? '',
            date: formatDateTime(s.pickedUpAt),
          })}
        </Text>
      ) : (
        <div>
          {pickUp.isError && <FormError error={pickUp.error} />}
          <Button onClick={() => pickUp.mutate(s.version)} loading={pickUp.isPending}>
            {t('signals.passedOn.pickUp')}
          </Button>
        </div>
      )}
    </Stack>
  );
}
