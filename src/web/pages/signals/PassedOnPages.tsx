import { Anchor, Badge, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { signalsApi } from '../../api/signals.js';
import { EmptyState, ErrorState, FormError, LoadingState, usePageTitle } from '../../components/states.js';
import { formatDateTime } from '../../lib/format.js';
import { notifySuccess } from '../../lib/notify.js';
import { SignalHeader, SignalQueryFallback, SubjectFacts, useSignalTitle } from './SignalFacts.js';

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
  useSignalTitle(query.data, t('signals.passedOn.title'));
  if (!query.isSuccess) return <SignalQueryFallback query={query} />;
  const s = query.data;
  return (
    <Stack gap="lg">
      <SignalHeader
        signal={s}
        listTo="/passed-on"
        listTitle={t('signals.passedOn.title')}
        badges={
          <Badge variant="filled" color="schakel.8">
            {s.pickedUpAt ? t('signals.passedOn.pickedUp') : t('signals.passedOn.new')}
          </Badge>
        }
      >
        <Text size="sm" mt={6}>
          {t('signals.passedOn.decidedBy', { name: s.decidedBy.name, date: formatDateTime(s.decidedAt) })}
        </Text>
      </SignalHeader>
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
        <SubjectFacts subject={s.subject} mt="md" />
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
