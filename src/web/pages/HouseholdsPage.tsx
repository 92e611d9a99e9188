import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconHomePlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/endpoints.js';
import { useSession } from '../auth/session.js';
import { EmptyState, ErrorState, LoadingState, usePageTitle } from '../components/states.js';

export function HouseholdsPage() {
  const { t } = useTranslation();
  usePageTitle(t('households.title'));
  const { can } = useSession();
  const [search, setSearch] = useState('');
  const query = useQuery({ queryKey: ['households'], queryFn: api.households.list });

  const items = useMemo(() => {
    const all = query.data?.items ?? [];
    const q = search.trim().toLowerCase();
    const filtered = q
      ? all.filter((h) => `${h.name} ${h.city} ${h.coordinator?.name ?? ''}`.toLowerCase().includes(q))
      : all;
    return [...filtered].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }, [query.data, search]);

  const registerButton = can('household.register') ? (
    <Button component={Link} to="/households/new" leftSection={<IconHomePlus size={18} aria-hidden />}>
      {t('households.register')}
    </Button>
  ) : null;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('households.title')}</Title>
          <Text c="dimmed">{t('households.intro')}</Text>
        </div>
        {registerButton}
      </Group>

      {query.isPending && <LoadingState label={t('households.loading')} />}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && query.data.items.length === 0 && <EmptyState>{t('households.empty')}</EmptyState>}
      {query.isSuccess && query.data.items.length > 0 && (
        <>
          <TextInput
            label={t('households.search')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            maw={360}
          />
          <Text size="sm" role="status" aria-live="polite">
            {t('households.count', { count: items.length })}
          </Text>
          {/* Desktop: table */}
          <Table.ScrollContainer
            type="native"
            tabIndex={0}
            role="region"
            aria-label={t('common.scrollTable')}
            minWidth={720}
            visibleFrom="sm"
          >
            <Table striped highlightOnHover withTableBorder verticalSpacing="sm" bg="white">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('households.col.name')}</Table.Th>
                  <Table.Th scope="col">{t('households.col.city')}</Table.Th>
                  <Table.Th scope="col">{t('households.col.coordinator')}</Table.Th>
                  <Table.Th scope="col">{t('households.col.relation')}</Table.Th>
                  <Table.Th scope="col">{t('households.col.members')}</Table.Th>
                  <Table.Th scope="col">{t('households.col.category')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((h) => (
                  <Table.Tr key={h.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/households/${h.id}`} fw={600}>
                        {h.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{h.city || t('common.unknown')}</Table.Td>
                    <Table.Td>{h.coordinator?.name ?? t('households.noCoordinator')}</Table.Td>
                    <Table.Td>{t(`relation.${h.relation}`)}</Table.Td>
                    <Table.Td>{h.memberCount}</Table.Td>
                    <Table.Td>
                      {h.pyramidCategory === null
                        ? t('pyramid.none')
                        : t(`pyramid.short.${h.pyramidCategory}`)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {/* Phone: cards */}
          <Stack gap="sm" hiddenFrom="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((h) => (
              <Card key={h.id} withBorder component="li" padding="sm">
                <Anchor component={Link} to={`/households/${h.id}`} fw={700} fz="lg">
                  {h.name}
                </Anchor>
                <Text size="sm">{h.city || t('common.unknown')}</Text>
                <Text size="sm">
                  {t('households.col.coordinator')}: {h.coordinator?.name ?? t('households.noCoordinator')}
                </Text>
                <Group gap="xs" mt="xs">
                  <Badge color="schakel.8">{t(`relation.${h.relation}`)}</Badge>
                  <Badge color="gray.8">{t('households.memberCount', { count: h.memberCount })}</Badge>
                </Group>
              </Card>
            ))}
          </Stack>
          {items.length === 0 && <EmptyState>{t('households.noMatch')}</EmptyState>}
        </>
      )}
    </Stack>
  );
}
