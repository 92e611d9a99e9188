import {
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Grid,
  Group,
  Paper,
  Radio,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client.js';
import { signalsApi } from '../../api/signals.js';
import { useSession } from '../../auth/session.js';
import { ErrorState, LoadingState, usePageTitle } from '../../components/states.js';
import { formatDateOnly, formatDateTime } from '../../lib/format.js';
import { NotFoundPage } from '../NotFoundPage.js';
import { DecisionForm } from './DecisionForm.js';

/** One signal: what was reported, candidate matches to confirm, and the decision. Text is shown as text. */
export function TriageSignalPage() {
  const { t } = useTranslation();
  const { signalId = '' } = useParams();
  const { can } = useSession();
  const query = useQuery({
    queryKey: ['triage-signal', signalId],
    queryFn: () => signalsApi.signal(signalId),
  });
  const [match, setMatch] = useState<string>('new');
  usePageTitle(
    query.data ? `${query.data.subjectName} · ${query.data.referenceCode}` : t('signals.triage.title'),
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
        <Anchor component={Link} to="/triage">
          {t('signals.triage.title')}
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
          {s.overdue && (
            <Badge variant="filled" color="red.9">
              {t('signals.triage.overdue')}
            </Badge>
          )}
          <Badge variant="filled" color="schakel.8">
            {s.outcome ? t(`signals.outcome.${s.outcome}`) : t(`signals.signalStatus.${s.status}`)}
          </Badge>
        </Group>
        <Text size="sm" mt={6}>
          {t('signals.triage.received')}: {formatDateTime(s.receivedAt)} · {t('signals.triage.due')}:{' '}
          {formatDateTime(s.dueAt)}
        </Text>
      </div>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Paper withBorder p="md" radius="md">
              <Title order={2} size="h4">
                {t('signals.triage.concern')}
              </Title>
              <Text mt="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {s.concern}
              </Text>
            </Paper>
            <Paper withBorder p="md" radius="md">
              <Title order={2} size="h4">
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
              <Title order={2} size="h4" mt="md">
                {t('signals.triage.signaller')}
              </Title>
              <Text mt="xs">{s.signaller.name}</Text>
              {s.signaller.email && <Text size="sm">{s.signaller.email}</Text>}
              {s.signaller.phone && <Text size="sm">{s.signaller.phone}</Text>}
              <Text size="sm">{t(`signals.source.${s.source}`)}</Text>
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            {s.decision ? (
              <Paper withBorder p="md" radius="md">
                <Title order={2} size="h4">
                  {t('signals.triage.decision')}
                </Title>
                <Text mt="xs" fw={600}>
                  {t(`signals.outcome.${s.decision.outcome}`)}
                </Text>
                {s.decision.pyramidCategory !== null && (
                  <Text size="sm">{t(`pyramid.short.${s.decision.pyramidCategory}`)}</Text>
                )}
                {s.decision.referredTo && (
                  <Text size="sm">
                    {t('signals.triage.referTo')}: {s.decision.referredTo.name}
                  </Text>
                )}
                {s.decision.outcome === 'regular' && (
                  <Text size="sm" fw={600}>
                    {s.decision.pickedUp
                      ? t('signals.pickedUpBy', {
                          organisation: s.decision.pickedUp.organisation,
                          name: s.decision.pickedUp.by.name,
                          date: formatDateTime(s.decision.pickedUp.at),
                        })
                      : t('signals.notPickedUp')}
                  </Text>
                )}
                <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
                  {s.decision.reasons}
                </Text>
                <Text size="xs" mt="xs">
                  {t('signals.triage.decidedBy', {
                    name: s.decision.decidedBy.name,
                    date: formatDateTime(s.decision.decidedAt),
                  })}
                </Text>
                {s.household && can('coordinator.assign') && (
                  <Button component={Link} to={`/assignment/${s.household.id}`} mt="md" variant="light">
                    {t('signals.triage.assign')}
                  </Button>
                )}
              </Paper>
            ) : (
              <>
                <Paper withBorder p="md" radius="md">
                  <Radio.Group
                    label={
                      <Title order={2} size="h4">
                        {t('signals.triage.candidates')}
                      </Title>
                    }
                    description={t('signals.triage.candidatesHelp')}
                    value={match}
                    onChange={setMatch}
                  >
                    <Stack gap="xs" mt="sm">
                      {s.candidates.length === 0 && <Text size="sm">{t('signals.triage.noCandidates')}</Text>}
                      {s.candidates.map((c) => (
                        <Card key={c.householdId} withBorder padding="sm">
                          <Radio
                            value={c.householdId}
                            label={`${t('signals.triage.confirm')}: ${c.name}${c.city ? `, ${c.city}` : ''}`}
                            description={[
                              t('signals.triage.matchOn', {
                                reasons: c.reasons.map((r) => t(`signals.triage.reason.${r}`)).join(', '),
                              }),
                              c.matchedMember
                                ? t('signals.triage.matchMember', { name: c.matchedMember })
                                : '',
                            ]
                              .filter(Boolean)
                              .join(' · ')}
                          />
                        </Card>
                      ))}
                      <Radio value="new" label={t('signals.triage.newHousehold')} />
                    </Stack>
                  </Radio.Group>
                </Paper>
                <DecisionForm signal={s} householdId={match === 'new' ? null : match} />
              </>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
