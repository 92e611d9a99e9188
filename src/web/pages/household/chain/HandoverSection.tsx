import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Household } from '../../../api/endpoints.js';
import { chainApi, type Handover, type InvolvedOverview } from '../../../components/chain/api.js';
import { ErrorState, FormError } from '../../../components/states.js';
import { formatDateTime } from '../../../lib/format.js';
import { useIdempotencyKey } from '../../../lib/useIdempotencyKey.js';

const toLocal = (iso: string | null) =>
  iso
    ? new Date(new Date(iso).getTime() - new Date(iso).getTimezoneOffset() * 60_000)
        .toISOString()
        .slice(0, 16)
    : '';
const fromLocal = (v: string) => (v ? new Date(v).toISOString() : null);

/** Warm handovers: joint meeting, handover letter with early-warning plan, and ending the sending involvement. */
export function HandoverSection({
  household,
  overview,
}: {
  household: Household;
  overview: InvolvedOverview;
}) {
  const { t } = useTranslation();
  const [planning, setPlanning] = useState(false);
  const list = useQuery({
    queryKey: ['involved', household.id, 'handovers'],
    queryFn: () => chainApi.handovers.list(household.id),
  });
  const mine = overview.items.filter(
    (i) => i.relation === 'partner' && (i.isMe || household.relation === 'coordinator'),
  );
  const openReferrals = overview.referrals.filter((r) =>
    ['sent', 'received', 'accepted', 'waitlisted', 'started'].includes(r.status),
  );
  const canPlan = household.can.includes('handover.write') && mine.length > 0 && openReferrals.length > 0;
  return (
    <Stack gap="sm" component="section" aria-labelledby="handover-heading">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2} size="h3" id="handover-heading">
            {t('chain.handover.title')}
          </Title>
          <Text size="sm">{t('chain.handover.intro')}</Text>
        </Stack>
        {household.can.includes('handover.write') && (
          <Button variant="default" disabled={!canPlan} onClick={() => setPlanning(true)}>
            {t('chain.handover.plan')}
          </Button>
        )}
      </Group>
      {household.can.includes('handover.write') && !canPlan && (
        <Text size="sm">{t('chain.handover.noCandidates')}</Text>
      )}
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && list.data.items.length === 0 && <Text size="sm">{t('chain.handover.empty')}</Text>}
      {list.isSuccess &&
        list.data.items.map((h) => <HandoverCard key={h.id} householdId={household.id} handover={h} />)}
      {planning && (
        <Modal opened onClose={() => setPlanning(false)} title={t('chain.handover.planTitle')} size="lg">
          <PlanForm
            householdId={household.id}
            overview={overview}
            involvements={mine}
            referrals={openReferrals}
            onClose={() => setPlanning(false)}
          />
        </Modal>
      )}
    </Stack>
  );
}

function PlanForm({
  householdId,
  involvements,
  referrals,
  onClose,
}: {
  householdId: string;
  overview: InvolvedOverview;
  involvements: InvolvedOverview['items'];
  referrals: InvolvedOverview['referrals'];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const idem = useIdempotencyKey();
  const form = useForm({
    initialValues: {
      fromInvolvementId: involvements[0]?.id ?? '',
      referralId: referrals[0]?.id ?? '',
      meetingAt: '',
      meetingPlace: '',
    },
  });
  const create = useMutation({
    mutationFn: (v: typeof form.values) =>
      chainApi.handovers.create(householdId, { ...v, meetingAt: fromLocal(v.meetingAt) }, idem.key()),
    onSuccess: () => {
      idem.settle();
      void queryClient.invalidateQueries({ queryKey: ['involved', householdId] });
      notifications.show({ color: 'green', message: t('chain.handover.saved') });
      onClose();
    },
    onError: (e) => idem.settle(e),
  });
  return (
    <form noValidate onSubmit={form.onSubmit((v) => create.mutate(v))}>
      <Stack gap="sm">
        <Select
          label={t('chain.handover.from')}
          required
          data={involvements.map((i) => ({
            value: i.id,
            label: `${i.professional.name} – ${i.service?.name ?? i.description ?? i.organisation.name}`,
          }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('fromInvolvementId')}
        />
        <Select
          label={t('chain.handover.to')}
          required
          data={referrals.map((r) => ({
            value: r.id,
            label: `${r.service.name} (${r.client.name}) – ${t(`chain.status.${r.status}`)}`,
          }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('referralId')}
        />
        <Group grow>
          <TextInput
            type="datetime-local"
            label={t('chain.handover.meetingAt')}
            {...form.getInputProps('meetingAt')}
          />
          <TextInput
            label={t('chain.handover.meetingPlace')}
            maxLength={120}
            {...form.getInputProps('meetingPlace')}
          />
        </Group>
        <FormError error={create.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('chain.common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('chain.handover.plan')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function HandoverCard({ householdId, handover: h }: { householdId: string; handover: Handover }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const idem = useIdempotencyKey();
  const [ending, setEnding] = useState(false);
  const [reason, setReason] = useState('');
  const form = useForm({
    initialValues: {
      meetingAt: toLocal(h.meetingAt),
      meetingPlace: h.meetingPlace,
      meetingHeld: h.meetingHeld,
      summary: h.summary,
      warningSigns: h.warningSigns,
      whatToDo: h.whatToDo,
      whomToCall: h.whomToCall,
      crisisAgreements: h.crisisAgreements,
    },
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['involved', householdId] });
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      chainApi.handovers.update(householdId, h.id, h.version, { ...v, meetingAt: fromLocal(v.meetingAt) }),
    onSuccess: () => {
      refresh();
      notifications.show({ color: 'green', message: t('chain.handover.saved') });
    },
  });
  const complete = useMutation({
    mutationFn: () =>
      chainApi.handovers.complete(
        householdId,
        h.id,
        h.version,
        reason.trim() ? { reason: reason.trim() } : {},
        idem.key(),
      ),
    onSuccess: () => {
      idem.settle();
      refresh();
      void queryClient.invalidateQueries({ queryKey: ['household', householdId] });
      notifications.show({ color: 'green', message: t('chain.handover.completed') });
      setEnding(false);
    },
    onError: (e) => idem.settle(e),
  });
  const started = h.referral.status === 'started' || h.referral.status === 'completed';
  const ro = !h.canEdit;
  return (
    <Card
      withBorder
      padding="md"
      component="article"
      aria-label={`${t('chain.handover.title')}: ${h.from.professional.name} → ${h.referral.service.name}`}
    >
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={700}>
            {t('chain.handover.fromLabel')} {h.from.professional.name} ({h.from.organisation.name})
          </Text>
          <Badge color={h.status === 'open' ? '#9a3d00' : '#1d6b30'}>
            {t(`chain.handover.status.${h.status}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {t('chain.handover.newCare', {
            service: h.referral.service.name,
            organisation: h.referral.organisation.name,
            status: t(`chain.status.${h.referral.status}`),
          })}
        </Text>
        {h.endReason && <Text size="sm">{t('chain.handover.endedReason', { reason: h.endReason })}</Text>}
        {h.meetingAt && ro && (
          <Text size="sm">
            {t('chain.handover.meetingAt')}: {formatDateTime(h.meetingAt)} {h.meetingPlace}
          </Text>
        )}
        <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
          <fieldset disabled={ro} style={{ border: 0, padding: 0, margin: 0 }}>
            <Stack gap="xs">
              {!ro && (
                <Group grow>
                  <TextInput
                    type="datetime-local"
                    label={t('chain.handover.meetingAt')}
                    {...form.getInputProps('meetingAt')}
                  />
                  <TextInput
                    label={t('chain.handover.meetingPlace')}
                    maxLength={120}
                    {...form.getInputProps('meetingPlace')}
                  />
                </Group>
              )}
              <Checkbox
                label={t('chain.handover.meetingHeld')}
                {...form.getInputProps('meetingHeld', { type: 'checkbox' })}
              />
              <Title order={3} size="h5">
                {t('chain.handover.letter')}
              </Title>
              <Textarea
                label={t('chain.handover.summary')}
                autosize
                minRows={2}
                maxLength={4000}
                {...form.getInputProps('summary')}
              />
              <Textarea
                label={t('chain.handover.warningSigns')}
                autosize
                minRows={2}
                maxLength={4000}
                {...form.getInputProps('warningSigns')}
              />
              <Textarea
                label={t('chain.handover.whatToDo')}
                autosize
                minRows={2}
                maxLength={4000}
                {...form.getInputProps('whatToDo')}
              />
              <TextInput
                label={t('chain.handover.whomToCall')}
                maxLength={300}
                {...form.getInputProps('whomToCall')}
              />
              <Textarea
                label={t('chain.handover.crisisAgreements')}
                autosize
                minRows={2}
                maxLength={4000}
                {...form.getInputProps('crisisAgreements')}
              />
              <FormError error={save.error} />
              {!ro && (
                <Group justify="flex-end">
                  <Button variant="default" onClick={() => setEnding(true)}>
                    {t('chain.handover.complete')}
                  </Button>
                  <Button type="submit" loading={save.isPending}>
                    {t('chain.handover.save')}
                  </Button>
                </Group>
              )}
            </Stack>
          </fieldset>
        </form>
      </Stack>
      {ending && (
        <Modal opened onClose={() => setEnding(false)} title={t('chain.handover.completeTitle')}>
          <Stack gap="sm">
            <Text>
              {t(started ? 'chain.handover.completeStarted' : 'chain.handover.completeNotStarted', {
                service: h.referral.service.name,
              })}
            </Text>
            {!started && (
              <Textarea
                label={t('chain.handover.reason')}
                required
                maxLength={300}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
              />
            )}
            <FormError error={complete.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEnding(false)}>
                {t('chain.common.cancel')}
              </Button>
              <Button color="#b02525" loading={complete.isPending} onClick={() => complete.mutate()}>
                {t('chain.handover.complete')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Card>
  );
}
