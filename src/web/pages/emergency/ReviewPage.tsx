import { Badge, Button, Card, Group, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type EmergencyReviewItem, emergencyApi } from '../../api/emergency.js';
import { EmptyState, ErrorState, FormError, LoadingState, usePageTitle } from '../../components/states.js';
import { formatDateTime } from '../../lib/format.js';
import { notifySuccess } from '../../lib/notify.js';
import { TONE } from '../../theme.js';
import { formatTime } from './format.js';

const REVIEW_COLOR = { pending: TONE.warning, approved: TONE.success, followed_up: TONE.danger } as const;

function ReviewCard({ item }: { item: EmergencyReviewItem }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [note, setNote] = useState(item.reviewNote);
  const [noteError, setNoteError] = useState<string | null>(null);
  const done = () => void qc.invalidateQueries({ queryKey: ['emergency-review'] });
  const review = useMutation({
    mutationFn: (decision: 'approved' | 'follow_up') =>
      emergencyApi.review(item.id, item.version, { decision, note }),
    onSuccess: (r) => {
      notifySuccess(
        r.reviewStatus === 'approved' ? t('emergency.review.approved') : t('emergency.review.followedUp'),
      );
      done();
    },
  });
  const end = useMutation({
    mutationFn: () => emergencyApi.end(item.id),
    onSuccess: () => {
      notifySuccess(t('emergency.review.ended'));
      done();
    },
  });
  const titleId = `review-${item.id}`;
  const noteId = `review-note-${item.id}`;
  return (
    <Card withBorder component="article" aria-labelledby={titleId} padding="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Title order={2} size="h4" id={titleId}>
            {t('emergency.review.who', { name: item.user.name, organisation: item.organisation.name })}
          </Title>
          <Group gap="xs">
            <Badge color={item.state === 'active' ? TONE.danger : TONE.neutral}>
              {t(`emergency.state.${item.state}`)}
            </Badge>
            <Badge color={REVIEW_COLOR[item.reviewStatus]}>
              {t(`emergency.reviewStatus.${item.reviewStatus}`)}
            </Badge>
          </Group>
        </Group>
        <dl
          style={{
            margin: 0,
            display: 'grid',
            gridTemplateColumns: 'minmax(7rem, max-content) 1fr',
            gap: '4px 16px',
          }}
        >
          <Text component="dt" fw={600} size="sm">
            {t('emergency.review.household')}
          </Text>
          <Text component="dd" size="sm" m={0}>
            {item.household.name ?? t('emergency.employees.hiddenHousehold')}
          </Text>
          <Text component="dt" fw={600} size="sm">
            {t('emergency.review.reason')}
          </Text>
          <Text component="dd" size="sm" m={0} style={{ whiteSpace: 'pre-wrap' }}>
            {item.reason}
          </Text>
          <Text component="dt" fw={600} size="sm">
            {t('emergency.review.when')}
          </Text>
          <Text component="dd" size="sm" m={0}>
            {formatDateTime(item.startedAt)}{' '}
            {t('emergency.review.until', { time: formatTime(item.endedAt ?? item.expiresAt) })}
            {' · '}
            {t('emergency.review.duration', { minutes: item.minutesInUse })}
          </Text>
          <Text component="dt" fw={600} size="sm">
            {t('emergency.review.viewed')}
          </Text>
          <Text component="dd" size="sm" m={0}>
            {item.viewed.length === 0
              ? t('emergency.review.viewedNone')
              : item.viewed
                  .map((v) =>
                    t('emergency.review.viewedItem', {
                      what: `${t(`audit.object.${v.objectType}`, { defaultValue: v.objectType.replace(/_/g, ' ') })} ${t(`emergency.review.action.${v.action}`, { defaultValue: v.action })}`,
                      count: v.count,
                    }),
                  )
                  .join(' · ')}
          </Text>
        </dl>
        {item.reviewedBy && item.reviewedAt && (
          <Text size="sm" c="dimmed">
            {t('emergency.review.reviewedBy', {
              name: item.reviewedBy.name,
              date: formatDateTime(item.reviewedAt),
            })}
            {item.reviewNote ? ` — ${item.reviewNote}` : ''}
          </Text>
        )}
        {item.reviewStatus !== 'approved' && (
          <>
            <Textarea
              id={noteId}
              label={t('emergency.review.note')}
              description={t('emergency.review.noteHint')}
              autosize
              minRows={2}
              maxLength={2000}
              value={note}
              error={noteError}
              onChange={(e) => {
                setNote(e.currentTarget.value);
                setNoteError(null);
              }}
            />
            <Group gap="sm">
              <Button
                color={TONE.success}
                loading={review.isPending}
                onClick={() => review.mutate('approved')}
              >
                {t('emergency.review.approve')}
              </Button>
              <Button
                variant="default"
                loading={review.isPending}
                onClick={() => {
                  if (note.trim() === '') {
                    setNoteError(t('emergency.review.noteRequired'));
                    return;
                  }
                  review.mutate('follow_up');
                }}
              >
                {t('emergency.review.followUp')}
              </Button>
              {item.state === 'active' && (
                <Button variant="outline" color="red.9" loading={end.isPending} onClick={() => end.mutate()}>
                  {t('emergency.review.end')}
                </Button>
              )}
            </Group>
          </>
        )}
        <FormError error={review.error ?? end.error} />
      </Stack>
    </Card>
  );
}

/** The privacy officer's queue of emergency accesses: pending first (oldest first), or those already reviewed. */
export function ReviewPage() {
  const { t } = useTranslation();
  usePageTitle(t('emergency.review.title'));
  const [status, setStatus] = useState<'pending' | 'reviewed'>('pending');
  const query = useQuery({
    queryKey: ['emergency-review', status],
    queryFn: () => emergencyApi.reviewQueue(status),
  });
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('emergency.review.title')}</Title>
        <Text>{t('emergency.review.intro')}</Text>
      </div>
      <SegmentedControl
        value={status}
        onChange={(v) => setStatus(v)}
        data={[
          { value: 'pending', label: t('emergency.review.pending') },
          { value: 'reviewed', label: t('emergency.review.reviewed') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState>
          {status === 'pending' ? t('emergency.review.empty') : t('emergency.review.emptyReviewed')}
        </EmptyState>
      ) : (
        <Stack gap="md">
          {query.data.items.map((item) => (
            <ReviewCard key={item.id} item={item} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
