import { Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryStates, type ListQuery } from './QueryStates.js';

/** An admin page's heading with its intro line. */
export function PageIntro({ title, intro }: { title: string; intro: string }) {
  return (
    <div>
      <Title order={1}>{title}</Title>
      <Text c="dimmed">{intro}</Text>
    </div>
  );
}

interface QueryTableProps<T> {
  query: ListQuery;
  items: T[];
  loadingLabel: string;
  emptyText: string;
  minWidth: number;
  /** Column headings; a last, visually hidden "actions" column is added. */
  columns: string[];
  row: (item: T) => ReactNode;
}

/** A list query shown as a striped, horizontally scrollable table, with loading/error/empty states. */
export function QueryTable<T>({
  query,
  items,
  loadingLabel,
  emptyText,
  minWidth,
  columns,
  row,
}: QueryTableProps<T>) {
  const { t } = useTranslation();
  return (
    <>
      <QueryStates query={query} count={items.length} loadingLabel={loadingLabel} emptyText={emptyText} />
      {items.length > 0 && (
        <Table.ScrollContainer
          type="native"
          tabIndex={0}
          role="region"
          aria-label={t('common.scrollTable')}
          minWidth={minWidth}
        >
          <Table striped withTableBorder verticalSpacing="sm" bg="white">
            <Table.Thead>
              <Table.Tr>
                {columns.map((c) => (
                  <Table.Th key={c} scope="col">
                    {c}
                  </Table.Th>
                ))}
                <Table.Th scope="col">
                  <span className="sr-only">{t('common.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{items.map(row)}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
