import { Anchor, Badge, Breadcrumbs, Button, Card, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client.js';
import { type StagnationDetail, stagnationApi } from '../../api/stagnation.js';
import { OUTREACH_TYPES, RESOLUTION_TYPES } from '../../../contracts/stagnation.js';
import { ErrorState, FormError, LoadingState, usePageTitle } from '../../components/states.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { TONE } from '../../theme.js';
import { notifySuccess } from '../../lib/notify.js';
import { useIdempotencyKey } from '../../lib/useIdempotencyKey.js';
import { NotFoundPage } from '../NotFoundPage.js';
import { explain } from './labels.js';
import { ChoiceSelect, NoteField, StagnationFormModal } from './StagnationFormModal.js';

/** After a change: the stagnation as it is now, the lists refreshed, and a message. */
function useUpdated(id: string) {
  const qc = useQueryClient();
  return (message: string, then?: () => void) => (d: StagnationDetail) => {
    qc.setQueryData(['stagnation', id], d);
    void qc.invalidateQueries({ queryKey: ['stagnations'] });
    notifySuccess(message);
    then?.();
  };
}

function OutreachModal({ s, onClose }: { s: StagnationDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const updated = useUpdated(s.id);
  const idem = useIdempotencyKey();
  const [type, setType] = useState<string | null>('contacted_client');
  const [clientReasons, setClientReasons] = useState('');
  const [partnerReasons, setPartnerReasons] = useState('');
  const [note, setNote] = useState('');
  const m = useMutation({
    mutationFn: () =>
      stagnationApi.outreach(
        s.id,
        { type: type as (typeof OUTREACH_TYPES)[number], clientReasons, partnerReasons, note },
        idem.key(),
      ),
    onSettled: (_d, e) => idem.settle(e ?? undefined),
    onSuccess: updated(t('stagnation.detail.saved'), onClose),
  });
  return (
    <StagnationFormModal
      title={t('stagnation.outreachForm.title')}
      saveLabel={t('stagnation.outreachForm.save')}
      onClose={onClose}
      onSave={() => m.mutate()}
      error={m.error}
      pending={m.isPending}
    >
      <ChoiceSelect
        label={t('stagnation.outreachForm.type')}
        data={OUTREACH_TYPES.map((v) => ({ value: v, label: t(`stagnation.outreachType.${v}`) }))}
        value={type}
        onChange={setType}
      />
      <NoteField
        label={t('stagnation.outreachForm.clientReasons')}
        value={clientReasons}
        onChange={setClientReasons}
        maxLength={300}
        minRows={2}
      />
      <NoteField
        label={t('stagnation.outreachForm.partnerReasons')}
        value={partnerReasons}
        onChange={setPartnerReasons}
        maxLength={300}
        minRows={2}
      />
      <NoteField
        label={t('stagnation.outreachForm.note')}
        value={note}
        onChange={setNote}
        maxLength={4000}
        minRows={2}
      />
    </StagnationFormModal>
  );
}

function ResolveModal({ s, onClose }: { s: StagnationDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const updated = useUpdated(s.id);
  const [type, setType] = useState<string | null>('chain_moving');
  const [note, setNote] = useState('');
  const m = useMutation({
    mutationFn: () =>
      stagnationApi.resolve(s.id, { resolutionType: type as (typeof RESOLUTION_TYPES)[number], note }),
    onSuccess: updated(t('stagnation.detail.resolved'), onClose),
  });
  return (
    <StagnationFormModal
      title={t('stagnation.resolveForm.title')}
      saveLabel={t('stagnation.resolveForm.save')}
      onClose={onClose}
      onSave={() => m.mutate()}
      error={m.error}
      pending={m.isPending}
    >
      <ChoiceSelect
        label={t('stagnation.resolveForm.type')}
        data={RESOLUTION_TYPES.map((v) => ({ value: v, label: t(`stagnation.resolution.${v}`) }))}
        value={type}
        onChange={setType}
      />
      <NoteField
        label={t('stagnation.resolveForm.note')}
        value={note}
        onChange={setNote}
        required
        maxLength={4000}
        minRows={3}
      />
    </StagnationFormModal>
  );
}

/** One stagnation: what happened, the escalation so far, what was done; and the coordinator's actions. */
export function StagnationPage() {
  const { t } = useTranslation();
  const { stagnationId = '' } = useParams();
  const updated = useUpdated(stagnationId);
  const [modal, setModal] = useState<'outreach' | 'resolve' | null>(null);
  const query = useQuery({
    queryKey: ['stagnation', stagnationId],
    queryFn: () => stagnationApi.get(stagnationId),
  });
  usePageTitle(query.data ? t(`stagnation.kind.${query.data.kind}`) : t('stagnation.worklist.title'));
  const ack = useMutation({
    mutationFn: () => stagnationApi.acknowledge(stagnationId),
    onSuccess: updated(t('stagnation.detail.acknowledged')),
  });
  const up = useMutation({
    mutationFn: () => stagnationApi.escalate(stagnationId),
    onSuccess: updated(t('stagnation.detail.escalated')),
  });

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    if (isApiError(query.error) && [400, 404].includes(query.error.status)) return <NotFoundPage />;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const s = query.data;
  return (
    <Stack gap="lg">
      <Breadcrumbs aria-label={t('common.breadcrumbs')}>
        <Anchor component={Link} to="/stagnations">
          {t('stagnation.worklist.title')}
        </Anchor>
        <Text span aria-current="page">
          {t(`stagnation.kind.${s.kind}`)}
        </Text>
      </Breadcrumbs>
      <Stack gap={4}>
        <Title order={1}>{t(`stagnation.kind.${s.kind}`)}</Title>
        <Text>
          <Anchor component={Link} to={`/households/${s.household.id}`}>
            {s.household.name}
          </Anchor>
          {' · '}
          {t('stagnation.worklist.since')} {formatDate(s.since)}
        </Text>
        <Text>{explain(s, t)}</Text>
        <Group gap="xs" mt={4}>
          <Badge
            variant="filled"
            color={s.status === 'open' ? 'red.9' : s.status === 'resolved' ? TONE.success : 'gray.8'}
          >
            {t(`stagnation.status.${s.status}`)}
          </Badge>
          <Badge variant="filled" color="gray.8">
            {t(`stagnation.level.${s.levelKey}`)}
          </Badge>
          {s.overdue && (
            <Badge variant="filled" color="red.9">
              {t('stagnation.worklist.overdue')}
            </Badge>
          )}
        </Group>
        {s.nextDeadline && (
          <Text size="sm">{t('stagnation.detail.deadlineAt', { date: formatDateTime(s.nextDeadline) })}</Text>
        )}
        {s.status === 'resolved' && (
          <Text size="sm">
            {s.autoResolvedReason
              ? t(`stagnation.autoReason.${s.autoResolvedReason}`)
              : `${t(`stagnation.resolution.${s.resolutionType ?? 'other'}`)}: ${s.resolutionNote}`}
            {' · '}
            {t('stagnation.detail.resolvedOn', { date: formatDate(s.resolvedAt) })}
          </Text>
        )}
      </Stack>
      {s.can.length > 0 && (
        <Group gap="sm">
          {s.can.includes('acknowledge') && (
            <Button onClick={() => ack.mutate()} loading={ack.isPending}>
              {t('stagnation.detail.acknowledge')}
            </Button>
          )}
          {s.can.includes('outreach') && (
            <Button variant="default" onClick={() => setModal('outreach')}>
              {t('stagnation.detail.outreach')}
            </Button>
          )}
          {s.can.includes('resolve') && (
            <Button variant="default" onClick={() => setModal('resolve')}>
              {t('stagnation.detail.resolve')}
            </Button>
          )}
          {s.can.includes('escalate') && (
            <Button
              variant="default"
              color="red.9"
              onClick={() => {
                if (window.confirm(t('stagnation.detail.escalateConfirm'))) up.mutate();
              }}
              loading={up.isPending}
            >
              {t('stagnation.detail.escalate')}
            </Button>
          )}
        </Group>
      )}
      <FormError error={ack.error ?? up.error} />
      <Card withBorder>
        <Title order={2} size="h3" mb="sm">
          {t('stagnation.detail.steps')}
        </Title>
        <Timeline active={s.steps.length - 1} bulletSize={18} lineWidth={2}>
          {s.steps.map((st) => (
            <Timeline.Item key={st.id} title={t(`stagnation.level.${st.levelKey}`)}>
              <Text size="sm">
                {t('stagnation.detail.notified', {
                  name: [st.notified.name, st.notified.organisation].filter(Boolean).join(', ') || '—',
                })}
              </Text>
              <Text size="sm">
                {t('stagnation.detail.startedAt', {
                  date: formatDateTime(st.startedAt),
                  trigger: t(`stagnation.trigger.${st.trigger}`),
                })}
              </Text>
              {st.deadline && !st.endedAt && (
                <Text size="sm">
                  {t('stagnation.detail.deadlineAt', { date: formatDateTime(st.deadline) })}
                </Text>
              )}
              <Text size="sm">
                {st.acknowledgedAt
                  ? t('stagnation.detail.acknowledgedAt', { date: formatDateTime(st.acknowledgedAt) })
                  : t('stagnation.detail.notAcknowledged')}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Card>
      <Card withBorder>
        <Title order={2} size="h3" mb="sm">
          {t('stagnation.detail.outreachTitle')}
        </Title>
        {s.outreach.length === 0 ? (
          <Text>{t('stagnation.detail.noOutreach')}</Text>
        ) : (
          <Stack gap="sm">
            {s.outreach.map((o) => (
              <div key={o.id}>
                <Text fw={600}>{t(`stagnation.outreachType.${o.type}`)}</Text>
                <Text size="sm">
                  {t('stagnation.detail.by', { name: o.recordedBy.name, date: formatDateTime(o.recordedAt) })}
                </Text>
                {o.clientReasons && (
                  <Text size="sm">
                    {t('stagnation.detail.clientReasons')}: {o.clientReasons}
                  </Text>
                )}
                {o.partnerReasons && (
                  <Text size="sm">
                    {t('stagnation.detail.partnerReasons')}: {o.partnerReasons}
                  </Text>
                )}
                {o.note && (
                  <Text size="sm">
                    {t('stagnation.detail.note')}: {o.note}
                  </Text>
                )}
              </div>
            ))}
          </Stack>
        )}
      </Card>
      {modal === 'outreach' && <OutreachModal s={s} onClose={() => setModal(null)} />}
      {modal === 'resolve' && <ResolveModal s={s} onClose={() => setModal(null)} />}
    </Stack>
  );
}
