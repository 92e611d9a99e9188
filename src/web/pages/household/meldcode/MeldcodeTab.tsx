import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Radio,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AFWEGING_QUESTIONS, type MeldcodeStepInput } from '../../../../contracts/index.js';
import { isApiError } from '../../../api/client.js';
import type { Household } from '../../../api/endpoints.js';
import { type MeldcodeCase, signalsApi } from '../../../api/signals.js';
import { EmptyState, ErrorState, FormError, LoadingState } from '../../../components/states.js';
import { formatDateOnly, formatDateTime, parseDateInput } from '../../../lib/format.js';
import { useIdempotencyKey } from '../../../lib/useIdempotencyKey.js';
import { serverFieldErrors } from '../../../lib/validation.js';
import { notifySuccess } from '../../../lib/notify.js';

const blank = {
  signals: '',
  colleague: '',
  veiligThuisConsulted: false,
  veiligThuisAdvice: '',
  skipped: false,
  conversation: '',
  skipReason: '',
  suspicion: '',
  acuteOrStructural: '',
  canHelp: '',
  accepted: '',
  safeInTime: '',
  organiseHelp: false,
  report: false,
  reportedOn: '',
  explanation: '',
};
type Values = typeof blank;

function toInput(step: number, v: Values): MeldcodeStepInput {
  const a = (x: string) => ({ answer: x === 'yes', note: '' });
  switch (step) {
    case 1:
      return { step: 1, signals: v.signals };
    case 2:
      return {
        step: 2,
        colleague: v.colleague,
        veiligThuisConsulted: v.veiligThuisConsulted,
        veiligThuisAdvice: v.veiligThuisAdvice,
      };
    case 3:
      return { step: 3, skipped: v.skipped, conversation: v.conversation, skipReason: v.skipReason };
    case 4:
      return {
        step: 4,
        suspicion: a(v.suspicion),
        acuteOrStructural: a(v.acuteOrStructural),
        canHelp: a(v.canHelp),
        accepted: a(v.accepted),
        safeInTime: a(v.safeInTime),
      };
    default:
      return {
        step: 5,
        organiseHelp: v.organiseHelp,
        report: v.report,
        reportedOn: v.reportedOn ? parseDateInput(v.reportedOn) : null,
        explanation: v.explanation,
      };
  }
}

function StepForm({ household, c }: { household: Household; c: MeldcodeCase }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const idem = useIdempotencyKey();
  const step = c.nextStep!;
  const form = useForm({ initialValues: blank });
  const save = useMutation({
    mutationFn: (v: Values) =>
      signalsApi.recordStep(household.id, c.id, c.version, toInput(step, v), idem.key()),
    onSuccess: () => {
      idem.settle();
      form.reset();
      notifySuccess(t('signals.meldcode.saved'));
      void client.invalidateQueries({ queryKey: ['meldcode', household.id] });
    },
    onError: (error) => {
      idem.settle(error);
      if (isApiError(error) && error.fields.length) form.setErrors(serverFieldErrors(error.fields, t));
    },
  });
  const yesNo = (name: keyof Values) => (
    <Radio.Group
      key={name}
      label={t(`signals.meldcode.questions.${name}`)}
      required
      {...form.getInputProps(name)}
    >
      <Group mt={4}>
        <Radio value="yes" label={t('signals.meldcode.yes')} />
        <Radio value="no" label={t('signals.meldcode.no')} />
      </Group>
    </Radio.Group>
  );
  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t(`signals.meldcode.step.${step}`)}
        </Title>
        {step === 1 && (
          <Textarea
            label={t('signals.meldcode.signals')}
            required
            autosize
            minRows={3}
            maxLength={4000}
            {...form.getInputProps('signals')}
          />
        )}
        {step === 2 && (
          <>
            <Textarea
              label={t('signals.meldcode.colleague')}
              required
              autosize
              minRows={2}
              maxLength={4000}
              {...form.getInputProps('colleague')}
            />
            <Checkbox
              label={t('signals.meldcode.vtConsulted')}
              {...form.getInputProps('veiligThuisConsulted', { type: 'checkbox' })}
            />
            {form.values.veiligThuisConsulted && (
              <Textarea
                label={t('signals.meldcode.vtAdvice')}
                required
                autosize
                maxLength={4000}
                {...form.getInputProps('veiligThuisAdvice')}
              />
            )}
          </>
        )}
        {step === 3 && (
          <>
            <Checkbox
              label={t('signals.meldcode.skipped')}
              {...form.getInputProps('skipped', { type: 'checkbox' })}
            />
            {form.values.skipped ? (
              <Textarea
                label={t('signals.meldcode.skipReason')}
                required
                autosize
                maxLength={4000}
                {...form.getInputProps('skipReason')}
              />
            ) : (
              <Textarea
                label={t('signals.meldcode.conversation')}
                required
                autosize
                maxLength={4000}
                {...form.getInputProps('conversation')}
              />
            )}
          </>
        )}
        {step === 4 && AFWEGING_QUESTIONS.map((q) => yesNo(q))}
        {step === 5 && (
          <>
            {c.required !== 'pending' && c.required !== 'close' && (
              <Alert color={c.required === 'report' ? 'orange' : 'blue'} variant="light">
                {t(`signals.meldcode.required.${c.required}`)}
              </Alert>
            )}
            <Checkbox
              label={t('signals.meldcode.organiseHelp')}
              {...form.getInputProps('organiseHelp', { type: 'checkbox' })}
            />
            <Checkbox
              label={t('signals.meldcode.report')}
              {...form.getInputProps('report', { type: 'checkbox' })}
            />
            {form.values.report && (
              <TextInput
                label={t('signals.meldcode.reportedOn')}
                placeholder="dd-mm-jjjj"
                required
                maxLength={10}
                {...form.getInputProps('reportedOn')}
              />
            )}
            <Textarea
              label={t('signals.meldcode.explanation')}
              required
              autosize
              maxLength={4000}
              {...form.getInputProps('explanation')}
            />
          </>
        )}
        <FormError
          error={save.error && !(isApiError(save.error) && save.error.fields.length) ? save.error : null}
        />
        <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('signals.meldcode.record')}
        </Button>
      </Stack>
    </form>
  );
}

function summary(data: Record<string, unknown>): string {
  return Object.entries(data)
    .filter(([k, v]) => k !== 'step' && v !== '' && v !== null)
    .map(([, v]) =>
      typeof v === 'object' && v && 'answer' in v
        ? (v as { answer: boolean }).answer
          ? '✓'
          : '✗'
        : String(v),
    )
    .join(' · ');
}

/** The meldcode path of the household: the five steps, recorded in order (coordinator only). */
export function MeldcodeTab({ household }: { household: Household }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const idem = useIdempotencyKey();
  const query = useQuery({
    queryKey: ['meldcode', household.id],
    queryFn: () => signalsApi.meldcode(household.id),
  });
  const start = useMutation({
    mutationFn: () => signalsApi.openMeldcode(household.id, idem.key()),
    onSuccess: () => {
      idem.settle();
      void client.invalidateQueries({ queryKey: ['meldcode', household.id] });
    },
    onError: (e) => idem.settle(e),
  });
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const cases = query.data.items;
  const hasOpen = cases.some((c) => c.status === 'open');
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('signals.meldcode.title')}
      </Title>
      <Text size="sm">{t('signals.meldcode.intro')}</Text>
      {cases.length === 0 && <EmptyState>{t('signals.meldcode.none')}</EmptyState>}
      {!hasOpen && (
        <Button
          variant="default"
          onClick={() => start.mutate()}
          loading={start.isPending}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('signals.meldcode.start')}
        </Button>
      )}
      <FormError error={start.error} />
      {cases.map((c) => (
        <Paper key={c.id} withBorder p="md" radius="md">
          <Group gap="xs">
            <Badge variant="filled" color={c.status === 'open' ? '#9c3d00' : 'gray.8'}>
              {c.status === 'open' ? t('signals.meldcode.open') : t('signals.meldcode.closed')}
            </Badge>
            <Text size="sm">{t('signals.meldcode.openedAt', { date: formatDateTime(c.openedAt) })}</Text>
          </Group>
          {c.report && (
            <Alert color="orange" variant="light" mt="sm">
              {t('signals.meldcode.reportRecorded', { date: formatDateOnly(c.report.reportedOn) })}
            </Alert>
          )}
          <Stack gap="xs" mt="sm" component="ol" style={{ paddingLeft: 0, listStyle: 'none' }}>
            {c.steps.map((s, i) => (
              <li key={i}>
                <Text fw={600} size="sm">
                  {t(`signals.meldcode.step.${s.step}`)}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {summary(s.data)}
                </Text>
                <Text size="xs">
                  {t('signals.meldcode.recordedBy', {
                    name: s.recordedBy.name,
                    date: formatDateTime(s.recordedAt),
                  })}
                </Text>
              </li>
            ))}
          </Stack>
          {c.status === 'open' && c.nextStep && (
            <Paper mt="md" p="sm" bg="gray.0" radius="md">
              <StepForm household={household} c={c} />
            </Paper>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
