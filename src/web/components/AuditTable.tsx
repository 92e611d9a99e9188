import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, AuditQuery } from '../../contracts/index.js';
import { api } from '../api/endpoints.js';
import { formatDateTime } from '../lib/format.js';
import { EmptyState, ErrorState, LoadingState } from './states.js';
import { TONE } from '../theme.js';

const OUTCOME_COLOR = { success: TONE.success, denied: TONE.danger, failed: TONE.warning } as const;

const keyPart = (value: string) => value.replace(/[:.\s]+/g, '_');
const humanize = (value: string) => value.replace(/[_:]+/g, ' ').trim();

export function AuditTable({ items, showHousehold }: { items: AuditEntry[]; showHousehold: boolean }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer
      type="native"
      tabIndex={0}
      role="region"
      aria-label={t('common.scrollTable')}
      minWidth={showHousehold ? 860 : 720}
    >
      <Table striped withTableBorder verticalSpacing="xs" fz="sm" bg="white">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.col.at')}</Table.Th>
            <Table.Th scope="col">{t('audit.col.user')}</Table.Th>
            {showHousehold && <Table.Th scope="col">{t('audit.col.household')}</Table.Th>}
            <Table.Th scope="col">{t('audit.col.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.col.basis')}</Table.Th>
            <Table.Th scope="col">{t('audit.col.outcome')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => (
            <Table.Tr key={e.seq}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {e.user?.name ?? t('audit.noUser')}
                </Text>
                {e.onBehalfOf && (
                  <Text size="xs" c="dimmed">
                    {t('audit.onBehalfOf', { name: e.onBehalfOf.name })}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {[
                    e.organisation?.name,
                    e.role ? t(`role.${e.role}`, { defaultValue: humanize(e.role) }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Table.Td>
              {showHousehold && (
                <Table.Td>
                  {e.household ? (e.household.name ?? t('audit.householdHidden')) : t('common.none')}
                </Table.Td>
              )}
              <Table.Td>
                {t(`audit.action.${e.action}`)}
                <Text size="xs" c="dimmed">
                  {t(`audit.object.${keyPart(e.objectType)}`, { defaultValue: humanize(e.objectType) })}
                </Text>
              </Table.Td>
              <Table.Td>
                {t(`audit.basis.${keyPart(e.basis)}`, { defaultValue: humanize(e.basis) })}
                {e.emergency && (
                  <Badge color={TONE.danger} ml={4} size="sm">
                    {t('audit.emergency')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={700} c={OUTCOME_COLOR[e.outcome]}>
                  {t(`audit.outcome.${e.outcome}`)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Audit entries for a filter, newest first, with cursor paging (nextBefore). */
export function PagedAudit({
  filters,
  showHousehold,
}: {
  filters: Omit<AuditQuery, 'before'>;
  showHousehold: boolean;
}) {
  const { t } = useTranslation();
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const filterKey = JSON.stringify(filters);
  const [lastKey, setLastKey] = useState(filterKey);
  if (lastKey !== filterKey) {
    setLastKey(filterKey);
    setCursors([undefined]);
  }
  const before = cursors[cursors.length - 1];
  const query = useQuery({
    queryKey: ['audit', filters, before],
    queryFn: () => api.audit.list({ ...filters, before, limit: filters.limit ?? 50 }),
    placeholderData: keepPreviousData,
  });
  const page = cursors.length;

  if (query.isPending) return <LoadingState label={t('audit.loading')} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { items, nextBefore } = query.data;
  return (
    <>
      {items.length === 0 ? (
        <EmptyState>{page > 1 ? t('audit.noMore') : t('audit.empty')}</EmptyState>
      ) : (
        <AuditTable items={items} showHousehold={showHousehold} />
      )}
      <Group justify="space-between" mt="sm">
        <Text size="sm" role="status" aria-live="polite">
          {query.isFetching ? t('common.loading') : t('audit.pageInfo', { page, count: items.length })}
        </Text>
        <Group gap="xs">
          <Button
            variant="default"
            size="xs"
            leftSection={<IconChevronLeft size={14} aria-hidden />}
            disabled={page <= 1}
            onClick={() => setCursors((c) => c.slice(0, -1))}
          >
            {t('audit.newer')}
          </Button>
          <Button
            variant="default"
            size="xs"
            rightSection={<IconChevronRight size={14} aria-hidden />}
            disabled={nextBefore === null}
            onClick={() => nextBefore !== null && setCursors((c) => [...c, nextBefore])}
          >
            {t('audit.older')}
          </Button>
        </Group>
      </Group>
    </>
  );
}
