import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.js';
import { toText } from '../lib/format.js';
import { TONE } from '../theme.js';

export interface StaleField {
  /** Dot path into the record and into the form values, e.g. "address.city". */
  key: string;
  label: string;
  format?: (value: unknown) => string;
}

export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || cur === undefined || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function same(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === undefined || v === null ? '' : v);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * Three-way merge for "keep my input": fields the user changed keep the user's value, fields the
 * user left alone take the other person's new value. Nobody's change is silently lost.
 */
export function mergeEdits<V>(base: unknown, current: unknown, mine: V): V {
  if (!isPlainObject(mine)) return mine;
  const b = isPlainObject(base) ? base : {};
  const c = isPlainObject(current) ? current : {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(mine)) {
    if (isPlainObject(value)) out[key] = mergeEdits(b[key], c[key], value);
    else if (same(value, b[key]) && key in c) out[key] = c[key];
    else out[key] = value;
  }
  return out as V;
}

/**
 * Tracks the version an edit is based on and what happens on 412 STALE_VERSION:
 * the server's current record is kept so the user can compare and redo the edit on it.
 */
export function useStaleEdit<T extends { version: number }>(initial: T) {
  const [base, setBase] = useState<T>(initial);
  const [stale, setStale] = useState<{ current: T | null } | null>(null);

  /** Returns true when the error was a version conflict (and is now shown). */
  const catchStale = useCallback(async (error: unknown, fetchCurrent?: () => Promise<T | null>) => {
    if (!isApiError(error) || error.code !== 'STALE_VERSION') return false;
    let current = (error.current && typeof error.current === 'object' ? error.current : null) as T | null;
    if (!current && fetchCurrent) current = await fetchCurrent().catch(() => null);
    setStale({ current });
    return true;
  }, []);

  return {
    base,
    stale,
    catchStale,
    /**
     * Keep what the user changed, take the other person's changes for everything else, and base the
     * next save on the fresh version. Returns the merged form values.
     */
    keepMineMerged: <V,>(mine: V): V => {
      const merged = stale?.current ? mergeEdits(base, stale.current, mine) : mine;
      if (stale?.current) setBase(stale.current);
      setStale(null);
      return merged;
    },
    /** Keep the form as it is, but base the next save on the fresh version (prefer keepMineMerged). */
    keepMine: () => {
      if (stale?.current) setBase(stale.current);
      setStale(null);
    },
    /** Drop what the user typed; the caller resets the form to the returned record. */
    takeTheirs: (): T | null => {
      const current = stale?.current ?? null;
      if (current) setBase(current);
      setStale(null);
      return current;
    },
    reset: (record: T) => {
      setBase(record);
      setStale(null);
    },
  };
}

interface StaleNoticeProps {
  base: unknown;
  current: unknown;
  mine: unknown;
  fields: StaleField[];
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}

/** "Someone else changed this": shows what they changed next to what you entered. */
export function StaleNotice({ base, current, mine, fields, onKeepMine, onTakeTheirs }: StaleNoticeProps) {
  const { t } = useTranslation();
  const show = (field: StaleField, value: unknown) => {
    if (field.format) return field.format(value);
    if (value === null || value === undefined || value === '') return t('stale.empty');
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (typeof value === 'object') return JSON.stringify(value);
    return toText(value);
  };
  const changed = current ? fields.filter((f) => !same(getPath(base, f.key), getPath(current, f.key))) : [];

  return (
    <Alert
      color={TONE.warning}
      variant="light"
      icon={<IconUsers aria-hidden />}
      title={t('stale.title')}
      role="alert"
    >
      <Stack gap="sm">
        <Text size="sm">{t('stale.explain')}</Text>
        {!!current && changed.length > 0 && (
          <Table.ScrollContainer
            type="native"
            tabIndex={0}
            role="region"
            aria-label={t('common.scrollTable')}
            minWidth={420}
          >
            <Table withTableBorder withColumnBorders verticalSpacing={4} fz="sm">
              <Table.Caption>{t('stale.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('stale.field')}</Table.Th>
                  <Table.Th scope="col">{t('stale.before')}</Table.Th>
                  <Table.Th scope="col">{t('stale.now')}</Table.Th>
                  <Table.Th scope="col">{t('stale.yours')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {changed.map((f) => (
                  <Table.Tr key={f.key}>
                    <Table.Th scope="row">{f.label}</Table.Th>
                    <Table.Td>{show(f, getPath(base, f.key))}</Table.Td>
                    <Table.Td>{show(f, getPath(current, f.key))}</Table.Td>
                    <Table.Td>{show(f, getPath(mine, f.key))}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {!!current && changed.length === 0 && <Text size="sm">{t('stale.noVisibleChanges')}</Text>}
        {!current && <Text size="sm">{t('stale.noCurrent')}</Text>}
        <Group gap="sm">
          {!!current && (
            <Button size="xs" onClick={onKeepMine}>
              {t('stale.keepMine')}
            </Button>
          )}
          <Button size="xs" variant="default" onClick={onTakeTheirs}>
            {current ? t('stale.takeTheirs') : t('stale.close')}
          </Button>
        </Group>
        {!!current && (
          <Text size="xs" c="dimmed">
            {t('stale.keepMineHint')}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
