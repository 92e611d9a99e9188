import { Alert, Button, Grid, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconCircleCheck, IconShieldCheck } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, type AuditQuery } from '../../contracts/index.js';
import { api } from '../api/endpoints.js';
import { PagedAudit } from '../components/AuditTable.js';
import { DateField } from '../components/fields.js';
import { FormError, usePageTitle } from '../components/states.js';
import { TONE } from '../theme.js';

interface FilterValues {
  householdId: string | null;
  userId: string | null;
  action: string | null;
  outcome: string | null;
  from: string | null;
  to: string | null;
}

const EMPTY: FilterValues = {
  householdId: null,
  userId: null,
  action: null,
  outcome: null,
  from: null,
  to: null,
};

function toQuery(v: FilterValues): Omit<AuditQuery, 'before'> {
  return {
    householdId: v.householdId ?? undefined,
    userId: v.userId ?? undefined,
    action: (v.action ?? undefined) as AuditQuery['action'],
    outcome: (v.outcome ?? undefined) as AuditQuery['outcome'],
    from: v.from ?? undefined,
    to: v.to ?? undefined,
    limit: 50,
  };
}

export function AuditLogPage() {
  const { t } = useTranslation();
  usePageTitle(t('audit.title'));
  const [filters, setFilters] = useState<Omit<AuditQuery, 'before'>>(toQuery(EMPTY));
  const households = useQuery({ queryKey: ['households'], queryFn: api.households.list });
  const people = useQuery({ queryKey: ['professionals'], queryFn: api.professionals.list });
  const form = useForm<FilterValues>({
    initialValues: EMPTY,
    validate: {
      to: (to, values) => (to && values.from && to < values.from ? t('audit.filter.toBeforeFrom') : null),
    },
  });
  const verify = useMutation({ mutationFn: api.audit.verify });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('audit.title')}</Title>
          <Text c="dimmed">{t('audit.intro')}</Text>
        </div>
        <Button
          leftSection={<IconShieldCheck size={18} aria-hidden />}
          loading={verify.isPending}
          onClick={() => verify.mutate()}
        >
          {t('audit.verify')}
        </Button>
      </Group>

      <div aria-live="polite">
        {verify.isSuccess &&
          (verify.data.ok ? (
            <Alert
              color={TONE.success}
              variant="light"
              icon={<IconCircleCheck aria-hidden />}
              title={t('audit.verifyOkTitle')}
            >
              {t('audit.verifyOk', { count: verify.data.checked })}
            </Alert>
          ) : (
            <Alert
              color={TONE.danger}
              variant="light"
              icon={<IconAlertTriangle aria-hidden />}
              title={t('audit.verifyBrokenTitle')}
            >
              <Text size="sm">{t('audit.verifyBroken', { count: verify.data.checked })}</Text>
              {verify.data.firstBroken && (
                <Text size="sm" mt={4}>
                  {t('audit.verifyBrokenAt', {
                    seq: verify.data.firstBroken.seq,
                    region: verify.data.firstBroken.regionId,
                    reason: verify.data.firstBroken.reason,
                  })}
                </Text>
              )}
            </Alert>
          ))}
        <FormError error={verify.error} />
      </div>

      <Paper withBorder p="md" component="section" aria-labelledby="audit-filter-heading">
        <Title order={2} size="h4" id="audit-filter-heading" mb="sm">
          {t('audit.filter.title')}
        </Title>
        <form
          noValidate
          onSubmit={form.onSubmit((values) => setFilters(toQuery(values)))}
          onReset={(e) => {
            e.preventDefault();
            form.setValues(EMPTY);
            setFilters(toQuery(EMPTY));
          }}
        >
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
              <Select
                label={t('audit.filter.household')}
                placeholder={t('audit.filter.all')}
                searchable
                clearable
                data={(households.data?.items ?? []).map((h) => ({ value: h.id, label: h.name }))}
                nothingFoundMessage={t('audit.filter.nothingFound')}
                {...form.getInputProps('householdId')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
              <Select
                label={t('audit.filter.user')}
                placeholder={t('audit.filter.all')}
                searchable
                clearable
                data={(people.data?.items ?? []).map((p) => ({
                  value: p.id,
                  label: `${p.name} (${p.organisation.name})`,
                }))}
                nothingFoundMessage={t('audit.filter.nothingFound')}
                {...form.getInputProps('userId')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, lg: 2 }}>
              <Select
                label={t('audit.filter.action')}
                placeholder={t('audit.filter.all')}
                clearable
                data={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`audit.action.${a}`) }))}
                {...form.getInputProps('action')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, lg: 2 }}>
              <Select
                label={t('audit.filter.outcome')}
                placeholder={t('audit.filter.all')}
                clearable
                data={AUDIT_OUTCOMES.map((o) => ({ value: o, label: t(`audit.outcome.${o}`) }))}
                {...form.getInputProps('outcome')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
              <DateField label={t('audit.filter.from')} inputProps={form.getInputProps('from')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
              <DateField label={t('audit.filter.to')} inputProps={form.getInputProps('to')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Group h="100%" align="flex-end" gap="sm">
                <Button type="submit">{t('audit.filter.apply')}</Button>
                <Button type="reset" variant="default">
                  {t('audit.filter.reset')}
                </Button>
              </Group>
            </Grid.Col>
          </Grid>
        </form>
      </Paper>

      <section aria-labelledby="audit-results-heading">
        <Title order={2} size="h4" id="audit-results-heading" mb="sm">
          {t('audit.results')}
        </Title>
        <PagedAudit filters={filters} showHousehold />
      </section>
    </Stack>
  );
}
