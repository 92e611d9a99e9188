import { Anchor, Badge, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type Household } from '../../api/endpoints.js';
import { stagnationApi } from '../../api/stagnation.js';
import { REPORT_REASONS } from '../../../contracts/stagnation.js';
import { formatDate } from '../../lib/format.js';
import { notifySuccess } from '../../lib/notify.js';
import { useIdempotencyKey } from '../../lib/useIdempotencyKey.js';
import { explain } from './labels.js';
import { ChoiceSelect, NoteField, StagnationFormModal } from './StagnationFormModal.js';

const REASONS = REPORT_REASONS.filter((r) => r !== 'household_says_stuck');

function ReportModal({ household, onClose }: { household: Household; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const idem = useIdempotencyKey();
  const [reason, setReason] = useState<string | null>('stopped_coming');
  const [memberId, setMemberId] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const members = useQuery({
    queryKey: ['household', household.id, 'members'],
    queryFn: () => api.members.list(household.id),
  });
  const m = useMutation({
    mutationFn: () =>
      stagnationApi.report(
        household.id,
        { reason: reason as (typeof REASONS)[number], description, memberId },
        idem.key(),
      ),
    onSettled: (_d, e) => idem.settle(e ?? undefined),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['household', household.id, 'stagnations'] });
      void qc.invalidateQueries({ queryKey: ['stagnations'] });
      notifySuccess(t('stagnation.reportForm.sent'));
      onClose();
    },
  });
  return (
    <StagnationFormModal
      title={t('stagnation.reportForm.title')}
      saveLabel={t('stagnation.reportForm.save')}
      onClose={onClose}
      onSave={() => m.mutate()}
      error={m.error}
      pending={m.isPending}
    >
      <Text size="sm">{t('stagnation.reportForm.intro')}</Text>
      <ChoiceSelect
        label={t('stagnation.reportForm.reason')}
        data={REASONS.map((r) => ({ value: r, label: t(`stagnation.reason.${r}`) }))}
        value={reason}
        onChange={setReason}
      />
      <Select
        label={t('stagnation.reportForm.member')}
        data={(members.data?.items ?? []).map((mm) => ({ value: mm.id, label: mm.name }))}
        value={memberId}
        onChange={setMemberId}
        clearable
      />
      <NoteField
        label={t('stagnation.reportForm.description')}
        value={description}
        onChange={setDescription}
        required
        maxLength={300}
        minRows={3}
      />
    </StagnationFormModal>
  );
}

/** The household's open stagnations and, for those who work with it, "Stagnatie melden". */
export function HouseholdStagnations({ household }: { household: Household }) {
  const { t } = useTranslation();
  const [reporting, setReporting] = useState(false);
  const canReport = household.can.includes('stagnation.report');
  const visible = household.relation === 'coordinator' || household.relation === 'partner';
  const query = useQuery({
    queryKey: ['household', household.id, 'stagnations'],
    queryFn: () => stagnationApi.ofHousehold(household.id, 'open'),
    enabled: visible,
  });
  if (!visible) return null;
  const items = query.data?.items ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="stagnation-heading">
      <Group justify="space-between" align="center" mb="xs">
        <Title order={2} size="h4" id="stagnation-heading">
          {t('stagnation.household.title')}
        </Title>
        {canReport && (
          <Button size="xs" variant="default" onClick={() => setReporting(true)}>
            {t('stagnation.household.report')}
          </Button>
        )}
      </Group>
      {items.length === 0 ? (
        <Text size="sm">{query.isPending ? t('common.loading') : t('stagnation.household.none')}</Text>
      ) : (
        <Stack gap="xs">
          {items.map((s) => (
            <Group key={s.id} gap="xs" wrap="nowrap" align="flex-start">
              <Badge
                variant="filled"
                color={s.overdue ? 'red.9' : 'gray.8'}
                size="sm"
                style={{ flexShrink: 0 }}
              >
                {t(`stagnation.levelShort.${s.levelKey}`)}
              </Badge>
              <Text size="sm">
                {household.relation === 'coordinator' ? (
                  <Anchor component={Link} to={`/stagnations/${s.id}`} fw={600}>
                    {t(`stagnation.kind.${s.kind}`)}
                  </Anchor>
                ) : (
                  <Text span fw={600}>
                    {t(`stagnation.kind.${s.kind}`)}
                  </Text>
                )}
                {' — '}
                {explain(s, t)} ({t('stagnation.worklist.since')} {formatDate(s.since)})
              </Text>
            </Group>
          ))}
        </Stack>
      )}
      {reporting && <ReportModal household={household} onClose={() => setReporting(false)} />}
    </Card>
  );
}
