import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralAction, ReferralStatus } from '../../../contracts/chain.js';
import { api } from '../../api/endpoints.js';
import { formatDate, formatDateOnly, formatDateTime } from '../../lib/format.js';
import { useIdempotencyKey } from '../../lib/useIdempotencyKey.js';
import { FormError } from '../states.js';
import { chainApi, type Referral } from './api.js';

const STATUS_COLOR: Record<ReferralStatus, string> = {
  draft: '#343a40',
  sent: '#1a5aa3',
  received: '#1a5aa3',
  accepted: '#1d6b30',
  waitlisted: '#9a3d00',
  started: '#1d6b30',
  completed: '#1d6b30',
  declined: '#b02525',
  stopped: '#b02525',
  withdrawn: '#343a40',
};

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return <Badge color={STATUS_COLOR[status]}>{t(`chain.status.${status}`)}</Badge>;
}

/** One referral with its whole history, and the steps the viewer may take. */
export function ReferralCard({
  referral,
  memberName,
}: {
  referral: Referral;
  memberName?: string | undefined;
}) {
  const { t } = useTranslation();
  const [acting, setActing] = useState<ReferralAction | null>(null);
  const phone = referral.client.phone;
  return (
    <Card
      withBorder
      component="article"
      aria-label={`${referral.service.name}: ${referral.client.name}`}
      padding="md"
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start">
          <Stack gap={0}>
            <Text fw={700}>{referral.service.name}</Text>
            <Text size="sm">{referral.service.organisation.name}</Text>
          </Stack>
          <ReferralStatusBadge status={referral.status} />
        </Group>
        <dl className="facts">
          <dt>{t('chain.referrals.client')}</dt>
          <dd>
            {memberName ?? referral.client.name}
            {referral.client.dateOfBirth &&
              ` · ${t('chain.referrals.born')} ${formatDateOnly(referral.client.dateOfBirth)}`}
            {referral.side === 'receiver' && phone && (
              <>
                {' · '}
                <Anchor fz="inherit" href={`tel:${phone.replace(/[^+0-9]/g, '')}`}>
                  {phone}
                </Anchor>
              </>
            )}
          </dd>
          {referral.question !== undefined && (
            <>
              <dt>{t('chain.referrals.question')}</dt>
              <dd>{referral.question}</dd>
            </>
          )}
          <dt>{t('chain.referrals.sender')}</dt>
          <dd>
            {referral.sender.name} ({referral.sender.organisation.name})
            {referral.sender.phone && ` · ${referral.sender.phone}`}
          </dd>
          {referral.receiver && (
            <>
              <dt>{t('chain.referrals.receiver')}</dt>
              <dd>
                {referral.receiver.name}
                {referral.receiver.phone && ` · ${referral.receiver.phone}`}
              </dd>
            </>
          )}
          {referral.expectedStart && referral.status === 'waitlisted' && (
            <>
              <dt>{t('chain.referrals.expectedStart')}</dt>
              <dd>{formatDateOnly(referral.expectedStart)}</dd>
            </>
          )}
          {referral.reason && (
            <>
              <dt>{t('chain.referrals.reason')}</dt>
              <dd>{referral.reason}</dd>
            </>
          )}
        </dl>
        <details>
          <summary>
            {t('chain.referrals.steps')} ({referral.steps.length})
          </summary>
          <List size="sm" mt={4}>
            {referral.steps.map((s, i) => (
              <List.Item key={i}>
                {t('chain.referrals.stepBy', {
                  status: t(`chain.status.${s.toStatus}`),
                  by: s.by.name,
                  at: formatDateTime(s.at),
                })}
                {s.note && ` — ${s.note}`}
              </List.Item>
            ))}
          </List>
        </details>
        {referral.can.length > 0 && (
          <Group gap="xs" mt={4}>
            {referral.can.map((a) => (
              <Button
                key={a}
                size="xs"
                variant={a === 'decline' || a === 'withdraw' || a === 'stop' ? 'default' : 'filled'}
                onClick={() => setActing(a)}
              >
                {t(`chain.action.${a}`)}
              </Button>
            ))}
          </Group>
        )}
        {referral.sentAt && (
          <Text size="xs">
            {t('chain.status.sent')}: {formatDate(referral.sentAt)}
          </Text>
        )}
      </Stack>
      {acting && <StepModal referral={referral} action={acting} onClose={() => setActing(null)} />}
    </Card>
  );
}

function StepModal({
  referral,
  action,
  onClose,
}: {
  referral: Referral;
  action: ReferralAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const idem = useIdempotencyKey();
  const [reason, setReason] = useState('');
  const [expectedStart, setExpectedStart] = useState('');
  const [receiverId, setReceiverId] = useState<string | null>(null);
  const [firstContactAt, setFirstContactAt] = useState('');
  const colleagues = useQuery({
    queryKey: ['professionals'],
    queryFn: api.professionals.list,
    enabled: action === 'accept',
  });
  const step = useMutation({
    mutationFn: () =>
      chainApi.referrals.step(
        referral.id,
        referral.version,
        {
          action,
          ...(reason.trim() ? { reason: reason.trim() } : {}),
          ...(expectedStart ? { expectedStart } : {}),
          ...(receiverId ? { receiverId } : {}),
          ...(firstContactAt ? { firstContactAt: new Date(firstContactAt).toISOString() } : {}),
        },
        idem.key(),
      ),
    onSuccess: (updated) => {
      idem.settle();
      void queryClient.invalidateQueries({ queryKey: ['referrals'] });
      void queryClient.invalidateQueries({ queryKey: ['involved'] });
      void queryClient.invalidateQueries({ queryKey: ['chain-contacts'] });
      notifications.show({
        color: 'green',
        message: t('chain.referrals.stepped', { status: t(`chain.status.${updated.status}`) }),
      });
      onClose();
    },
    onError: (e) => idem.settle(e),
  });
  const sameOrg = (colleagues.data?.items ?? []).filter(
    (p) => p.organisation.id === referral.service.organisation.id,
  );
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('chain.referrals.stepTitle', {
        action: t(`chain.action.${action}`),
        name: referral.client.name,
      })}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          step.mutate();
        }}
      >
        <Stack gap="sm">
          {(action === 'decline' || action === 'stop' || action === 'withdraw') && (
            <Textarea
              label={t('chain.referrals.reasonLabel')}
              required
              maxLength={300}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
          )}
          {action === 'waitlist' && (
            <TextInput
              type="date"
              label={t('chain.referrals.expectedStartLabel')}
              required
              value={expectedStart}
              onChange={(e) => setExpectedStart(e.currentTarget.value)}
            />
          )}
          {action === 'accept' && sameOrg.length > 0 && (
            <Select
              label={t('chain.referrals.receiverLabel')}
              data={sameOrg.map((p) => ({ value: p.id, label: p.name }))}
              value={receiverId}
              onChange={setReceiverId}
              clearable
              comboboxProps={{ withinPortal: true }}
            />
          )}
          {action === 'start' && (
            <TextInput
              type="datetime-local"
              label={t('chain.referrals.firstContactAt')}
              value={firstContactAt}
              onChange={(e) => setFirstContactAt(e.currentTarget.value)}
            />
          )}
          <FormError error={step.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('chain.common.cancel')}
            </Button>
            <Button type="submit" loading={step.isPending}>
              {t('chain.referrals.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
