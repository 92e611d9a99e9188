import {
  Button,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RELATION_QUALITIES, type RelationQuality } from '../../../../contracts/households.js';
import { api, type Household, type NetworkContact } from '../../../api/endpoints.js';
import { chainApi } from '../../../components/chain/api.js';
import { Ecogram, QUALITY_STYLE } from '../../../components/chain/Ecogram.js';
import { ErrorState, FormError, LoadingState } from '../../../components/states.js';

function LegendLine({ kind, label }: { kind: keyof typeof QUALITY_STYLE; label: string }) {
  const s = QUALITY_STYLE[kind];
  return (
    <Group gap={6} component="li">
      <svg width="40" height="10" aria-hidden focusable="false">
        <line
          x1="2"
          y1="5"
          x2="38"
          y2="5"
          stroke={s.stroke}
          strokeWidth={s.width}
          strokeDasharray={s.dash}
          strokeLinecap="round"
        />
      </svg>
      <Text size="sm">{label}</Text>
    </Group>
  );
}

/** The ecogram: members in the centre, the informal network and involved professionals around them. */
export function MapTab({ household }: { household: Household }) {
  const { t } = useTranslation();
  const members = useQuery({
    queryKey: ['members', household.id],
    queryFn: () => api.members.list(household.id),
  });
  const network = useQuery({
    queryKey: ['contacts', household.id],
    queryFn: () => api.contacts.list(household.id),
  });
  const involved = useQuery({
    queryKey: ['involved', household.id],
    queryFn: () => chainApi.involved(household.id),
  });
  const [editing, setEditing] = useState<NetworkContact | null>(null);
  const canEdit = household.can.includes('network.write');
  if (members.isPending || network.isPending || involved.isPending) return <LoadingState />;
  if (members.isError) return <ErrorState error={members.error} />;
  if (network.isError) return <ErrorState error={network.error} />;
  if (involved.isError) return <ErrorState error={involved.error} />;
  const m = members.data.items
    .filter((x) => !x.removed)
    .map((x) => ({ id: x.id, name: x.name, label: t(`memberRole.${x.role}`, { defaultValue: '' }) }));
  const contacts = network.data.items.filter((x) => !x.removed);
  const c = contacts.map((x) => ({ id: x.id, name: x.name, label: x.relation, quality: x.quality }));
  const p = involved.data.items.map((x) => ({
    id: x.id,
    name: x.professional.name,
    label: x.organisation.name,
  }));
  return (
    <Stack gap="md">
      <Stack gap={2}>
        <Title order={2} size="h3">
          {t('chain.map.title')}
        </Title>
        <Text size="sm">{t('chain.map.intro')}</Text>
      </Stack>
      <Group align="flex-start" gap="xl" wrap="wrap">
        <div style={{ flex: '1 1 420px', minWidth: 0 }}>
          <Ecogram
            title={t('chain.map.svgTitle', { name: household.name })}
            desc={t('chain.map.svgDesc', { members: m.length, contacts: c.length, pros: p.length })}
            members={m}
            contacts={c}
            professionals={p}
          />
        </div>
        <Stack gap={4} component="section" aria-labelledby="legend-heading">
          <Title order={3} size="h5" id="legend-heading">
            {t('chain.map.legend')}
          </Title>
          <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            <LegendLine kind="supportive" label={t('chain.map.supportive')} />
            <LegendLine kind="neutral" label={t('chain.map.neutral')} />
            <LegendLine kind="stressful" label={t('chain.map.stressful')} />
            <LegendLine kind="professional" label={t('chain.map.professional')} />
          </Stack>
        </Stack>
      </Group>
      {c.length === 0 && <Text size="sm">{t('chain.map.empty')}</Text>}
      <Table.ScrollContainer minWidth={520}>
        <Table striped>
          <caption style={{ textAlign: 'left', fontWeight: 700, captionSide: 'top' }}>
            {t('chain.map.tableTitle')}
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('chain.map.person')}</Table.Th>
              <Table.Th scope="col">{t('chain.map.kind')}</Table.Th>
              <Table.Th scope="col">{t('chain.map.relation')}</Table.Th>
              <Table.Th scope="col">{t('chain.map.quality')}</Table.Th>
              {canEdit && (
                <Table.Th scope="col">
                  <VisuallyHidden>{t('chain.map.edit')}</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {m.map((x) => (
              <Table.Tr key={x.id}>
                <Table.Td>{x.name}</Table.Td>
                <Table.Td>{t('chain.map.member')}</Table.Td>
                <Table.Td>{x.label}</Table.Td>
                <Table.Td>—</Table.Td>
                {canEdit && <Table.Td />}
              </Table.Tr>
            ))}
            {contacts.map((x) => (
              <Table.Tr key={x.id}>
                <Table.Td>{x.name}</Table.Td>
                <Table.Td>{t('chain.map.informal')}</Table.Td>
                <Table.Td>{x.relation}</Table.Td>
                <Table.Td>{t(`chain.map.${x.quality}`)}</Table.Td>
                {canEdit && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setEditing(x)}
                      aria-label={t('chain.map.editNamed', { name: x.name })}
                    >
                      {t('chain.map.edit')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
            {involved.data.items.map((x) => (
              <Table.Tr key={x.id}>
                <Table.Td>{x.professional.name}</Table.Td>
                <Table.Td>{t('chain.map.professional')}</Table.Td>
                <Table.Td>{x.service?.name ?? (x.description || x.organisation.name)}</Table.Td>
                <Table.Td>—</Table.Td>
                {canEdit && <Table.Td />}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing && (
        <QualityModal householdId={household.id} contact={editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}

function QualityModal({
  householdId,
  contact,
  onClose,
}: {
  householdId: string;
  contact: NetworkContact;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [quality, setQuality] = useState<RelationQuality>(contact.quality);
  const save = useMutation({
    mutationFn: () =>
      // The full record: the shared patch schema fills absent fields with their defaults.
      api.contacts.update(householdId, contact.id, contact.version, {
        name: contact.name,
        relation: contact.relation,
        phone: contact.phone,
        note: contact.note,
        quality,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['contacts', householdId] });
      notifications.show({ color: 'green', message: t('chain.map.saved', { name: contact.name }) });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('chain.map.editNamed', { name: contact.name })}>
      <Stack gap="sm">
        <Text size="sm" id="quality-label">
          {t('chain.map.quality')}
        </Text>
        <SegmentedControl
          aria-labelledby="quality-label"
          value={quality}
          onChange={(v) => setQuality(v)}
          data={RELATION_QUALITIES.map((q) => ({ value: q, label: t(`chain.map.${q}`) }))}
        />
        <FormError error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('chain.common.cancel')}
          </Button>
          <Button loading={save.isPending} onClick={() => save.mutate()}>
            {t('chain.common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
