import { Badge, Box, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentStatusName } from '../../../../contracts/index.js';
import { consentApi, type Consent } from '../../../api/consent.js';
import type { Household } from '../../../api/endpoints.js';
import { QueryStates } from '../../../components/QueryStates.js';
import { formatDateOnly, formatDateTime } from '../../../lib/format.js';
import { TONE } from '../../../theme.js';
import { ConsentModal } from './ConsentModal.js';
import { LegalBasisSection } from './LegalBasisSection.js';
import { WithdrawConsentDialog } from './WithdrawConsentDialog.js';

const STATUS_COLOR: Record<ConsentStatusName, string> = {
  active: TONE.success,
  withdrawn: TONE.danger,
  expired: TONE.neutral,
  not_yet_valid: TONE.info,
};

function useConsentText() {
  const { t } = useTranslation();
  return {
    categories: (c: Consent) => c.categories.map((cat) => t(`privacy.categoryShort.${cat}`)).join(', '),
    purpose: (c: Consent) =>
      c.purpose === 'referral'
        ? t('privacy.consent.purpose.referral', { service: c.serviceName ?? '' })
        : t('privacy.consent.purpose.coordination'),
    given: (c: Consent) =>
      t('privacy.consent.givenOnBy', {
        date: formatDateOnly(c.givenOn),
        form: t(`privacy.consent.form.${c.form}`).toLowerCase(),
      }),
    witness: (c: Consent) => t('privacy.consent.witnessIs', { name: c.witness }),
    signers: (c: Consent) =>
      c.givenBy.map((s) => `${s.name} (${t(`privacy.consent.signer.${s.kind}`).toLowerCase()})`).join(', '),
    withdrawal: (c: Consent) =>
      t('privacy.consent.withdrawnOn', {
        date: formatDateTime(c.withdrawnAt),
        name: c.withdrawnBy ?? '',
        note: c.withdrawalNote,
      }),
  };
}

function StatusBadge({ consent: c }: { consent: Consent }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[c.status]} tt="none" style={{ overflow: 'visible', flexShrink: 0 }}>
      {t(`privacy.consent.status.${c.status}`)}
    </Badge>
  );
}

interface RowProps {
  consent: Consent;
  canManage: boolean;
  onWithdraw: (c: Consent) => void;
}

function WithdrawButton({ consent: c, canManage, onWithdraw }: RowProps) {
  const { t } = useTranslation();
  if (!canManage || c.status === 'withdrawn') return null;
  return (
    <Button
      variant="default"
      size="compact-sm"
      aria-label={t('privacy.consent.withdrawFor', {
        member: c.memberName,
        organisation: c.organisationName,
      })}
      onClick={() => onWithdraw(c)}
    >
      {t('privacy.consent.withdraw')}
    </Button>
  );
}

function ConsentRow(props: RowProps) {
  const text = useConsentText();
  const c = props.consent;
  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={600}>{c.memberName}</Text>
      </Table.Td>
      <Table.Td>{c.organisationName}</Table.Td>
      <Table.Td>{text.categories(c)}</Table.Td>
      <Table.Td>{text.purpose(c)}</Table.Td>
      <Table.Td>
        <Text size="sm">{text.given(c)}</Text>
        <Text size="sm">{text.signers(c)}</Text>
        {c.witness && <Text size="sm">{text.witness(c)}</Text>}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateOnly(c.validUntil)}</Table.Td>
      <Table.Td miw={150}>
        <StatusBadge consent={c} />
        {c.withdrawnAt && (
          <Text size="sm" mt={4}>
            {text.withdrawal(c)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <WithdrawButton {...props} />
      </Table.Td>
    </Table.Tr>
  );
}

/** On a phone: one card per consent instead of a wide table. */
function ConsentCard(props: RowProps) {
  const { t } = useTranslation();
  const text = useConsentText();
  const c = props.consent;
  return (
    <Paper component="li" withBorder p="sm" radius="md" bg="white">
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fw={700}>
            {c.memberName} · {c.organisationName}
          </Text>
          <StatusBadge consent={c} />
        </Group>
        <Text size="sm">
          {t('privacy.consent.column.categories')}: {text.categories(c)}
        </Text>
        <Text size="sm">
          {t('privacy.consent.column.purpose')}: {text.purpose(c)}
        </Text>
        <Text size="sm">
          {text.given(c)}. {t('privacy.consent.givenBy')}: {text.signers(c)}
        </Text>
        {c.witness && <Text size="sm">{text.witness(c)}</Text>}
        <Text size="sm">
          {t('privacy.consent.column.validUntil')}: {formatDateOnly(c.validUntil)}
        </Text>
        {c.withdrawnAt && <Text size="sm">{text.withdrawal(c)}</Text>}
        <Group>
          <WithdrawButton {...props} />
        </Group>
      </Stack>
    </Paper>
  );
}

/** The household's consents per member and organisation, and its legal basis (issue 5). */
export function ConsentTab({ household }: { household: Household }) {
  const { t } = useTranslation();
  const canManage = household.can.includes('consent.manage');
  const [adding, setAdding] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const query = useQuery({
    queryKey: ['consents', household.id],
    queryFn: () => consentApi.list(household.id),
  });
  const items = query.data?.items ?? [];
  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4} maw={720}>
            <Title order={2}>{t('privacy.consent.title')}</Title>
            <Text>{canManage ? t('privacy.consent.intro') : t('privacy.consent.partnerIntro')}</Text>
          </Stack>
          {canManage && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
              {t('privacy.consent.add')}
            </Button>
          )}
        </Group>
        <QueryStates
          query={query}
          count={items.length}
          loadingLabel={t('common.loading')}
          emptyText={canManage ? t('privacy.consent.empty') : t('privacy.consent.emptyPartner')}
        />
        {items.length > 0 && (
          <Box visibleFrom="sm">
            <Table.ScrollContainer
              type="native"
              tabIndex={0}
              role="region"
              aria-label={t('common.scrollTable')}
              minWidth={1000}
            >
              <Table striped withTableBorder verticalSpacing="sm" bg="white">
                <Table.Caption className="sr-only">{t('privacy.consent.tableLabel')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    {(
                      [
                        'member',
                        'organisation',
                        'categories',
                        'purpose',
                        'given',
                        'validUntil',
                        'status',
                      ] as const
                    ).map((col) => (
                      <Table.Th key={col} scope="col">
                        {t(`privacy.consent.column.${col}`)}
                      </Table.Th>
                    ))}
                    <Table.Th scope="col">
                      <span className="sr-only">{t('common.actions')}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((c) => (
                    <ConsentRow key={c.id} consent={c} canManage={canManage} onWithdraw={setWithdrawing} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Box>
        )}
        {items.length > 0 && (
          <Stack
            component="ul"
            aria-label={t('privacy.consent.tableLabel')}
            gap="sm"
            hiddenFrom="sm"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
          >
            {items.map((c) => (
              <ConsentCard key={c.id} consent={c} canManage={canManage} onWithdraw={setWithdrawing} />
            ))}
          </Stack>
        )}
      </Stack>
      <LegalBasisSection household={household} />
      {adding && <ConsentModal household={household} onClose={() => setAdding(false)} />}
      {withdrawing && (
        <WithdrawConsentDialog
          householdId={household.id}
          consent={withdrawing}
          onClose={() => setWithdrawing(null)}
        />
      )}
    </Stack>
  );
}
