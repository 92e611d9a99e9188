import { Button, Paper, Radio, Select, Stack, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ORGANISATION_TYPES, TRIAGE_OUTCOMES, type TriageOutcome } from '../../../contracts/index.js';
import { isApiError } from '../../api/client.js';
import { api } from '../../api/endpoints.js';
import { type SignalDetail, signalsApi } from '../../api/signals.js';
import { useSession } from '../../auth/session.js';
import { FormError } from '../../components/states.js';
import { useIdempotencyKey } from '../../lib/useIdempotencyKey.js';
import { serverFieldErrors } from '../../lib/validation.js';
import { notifySuccess } from '../../lib/notify.js';

/** The triage decision: outcome, category, organisation, reasons. `householdId` is the match confirmed above. */
export function DecisionForm({ signal, householdId }: { signal: SignalDetail; householdId: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const client = useQueryClient();
  const idem = useIdempotencyKey();
  const orgs = useQuery({ queryKey: ['organisations-directory'], queryFn: () => api.organisations.list() });
  const form = useForm({
    initialValues: {
      outcome: '' as TriageOutcome | '',
      pyramidCategory: '',
      referredOrganisationId: '',
      dominantProblem: '',
      reasons: '',
    },
    validate: {
      outcome: (v) => (v ? null : t('validation.required')),
      reasons: (v) => (v.trim().length >= 5 ? null : t('signals.triage.reasonsHelp')),
    },
  });
  const decide = useMutation({
    mutationFn: (v: typeof form.values) =>
      signalsApi.decide(
        signal.id,
        signal.version,
        {
          outcome: v.outcome as TriageOutcome,
          reasons: v.reasons,
          pyramidCategory: v.pyramidCategory === '' ? null : (Number(v.pyramidCategory) as 0 | 1 | 2 | 3 | 4),
          householdId,
          referredOrganisationId: v.referredOrganisationId || null,
          dominantProblem: (v.dominantProblem || null) as (typeof ORGANISATION_TYPES)[number] | null,
        },
        idem.key(),
      ),
    onSuccess: (result) => {
      idem.settle();
      notifySuccess(t('signals.triage.decidedToast'));
      void client.invalidateQueries({ queryKey: ['triage'] });
      if (
        can('coordinator.assign') &&
        result.householdId &&
        (result.signal.outcome === 'intensive' || result.signal.outcome === 'safety')
      )
        void navigate(`/assignment/${result.householdId}`);
      else void client.invalidateQueries({ queryKey: ['triage-signal', signal.id] });
    },
    onError: (error) => {
      idem.settle(error);
      if (isApiError(error) && error.fields.length) form.setErrors(serverFieldErrors(error.fields, t));
    },
  });
  const outcome = form.values.outcome;
  const orgOptions = (orgs.data?.items ?? [])
    .filter((o) => o.active)
    .map((o) => ({ value: o.id, label: o.name }));
  return (
    <Paper withBorder p="md" radius="md">
      <form noValidate onSubmit={form.onSubmit((v) => decide.mutate(v))}>
        <Stack gap="md">
          <Title order={2} size="h3">
            {t('signals.triage.decision')}
          </Title>
          <Radio.Group label={t('signals.triage.outcomeLabel')} required {...form.getInputProps('outcome')}>
            <Stack gap="xs" mt="xs">
              {TRIAGE_OUTCOMES.map((o) => (
                <Radio key={o} value={o} label={t(`signals.outcome.${o}`)} />
              ))}
            </Stack>
          </Radio.Group>
          {(outcome === 'intensive' || outcome === 'safety') && (
            <Select
              label={t('signals.triage.pyramid')}
              required
              data={[0, 1, 2, 3, 4].map((n) => ({ value: String(n), label: t(`pyramid.short.${n}`) }))}
              {...form.getInputProps('pyramidCategory')}
            />
          )}
          {outcome === 'regular' && (
            <Select
              label={t('signals.triage.referTo')}
              required
              searchable
              data={orgOptions}
              {...form.getInputProps('referredOrganisationId')}
            />
          )}
          {outcome !== 'no_action' && outcome !== '' && (
            <Select
              label={t('signals.triage.dominant')}
              description={t('signals.triage.dominantHelp')}
              clearable
              data={ORGANISATION_TYPES.map((o) => ({ value: o, label: t(`orgType.${o}`) }))}
              {...form.getInputProps('dominantProblem')}
            />
          )}
          <Textarea
            label={t('signals.triage.reasons')}
            description={t('signals.triage.reasonsHelp')}
            required
            autosize
            minRows={3}
            maxLength={4000}
            {...form.getInputProps('reasons')}
          />
          <FormError
            error={
              decide.error && !(isApiError(decide.error) && decide.error.fields.length) ? decide.error : null
            }
          />
          <Button type="submit" loading={decide.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('signals.triage.decide')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
