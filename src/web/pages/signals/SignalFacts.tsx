import { Anchor, Badge, Breadcrumbs, Group, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/client.js';
import type { SignalDetail } from '../../api/signals.js';
import { ErrorState, LoadingState, usePageTitle } from '../../components/states.js';
import { formatDateOnly } from '../../lib/format.js';
import { NotFoundPage } from '../NotFoundPage.js';

interface SignalHead {
  subjectName: string;
  referenceCode: string;
  urgency: SignalDetail['urgency'];
}

/** The page title of a signal page: whom it is about and its code, or the list's title while loading. */
export function useSignalTitle(signal: SignalHead | undefined, fallback: string) {
  usePageTitle(signal ? `${signal.subjectName} · ${signal.referenceCode}` : fallback);
}

/** What a signal page shows while the signal loads, when it does not exist, or when loading failed. */
export function SignalQueryFallback({ query }: { query: UseQueryResult<unknown> }) {
  if (query.isPending) return <LoadingState />;
  if (isApiError(query.error) && query.error.status === 404) return <NotFoundPage />;
  return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
}

/** Breadcrumbs back to the list, whom the signal is about, its urgency and further badges and lines. */
export function SignalHeader({
  signal,
  listTo,
  listTitle,
  badges,
  children,
}: {
  signal: SignalHead;
  listTo: string;
  listTitle: string;
  badges: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Breadcrumbs aria-label={t('common.breadcrumbs')}>
        <Anchor component={Link} to={listTo}>
          {listTitle}
        </Anchor>
        <Text span aria-current="page">
          {signal.referenceCode}
        </Text>
      </Breadcrumbs>
      <div>
        <Title order={1}>{signal.subjectName}</Title>
        <Group gap="xs" mt={6}>
          <Badge variant="filled" color={signal.urgency === 'urgent' ? '#9c3d00' : 'gray.8'}>
            {t(`signals.urgency.${signal.urgency}`)}
          </Badge>
          {badges}
        </Group>
        {children}
      </div>
    </>
  );
}

/** Whom the signal is about: name, date of birth and address as reported. */
export function SubjectFacts({ subject, mt }: { subject: SignalDetail['subject']; mt?: string }) {
  const { t } = useTranslation();
  const address = [
    [subject.address.street, subject.address.houseNumber].filter(Boolean).join(' '),
    [subject.address.postcode, subject.address.city].filter(Boolean).join(' '),
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <>
      <Title order={2} size="h4" mt={mt}>
        {t('signals.triage.subjectDetails')}
      </Title>
      <Text mt="xs">{subject.name}</Text>
      <Text size="sm">
        {t('signals.triage.dob')}:{' '}
        {subject.dateOfBirth ? formatDateOnly(subject.dateOfBirth) : t('signals.triage.unknown')}
      </Text>
      <Text size="sm">
        {t('signals.triage.address')}: {address || t('signals.triage.unknown')}
      </Text>
    </>
  );
}
