import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertOctagon } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { emergencyApi } from '../../api/emergency.js';
import type { Household } from '../../api/endpoints.js';
import { FormError } from '../../components/states.js';
import { notifySuccess } from '../../lib/notify.js';
import { TONE } from '../../theme.js';
import { formatTime } from './format.js';

/**
 * Shown on every household page while the caller reads through emergency access: until when, that everything is
 * recorded and reviewed, and a way to end it now. When the access expires the page reloads the household (a 404).
 */
export function EmergencyBanner({ household }: { household: Household }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const until = household.emergencyUntil;
  const mine = useQuery({
    queryKey: ['emergency', 'mine'],
    queryFn: emergencyApi.mine,
    enabled: until !== null,
  });
  useEffect(() => {
    if (!until) return;
    const ms = Math.max(0, Date.parse(until) - Date.now()) + 1000;
    // setTimeout overflows beyond ~24 days; an emergency access lasts hours.
    const timer = window.setTimeout(
      () => void qc.invalidateQueries({ queryKey: ['household', household.id] }),
      ms,
    );
    return () => window.clearTimeout(timer);
  }, [until, household.id, qc]);
  const active = mine.data?.items.find((a) => a.household.id === household.id && a.state === 'active');
  const end = useMutation({
    mutationFn: () => emergencyApi.end(active!.id),
    onSuccess: () => {
      notifySuccess(t('emergency.banner.ended'));
      qc.removeQueries({ queryKey: ['household', household.id] });
      void qc.invalidateQueries({ queryKey: ['emergency'] });
      void navigate('/emergency');
    },
  });
  if (!until) return null;
  return (
    <Alert
      color={TONE.danger}
      variant="filled"
      icon={<IconAlertOctagon aria-hidden />}
      title={t('emergency.banner.title', { time: formatTime(until) })}
      role="region"
      aria-label={t('emergency.banner.title', { time: formatTime(until) })}
      data-testid="emergency-banner"
    >
      <Group justify="space-between" align="center" gap="sm">
        <Text size="sm" c="white">
          {t('emergency.banner.text')}
        </Text>
        {active && (
          <Button
            variant="white"
            color="red.9"
            size="xs"
            loading={end.isPending}
            onClick={() => end.mutate()}
          >
            {t('emergency.banner.end')}
          </Button>
        )}
      </Group>
      <FormError error={end.error} />
    </Alert>
  );
}
