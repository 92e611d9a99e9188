import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../contracts/index.js';
import { api, type Household } from '../../api/endpoints.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { formatDateOnly, formatDateTime, toText } from '../../lib/format.js';

const FIELDS = [
  'name',
  'address.street',
  'address.houseNumber',
  'address.postcode',
  'address.city',
  'pyramidCategory',
  'dateOfBirth',
  'role',
  'lvb',
  'phone',
  'email',
  'preferredLanguage',
  'relation',
  'quality',
  'note',
] as const;
type FieldKey = (typeof FIELDS)[number];

const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Flattens a history snapshot into the fields we show, tolerating snake_case keys. */
function flatten(data: Record<string, unknown>): Partial<Record<FieldKey, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [rawKey, value] of Object.entries(data)) {
    const key = camel(rawKey);
    if (key === 'address' && value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[`address.${camel(k)}`] = v;
    } else {
      out[key] = value;
    }
  }
  const result: Partial<Record<FieldKey, unknown>> = {};
  for (const f of FIELDS) if (f in out) result[f] = out[f];
  return result;
}

function show(field: FieldKey, value: unknown, t: TFunction): string {
  if (value === null || value === undefined || value === '') return t('history.emptyValue');
  switch (field) {
    case 'dateOfBirth':
      return formatDateOnly(toText(value));
    case 'role':
      return t(`memberRole.${String(value as string)}`);
    case 'quality':
      return t(`quality.${String(value as string)}`);
    case 'preferredLanguage':
      return t(`memberLanguage.${String(value as string)}`);
    case 'pyramidCategory':
      return t(`pyramid.short.${String(value as number)}`);
    case 'lvb':
      return value ? t('common.yes') : t('common.no');
    default:
      return typeof value === 'object' ? JSON.stringify(value) : toText(value);
  }
}

interface Row {
  entry: HistoryEntry;
  changes: { field: FieldKey; from: unknown; to: unknown }[];
}

export function HistoryTab({ household }: { household: Household }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['history', household.id],
    queryFn: () => api.households.history(household.id),
  });

  const rows = useMemo<Row[]>(() => {
    const items = query.data?.items ?? [];
    const byRecord = new Map<string, HistoryEntry[]>();
    for (const e of items) {
      const key = `${e.recordType}:${e.recordId}`;
      byRecord.set(key, [...(byRecord.get(key) ?? []), e]);
    }
    const result: Row[] = [];
    for (const list of byRecord.values()) {
      list.sort((a, b) => a.version - b.version);
      list.forEach((entry, i) => {
        const prev = i > 0 ? flatten(list[i - 1]!.data) : null;
        const cur = flatten(entry.data);
        const changes =
          entry.change === 'updated' && prev
            ? FIELDS.filter((f) => JSON.stringify(prev[f] ?? '') !== JSON.stringify(cur[f] ?? '')).map(
                (f) => ({
                  field: f,
                  from: prev[f],
                  to: cur[f],
                }),
              )
            : [];
        result.push({ entry, changes });
      });
    }
    return result.sort(
      (a, b) => b.entry.changedAt.localeCompare(a.entry.changedAt) || b.entry.version - a.entry.version,
    );
  }, [query.data]);

  return (
    <Stack gap="md">
      <div>
        <Title order={2} size="h3">
          {t('history.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('history.intro')}
        </Text>
      </div>
      {query.isPending && <LoadingState label={t('history.loading')} />}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && rows.length === 0 && <EmptyState>{t('history.empty')}</EmptyState>}
      {rows.length > 0 && (
        <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {rows.map(({ entry, changes }) => {
            const name = typeof entry.data.name === 'string' ? entry.data.name : '';
            return (
              <Paper component="li" key={`${entry.recordId}-${entry.version}`} withBorder p="sm">
                <Group gap="xs" justify="space-between" align="flex-start">
                  <Text fw={600}>
                    {t(`history.sentence.${entry.change}`, {
                      who: entry.changedBy.name,
                      what: t(`history.recordType.${entry.recordType}`),
                      name,
                    })}
                  </Text>
                  <Badge color="gray.8">{t('history.version', { version: entry.version })}</Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  <time dateTime={entry.changedAt}>{formatDateTime(entry.changedAt)}</time>
                </Text>
                {changes.length > 0 && (
                  <ul style={{ margin: '6px 0 0', paddingLeft: 20 }}>
                    {changes.map((c) => (
                      <li key={c.field}>
                        <Text size="sm">
                          {t('history.changeLine', {
                            field: t(`history.field.${c.field}`),
                            from: show(c.field, c.from, t),
                            to: show(c.field, c.to, t),
                          })}
                        </Text>
                      </li>
                    ))}
                  </ul>
                )}
              </Paper>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
