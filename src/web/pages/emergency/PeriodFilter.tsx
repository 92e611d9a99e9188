import { Button, Grid, Group } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/fields.js';

export interface Period {
  from?: string;
  to?: string;
}

const MAX_DAYS = 366;

/** From/to dates for an access overview; checks from ≤ to and at most a year, like the server does. */
export function PeriodFilter({ onChange, idPrefix }: { onChange: (p: Period) => void; idPrefix: string }) {
  const { t } = useTranslation();
  const form = useForm<{ from: string | null; to: string | null }>({
    initialValues: { from: null, to: null },
    validate: {
      to: (to, v) => {
        if (!to || !v.from) return null;
        if (to < v.from) return t('emergency.period.toBeforeFrom');
        const days = (Date.parse(to) - Date.parse(v.from)) / 86_400_000 + 1;
        return days > MAX_DAYS ? t('emergency.period.tooLong') : null;
      },
    },
  });
  return (
    <form
      noValidate
      id={`${idPrefix}-period`}
      onSubmit={form.onSubmit((v) => onChange({ from: v.from ?? undefined, to: v.to ?? undefined }))}
    >
      <Grid gap="sm" align="flex-end">
        <Grid.Col span={{ base: 12, xs: 6, md: 4 }}>
          <DateField label={t('emergency.period.from')} inputProps={form.getInputProps('from')} maxToday />
        </Grid.Col>
        <Grid.Col span={{ base: 12, xs: 6, md: 4 }}>
          <DateField label={t('emergency.period.to')} inputProps={form.getInputProps('to')} maxToday />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Group>
            <Button type="submit">{t('emergency.period.show')}</Button>
          </Group>
        </Grid.Col>
      </Grid>
    </form>
  );
}
