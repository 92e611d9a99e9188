import { Anchor, Button, Stack, Table } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type RemovedRecord } from '../../api/endpoints.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { PageIntro, QueryTable } from '../../components/QueryTable.js';
import { usePageTitle } from '../../components/states.js';
import { formatDateTime } from '../../lib/format.js';
import { notifySuccess } from '../../lib/notify.js';

export function RemovedPage() {
  const { t } = useTranslation();
  usePageTitle(t('removed.title'));
  const query = useQuery({ queryKey: ['removed'], queryFn: api.admin.removed });
  const [restoring, setRestoring] = useState<RemovedRecord | null>(null);
  const items = [...(query.data?.items ?? [])].sort((a, b) => b.removedAt.localeCompare(a.removedAt));

  return (
    <Stack gap="lg">
      <PageIntro title={t('removed.title')} intro={t('removed.intro')} />
      <QueryTable
        query={query}
        items={items}
        loadingLabel={t('removed.loading')}
        emptyText={t('removed.empty')}
        minWidth={760}
        columns={[
          t('removed.name'),
          t('removed.type'),
          t('removed.household'),
          t('removed.removedAt'),
          t('removed.removedBy'),
        ]}
        row={(r) => (
          <Table.Tr key={`${r.recordType}-${r.id}`}>
            <Table.Td fw={600}>{r.name}</Table.Td>
            <Table.Td>{t(`removed.recordType.${r.recordType}`)}</Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`/households/${r.householdId}`}>
                {r.householdName}
              </Anchor>
            </Table.Td>
            <Table.Td>{formatDateTime(r.removedAt)}</Table.Td>
            <Table.Td>{r.removedBy?.name ?? t('common.unknown')}</Table.Td>
            <Table.Td>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconArrowBackUp size={14} aria-hidden />}
                onClick={() => setRestoring(r)}
                aria-label={t('removed.restoreNamed', { name: r.name })}
              >
                {t('removed.restore')}
              </Button>
            </Table.Td>
          </Table.Tr>
        )}
      />
      {restoring && <RestoreDialog record={restoring} onClose={() => setRestoring(null)} />}
    </Stack>
  );
}

function RestoreDialog({ record, onClose }: { record: RemovedRecord; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const restore = useMutation({
    mutationFn: () => api.admin.restore(record.recordType, record.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['removed'] });
      void queryClient.invalidateQueries({
        queryKey: [record.recordType === 'member' ? 'members' : 'contacts', record.householdId],
      });
      notifySuccess(t('removed.restored', { name: record.name }));
      onClose();
    },
  });
  return (
    <ConfirmDialog
      opened
      title={t('removed.restoreTitle')}
      confirmLabel={t('removed.restore')}
      busy={restore.isPending}
      error={restore.error}
      onConfirm={() => restore.mutate()}
      onCancel={onClose}
    >
      {t('removed.restoreText', { name: record.name, household: record.householdName })}
    </ConfirmDialog>
  );
}
