import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../auth/session.js';
import { consentApi, type LegalBasis } from '../../../api/consent.js';
import type { Household } from '../../../api/endpoints.js';
import { ConfirmDialog } from '../../../components/ConfirmDialog.js';
import { QueryStates } from '../../../components/QueryStates.js';
import { formatDateOnly, formatDateTime } from '../../../lib/format.js';
import { notifySuccess } from '../../../lib/notify.js';
import { TONE } from '../../../theme.js';
import { BasisModal } from './BasisModal.js';

function BasisCard({ basis: b, canEnd, onEnd }: { basis: LegalBasis; canEnd: boolean; onEnd: () => void }) {
  const { t } = useTranslation();
  const ground = t(`privacy.basis.ground.${b.ground}`);
  const state = b.endedAt ? 'ended' : b.active ? 'active' : 'notActive';
  return (
    <Paper withBorder p="md" radius="md" bg="white">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Group gap="xs">
            <Text fw={700}>{ground}</Text>
            <Badge
              tt="none"
              color={state === 'active' ? TONE.success : state === 'ended' ? TONE.danger : TONE.neutral}
            >
              {t(`privacy.basis.${state}`)}
            </Badge>
          </Group>
          {canEnd && !b.endedAt && (
            <Button
              variant="default"
              size="compact-sm"
              aria-label={t('privacy.basis.endFor', { ground })}
              onClick={onEnd}
            >
              {t('privacy.basis.end')}
            </Button>
          )}
        </Group>
        {b.scope === 'sharing' && (
          <Text size="sm">
            {t('privacy.basis.toOrganisation', { organisation: b.organisationName ?? '' })} ·{' '}
            {b.memberName
              ? t('privacy.basis.aboutMember', { member: b.memberName })
              : t('privacy.basis.aboutHousehold')}
          </Text>
        )}
        {b.scope === 'case' && b.memberName && (
          <Text size="sm">{t('privacy.basis.aboutMember', { member: b.memberName })}</Text>
        )}
        {b.categories.length > 0 && (
          <Group gap={4}>
            {b.categories.map((c) => (
              <Badge key={c} variant="default" tt="none">
                {t(`privacy.categoryShort.${c}`)}
              </Badge>
            ))}
          </Group>
        )}
        <Text style={{ whiteSpace: 'pre-wrap' }}>{b.justification}</Text>
        <Text size="sm" c="gray.8">
          {b.validUntil
            ? t('privacy.basis.periodUntil', {
                from: formatDateOnly(b.validFrom),
                until: formatDateOnly(b.validUntil),
              })
            : t('privacy.basis.period', { from: formatDateOnly(b.validFrom) })}
          {' · '}
          {t('privacy.basis.recordedBy', { name: b.recordedBy, organisation: b.recordedByOrganisation })}
        </Text>
        {b.endedAt && (
          <Text size="sm" c="gray.8">
            {t('privacy.basis.endedBy', { date: formatDateTime(b.endedAt), name: b.endedBy ?? '' })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** The case's legal basis and every sharing without consent, with their justification. */
export function LegalBasisSection({ household }: { household: Household }) {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const isCoordinator = household.can.includes('consent.manage');
  const canShare = household.can.includes('basis.share');
  const [adding, setAdding] = useState<'case' | 'sharing' | null>(null);
  const [ending, setEnding] = useState<LegalBasis | null>(null);
  const query = useQuery({
    queryKey: ['legal-bases', household.id],
    queryFn: () => consentApi.bases(household.id),
  });
  const end = useMutation({
    mutationFn: (b: LegalBasis) => consentApi.endBasis(household.id, b.id, b.version),
    onSuccess: () => {
      notifySuccess(t('privacy.basis.endedDone'));
      setEnding(null);
      void client.invalidateQueries({ queryKey: ['legal-bases', household.id] });
    },
    onError: () => void client.invalidateQueries({ queryKey: ['legal-bases', household.id] }),
  });
  const items = query.data?.items ?? [];
  const cases = items.filter((b) => b.scope === 'case');
  const sharing = items.filter((b) => b.scope === 'sharing');
  const canEnd = (b: LegalBasis) =>
    isCoordinator || (canShare && b.scope === 'sharing' && b.recordedById === me.user.id);
  const list = (rows: LegalBasis[], empty: string) =>
    rows.length === 0 ? (
      <Text c="gray.8">{empty}</Text>
    ) : (
      <Stack gap="sm">
        {rows.map((b) => (
          <BasisCard key={b.id} basis={b} canEnd={canEnd(b)} onEnd={() => setEnding(b)} />
        ))}
      </Stack>
    );
  return (
    <Stack gap="md">
      <Stack gap={4} maw={720}>
        <Title order={2}>{t('privacy.basis.title')}</Title>
        <Text>{t('privacy.basis.intro')}</Text>
      </Stack>
      <QueryStates query={query} count={1} loadingLabel={t('common.loading')} emptyText="" />
      {query.isSuccess && (
        <>
          <BasisGroup
            title={t('privacy.basis.caseTitle')}
            addLabel={isCoordinator ? t('privacy.basis.addCase') : null}
            onAdd={() => setAdding('case')}
          >
            {list(cases, t('privacy.basis.caseEmpty'))}
          </BasisGroup>
          <BasisGroup
            title={t('privacy.basis.sharingTitle')}
            addLabel={canShare ? t('privacy.basis.addSharing') : null}
            onAdd={() => setAdding('sharing')}
          >
            {list(sharing, t('privacy.basis.sharingEmpty'))}
          </BasisGroup>
        </>
      )}
      {adding && <BasisModal household={household} scope={adding} onClose={() => setAdding(null)} />}
      <ConfirmDialog
        opened={ending !== null}
        title={t('privacy.basis.endTitle')}
        confirmLabel={t('privacy.basis.endConfirm')}
        danger
        busy={end.isPending}
        error={end.error}
        onCancel={() => {
          end.reset();
          setEnding(null);
        }}
        onConfirm={() => ending && end.mutate(ending)}
      >
        {t('privacy.basis.endExplain')}
      </ConfirmDialog>
    </Stack>
  );
}

/** One kind of basis (the case's, or sharing without consent): a heading, its add button, its list. */
function BasisGroup({
  title,
  addLabel,
  onAdd,
  children,
}: {
  title: string;
  /** Null when the caller may not add one. */
  addLabel: string | null;
  onAdd: () => void;
  children: ReactNode;
}) {
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {title}
        </Title>
        {addLabel && (
          <Button
            variant="light"
            h="auto"
            py={6}
            styles={{ label: { whiteSpace: 'normal' } }}
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={onAdd}
          >
            {addLabel}
          </Button>
        )}
      </Group>
      {children}
    </Stack>
  );
}
