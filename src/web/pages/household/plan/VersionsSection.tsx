import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  Modal,
  Radio,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifySuccess } from '../../../lib/notify.js';
import { IconCircleCheck, IconSend } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.js';
import type { Household } from '../../../api/endpoints.js';
import { useMe } from '../../../auth/session.js';
import { DateField } from '../../../components/fields.js';
import { EmptyState, ErrorState, FormError, LoadingState } from '../../../components/states.js';
import { formatDateOnly, formatDateTime } from '../../../lib/format.js';
import { serverFieldErrors } from '../../../lib/validation.js';
import { type Plan, planApi, planKeys } from './api.js';
import { refreshPlan } from './invalidate.js';
import { todayIso } from './people.js';
import { TONE } from '../../../theme.js';
import { ScrollRegion } from './ScrollRegion.js';

const STATUS_COLOR = {
  draft: TONE.neutral,
  proposed: TONE.warning,
  agreed: TONE.success,
  superseded: TONE.neutral,
} as const;

/** Versions of the plan, proposing one, everyone's agreement, and comparing any two. */
export function VersionsSection({ household, plan }: { household: Household; plan: Plan }) {
  const { t } = useTranslation();
  const h = household.id;
  const queryClient = useQueryClient();
  const versions = useQuery({ queryKey: planKeys.versions(h), queryFn: () => planApi.versions(h) });
  const canWrite = household.can.includes('plan.write') && !plan.closed;
  const propose = useMutation({
    mutationFn: (n: number) => planApi.propose(h, n),
    onSuccess: (v) => {
      refreshPlan(queryClient, h);
      notifySuccess(t('plan.versions.proposed', { n: v.number }));
    },
  });
  const items = versions.data?.items ?? [];
  const newest = items[0];
  return (
    <Stack gap="sm" component="section" aria-labelledby="versions-title">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3} size="h4" id="versions-title">
            {t('plan.versions.title')}
          </Title>
          <Text size="sm" c="dimmed" maw={640}>
            {t('plan.versions.intro')}
          </Text>
        </div>
        {canWrite && newest && newest.status === 'draft' && (
          <Button
            leftSection={<IconSend size={16} aria-hidden />}
            loading={propose.isPending}
            onClick={() => propose.mutate(newest.number)}
          >
            {t('plan.versions.propose', { n: newest.number })}
          </Button>
        )}
      </Group>
      <FormError error={propose.error} />
      {versions.isPending && <LoadingState />}
      {versions.isError && <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />}
      {versions.isSuccess && items.length === 0 && <EmptyState>{t('plan.versions.empty')}</EmptyState>}
      {plan.proposedVersion !== null && (
        <AgreementPanel household={household} number={plan.proposedVersion} />
      )}
      {items.length > 0 && (
        <ScrollRegion label={t('plan.versions.caption')}>
          <Table verticalSpacing={6} fz="sm" withTableBorder miw={480}>
            <Table.Caption>{t('plan.versions.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('plan.versions.number')}</Table.Th>
                <Table.Th scope="col">{t('plan.versions.made')}</Table.Th>
                <Table.Th scope="col">{t('plan.versions.by')}</Table.Th>
                <Table.Th scope="col">{t('plan.versions.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.slice(0, 12).map((v) => (
                <Table.Tr key={v.number}>
                  <Table.Th scope="row">{v.number}</Table.Th>
                  <Table.Td>{formatDateTime(v.createdAt)}</Table.Td>
                  <Table.Td>{v.createdBy.name}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[v.status]}>{t(`plan.versions.status.${v.status}`)}</Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      {items.length > 1 && (
        <Compare householdId={h} numbers={items.map((v) => v.number)} agreed={plan.agreedVersion} />
      )}
    </Stack>
  );
}

function AgreementPanel({ household, number }: { household: Household; number: number }) {
  const { t } = useTranslation();
  const me = useMe();
  const h = household.id;
  const queryClient = useQueryClient();
  const detail = useQuery({
    queryKey: [...planKeys.versions(h), number],
    queryFn: () => planApi.version(h, number),
  });
  const [agreeing, setAgreeing] = useState<{ id: string; name: string } | null>(null);
  const acknowledge = useMutation({
    mutationFn: () => planApi.acknowledge(h, number),
    onSuccess: () => {
      refreshPlan(queryClient, h);
      notifySuccess(t('plan.versions.acknowledged'));
    },
  });
  if (detail.isPending) return <LoadingState />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const a = detail.data.agreement;
  const agreedMembers = new Set(a.members.map((m) => m.memberId));
  const ackOrgs = new Set(a.organisations.map((o) => o.organisationId));
  const myOrgPending =
    a.required.organisations.some((o) => o.id === me.user.organisation.id) &&
    !ackOrgs.has(me.user.organisation.id);
  const canWrite = household.can.includes('plan.write');
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="agreement-title">
      <Stack gap="xs">
        <Title order={4} size="h5" id="agreement-title">
          {t('plan.versions.agreementTitle', { n: number })}
        </Title>
        {a.complete && (
          <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />}>
            {t('plan.versions.complete')}
          </Alert>
        )}
        <List spacing={4} size="sm">
          {a.members.map((m) => (
            <List.Item key={m.memberId}>
              {t('plan.versions.agreedBy', {
                name: m.name,
                date: formatDateOnly(m.signedOn),
                method: t(`plan.versions.methodLabel.${m.method}`),
              })}
            </List.Item>
          ))}
          {a.organisations.map((o) => (
            <List.Item key={o.organisationId}>
              {t('plan.versions.acknowledgedBy', {
                name: o.name,
                date: formatDateOnly(o.acknowledgedOn),
                by: o.by,
              })}
            </List.Item>
          ))}
          {a.required.members
            .filter((m) => !agreedMembers.has(m.id))
            .map((m) => (
              <List.Item key={m.id}>
                <Group gap="xs">
                  <Text size="sm">{t('plan.versions.waitingFor', { name: m.name })}</Text>
                  {canWrite && !a.complete && (
                    <Button
                      size="compact-xs"
                      variant="light"
                      aria-label={t('plan.versions.memberAgreesNamed', { name: m.name })}
                      onClick={() => setAgreeing(m)}
                    >
                      {t('plan.versions.memberAgrees')}
                    </Button>
                  )}
                </Group>
              </List.Item>
            ))}
          {a.required.organisations
            .filter((o) => !ackOrgs.has(o.id))
            .map((o) => (
              <List.Item key={o.id}>{t('plan.versions.waitingFor', { name: o.name })}</List.Item>
            ))}
        </List>
        {myOrgPending && household.can.includes('plan.acknowledge') && !a.complete && (
          <Group>
            <Button
              size="xs"
              leftSection={<IconCircleCheck size={14} aria-hidden />}
              loading={acknowledge.isPending}
              onClick={() => acknowledge.mutate()}
            >
              {t('plan.versions.acknowledge')}
            </Button>
          </Group>
        )}
        <FormError error={acknowledge.error} />
      </Stack>
      {agreeing && (
        <AgreeModal householdId={h} number={number} member={agreeing} onClose={() => setAgreeing(null)} />
      )}
    </Card>
  );
}

function AgreeModal({
  householdId,
  number,
  member,
  onClose,
}: {
  householdId: string;
  number: number;
  member: { id: string; name: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<{ method: string; signedOn: string | null }>({
    initialValues: { method: 'app', signedOn: todayIso() },
    validate: { signedOn: (v) => (v ? null : t('validation.required')) },
  });
  const save = useMutation({
    mutationFn: (v: { method: string; signedOn: string | null }) =>
      planApi.agree(householdId, number, {
        memberId: member.id,
        method: v.method as 'app' | 'paper',
        signedOn: v.signedOn!,
      }),
    onSuccess: () => {
      refreshPlan(queryClient, householdId);
      onClose();
    },
    onError: (error) => {
      if (isApiError(error) && error.fields.length) form.setErrors(serverFieldErrors(error.fields, t));
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={t('plan.versions.memberAgreesNamed', { name: member.name })}
    >
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack gap="md">
          <Radio.Group label={t('plan.versions.method')} {...form.getInputProps('method')}>
            <Group gap="lg" mt={4}>
              <Radio value="app" label={t('plan.versions.methodLabel.app')} />
              <Radio value="paper" label={t('plan.versions.methodLabel.paper')} />
            </Group>
          </Radio.Group>
          <DateField
            label={t('plan.versions.signedOn')}
            inputProps={form.getInputProps('signedOn')}
            maxToday
            clearable={false}
          />
          <FormError error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const STATUS_KEY: Record<string, string> = {
  goals: 'plan.goals.statusLabel',
  actions: 'plan.actions.statusLabel',
};

/** A changed value in words: statuses, life domains and dates as the UI shows them elsewhere. */
function useShowField() {
  const { t } = useTranslation();
  return (part: string, field: string, value: unknown): string => {
    if (field === 'status' && STATUS_KEY[part] && typeof value === 'string')
      return t(`${STATUS_KEY[part]}.${value}`);
    if (field === 'domain' && typeof value === 'string') return t(`plan.domain.${value}`);
    if (field === 'domains' && Array.isArray(value))
      return value.map((d) => t(`plan.domain.${String(d)}`)).join(', ');
    if (field === 'kind' && typeof value === 'string') return t(`plan.goals.kindLabel.${value}`);
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDateOnly(value);
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    return show(value);
  };
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.map(show).join(', ');
  if (typeof value === 'object') return 'name' in value ? show(value.name) : JSON.stringify(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function Compare({
  householdId,
  numbers,
  agreed,
}: {
  householdId: string;
  numbers: number[];
  agreed: number | null;
}) {
  const { t } = useTranslation();
  const showField = useShowField();
  const [from, setFrom] = useState(String(agreed ?? numbers[1]));
  const [to, setTo] = useState(String(numbers[0]));
  const diff = useQuery({
    queryKey: ['plan-compare', householdId, from, to],
    queryFn: () => planApi.compare(householdId, Number(from), Number(to)),
    enabled: from !== to,
  });
  const options = numbers.map((n) => ({ value: String(n), label: t('plan.plan.version', { n }) }));
  const titleOf = (item: Record<string, unknown>) =>
    typeof item.plannedOn === 'string' ? formatDateOnly(item.plannedOn) : show(item.text ?? item.what);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="compare-title">
      <Stack gap="sm">
        <Title order={4} size="h5" id="compare-title">
          {t('plan.versions.compare')}
        </Title>
        <Group grow maw={420}>
          <Select
            label={t('plan.versions.from')}
            data={options}
            value={from}
            onChange={(v) => v && setFrom(v)}
            allowDeselect={false}
          />
          <Select
            label={t('plan.versions.to')}
            data={options}
            value={to}
            onChange={(v) => v && setTo(v)}
            allowDeselect={false}
          />
        </Group>
        {diff.isError && <ErrorState error={diff.error} />}
        {diff.data && diff.data.changes.length === 0 && <Text size="sm">{t('plan.versions.noChanges')}</Text>}
        {diff.data && diff.data.changes.length > 0 && (
          <Stack gap="xs">
            {diff.data.changes.map((c) => (
              <div key={`${c.part}-${c.id}`}>
                <Text size="sm" fw={600}>
                  {`${t(`plan.versions.change.${c.change}`)} · ${t(`plan.versions.part.${c.part}`)}: ${titleOf(c.item)}`}
                </Text>
                {c.fields.length > 0 && (
                  <Table fz="xs" verticalSpacing={2} withTableBorder>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('plan.versions.field')}</Table.Th>
                        <Table.Th scope="col">{t('plan.versions.before')}</Table.Th>
                        <Table.Th scope="col">{t('plan.versions.after')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {c.fields.map((f) => (
                        <Table.Tr key={f.field}>
                          <Table.Th scope="row">
                            {t(`plan.versions.fields.${f.field}`, { defaultValue: f.field })}
                          </Table.Th>
                          <Table.Td>{showField(c.part, f.field, f.before)}</Table.Td>
                          <Table.Td>{showField(c.part, f.field, f.after)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
              </div>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
