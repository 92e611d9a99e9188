import { Badge, Button, Card, Grid, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { signalsApi } from '../../api/signals.js';
import { useSession } from '../../auth/session.js';
import { formatDateTime } from '../../lib/format.js';
import { SignalHeader, SignalQueryFallback, SubjectFacts, useSignalTitle } from '../signals/SignalFacts.js';
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
  useSignalTitle(query.data, t('signals.triage.title'));
  if (!query.isSuccess) return <SignalQueryFallback query={query} />;
  const s = query.data;
  return (
    <Stack gap="lg">
      <SignalHeader
        signal={s}
        listTo="/triage"
        listTitle={t('signals.triage.title')}
        badges={
          <>
            {s.overdue && (
              <Badge variant="filled" color="red.9">
                {t('signals.triage.overdue')}
              </Badge>
            )}
            <Badge variant="filled" color="schakel.8">
              {s.outcome ? t(`signals.outcome.${s.outcome}`) : t(`signals.signalStatus.${s.status}`)}
            </Badge>
          </>
        }
      >
        <Text size="sm" mt={6}>
          {t('signals.triage.received')}: {formatDateTime(s.receivedAt)} · {t('signals.triage.due')}:{' '}
          {formatDateTime(s.dueAt)}
        </Text>
      </SignalHeader>
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
              <SubjectFacts subject={s.subject} />
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
