import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLinkOff, IconStar, IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Household, type Involvement } from '../../api/endpoints.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { EmptyState, ErrorState, FormError, LoadingState } from '../../components/states.js';
import { formatDate } from '../../lib/format.js';
import { useIdempotencyKey } from '../../lib/useIdempotencyKey.js';
import { Fact } from './MembersTab.js';
import { TONE } from '../../theme.js';
import { InvolvedChainSummary, InvolvementChainFacts } from './chain/InvolvedExtras.js';
import { notifySuccess } from '../../lib/notify.js';

function ContactFacts({ involvement }: { involvement: Involvement }) {
  const { t } = useTranslation();
  const p = involvement.professional;
  return (
    <dl className="facts">
      <Fact label={t('involved.organisation')}>
        {involvement.organisation.name} ({t(`orgType.${involvement.organisation.type}`)})
      </Fact>
      <Fact label={t('involved.phone')}>
        {p.phone ? (
          <Anchor fz="inherit" href={`tel:${p.phone.replace(/[^+0-9]/g, '')}`}>
            {p.phone}
          </Anchor>
        ) : (
          t('common.none')
        )}
      </Fact>
      <Fact label={t('involved.email')}>
        {p.email ? (
          <Anchor fz="inherit" href={`mailto:${p.email}`}>
            {p.email}
          </Anchor>
        ) : (
          t('common.none')
        )}
      </Fact>
      {involvement.description && <Fact label={t('involved.task')}>{involvement.description}</Fact>}
      <Fact label={t('involved.since')}>{formatDate(involvement.since)}</Fact>
    </dl>
  );
}

export function InvolvementsTab({ household }: { household: Household }) {
  const { t } = useTranslation();
  const canManage = household.can.includes('involvement.manage');
  const query = useQuery({
    queryKey: ['involvements', household.id],
    queryFn: () => api.involvements.list(household.id),
  });
  const [attaching, setAttaching] = useState(false);
  const [detaching, setDetaching] = useState<Involvement | null>(null);
  const items = query.data?.items ?? [];
  const coordinators = items.filter((i) => i.relation === 'coordinator');
  const partners = items
    .filter((i) => i.relation === 'partner')
    .sort((a, b) => a.organisation.name.localeCompare(b.organisation.name, 'nl'));

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('involved.title')}
        </Title>
        {canManage && (
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setAttaching(true)}>
            {t('involved.attach')}
          </Button>
        )}
      </Group>
      {query.isPending && <LoadingState label={t('involved.loading')} />}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && (
        <>
          <InvolvedChainSummary householdId={household.id} />
          <section aria-labelledby="coordinator-heading">
            {coordinators.length === 0 ? (
              <Paper withBorder p="md">
                <Title order={3} size="h4" id="coordinator-heading">
                  {t('involved.coordinatorHeading')}
                </Title>
                <Text mt="xs">{t('involved.noCoordinator')}</Text>
              </Paper>
            ) : (
              coordinators.map((c) => (
                <Paper
                  key={c.id}
                  withBorder
                  p="md"
                  style={{ borderLeft: '4px solid var(--mantine-color-schakel-7)' }}
                >
                  <Group gap="xs" mb={4}>
                    <IconStar size={18} aria-hidden color="var(--mantine-color-schakel-7)" />
                    <Title order={3} size="h4" id="coordinator-heading">
                      {t('involved.coordinatorHeading')}
                    </Title>
                  </Group>
                  <Text size="sm" c="dimmed" mb="xs">
                    {t('involved.coordinatorHelp')}
                  </Text>
                  <Text fw={700} fz="lg">
                    {c.professional.name}
                  </Text>
                  <ContactFacts involvement={c} />
                </Paper>
              ))
            )}
          </section>
          <section aria-labelledby="partners-heading">
            <Title order={3} size="h4" id="partners-heading" mb="sm">
              {t('involved.partnersHeading', { count: partners.length })}
            </Title>
            {partners.length === 0 ? (
              <EmptyState>{t('involved.noPartners')}</EmptyState>
            ) : (
              <SimpleGrid
                cols={{ base: 1, sm: 2, lg: 3 }}
                spacing="md"
                component="ul"
                p={0}
                m={0}
                style={{ listStyle: 'none' }}
              >
                {partners.map((p) => (
                  <Card key={p.id} withBorder component="li" padding="md">
                    <Stack gap={6} h="100%">
                      <Text fw={700}>{p.professional.name}</Text>
                      <Badge color={TONE.neutral}>{t(`orgType.${p.organisation.type}`)}</Badge>
                      <InvolvementChainFacts householdId={household.id} involvementId={p.id} />
                      <ContactFacts involvement={p} />
                      {canManage && (
                        <Group mt="auto">
                          <Button
                            size="xs"
                            variant="subtle"
                            color={TONE.danger}
                            leftSection={<IconLinkOff size={14} aria-hidden />}
                            onClick={() => setDetaching(p)}
                            aria-label={t('involved.detachNamed', { name: p.professional.name })}
                          >
                            {t('involved.detach')}
                          </Button>
                        </Group>
                      )}
                    </Stack>
                  </Card>
                ))}
              </SimpleGrid>
            )}
          </section>
        </>
      )}
      {attaching && (
        <AttachModal
          householdId={household.id}
          involvedUserIds={items.map((i) => i.professional.id)}
          onClose={() => setAttaching(false)}
        />
      )}
      {detaching && (
        <DetachDialog householdId={household.id} involvement={detaching} onClose={() => setDetaching(null)} />
      )}
    </Stack>
  );
}

function AttachModal({
  householdId,
  involvedUserIds,
  onClose,
}: {
  householdId: string;
  involvedUserIds: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const idem = useIdempotencyKey();
  const professionals = useQuery({ queryKey: ['professionals'], queryFn: api.professionals.list });
  const form = useForm({
    initialValues: { userId: '', description: '' },
    validate: {
      userId: (v) => (v ? null : t('involved.chooseProfessional')),
      description: (v) => (v.length > 120 ? t('validation.tooLong', { max: 120 }) : null),
    },
  });
  const attach = useMutation({
    mutationFn: (values: { userId: string; description: string }) =>
      api.involvements.create(householdId, values, idem.key()),
    onSuccess: (created) => {
      idem.settle();
      void queryClient.invalidateQueries({ queryKey: ['involvements', householdId] });
      void queryClient.invalidateQueries({ queryKey: ['involved', householdId] });
      notifySuccess(t('involved.attached', { name: created.professional.name }));
      onClose();
    },
    onError: (error) => idem.settle(error),
  });

  const options = (professionals.data?.items ?? [])
    .filter((p) => !involvedUserIds.includes(p.id))
    .sort(
      (a, b) =>
        a.organisation.name.localeCompare(b.organisation.name, 'nl') || a.name.localeCompare(b.name, 'nl'),
    );
  const groups = Object.entries(
    options.reduce<Record<string, { value: string; label: string }[]>>((acc, p) => {
      (acc[p.organisation.name] ??= []).push({ value: p.id, label: p.name });
      return acc;
    }, {}),
  ).map(([group, items]) => ({ group, items }));

  return (
    <Modal opened onClose={onClose} title={t('involved.attachTitle')} size="lg">
      <form noValidate onSubmit={form.onSubmit((values) => attach.mutate(values))}>
        <Stack gap="md">
          <Text size="sm">{t('involved.attachIntro')}</Text>
          {professionals.isPending && <LoadingState label={t('involved.loadingProfessionals')} />}
          {professionals.isError && (
            <ErrorState error={professionals.error} onRetry={() => void professionals.refetch()} />
          )}
          {professionals.isSuccess && (
            <Select
              label={t('involved.professional')}
              placeholder={t('involved.professionalPlaceholder')}
              searchable
              required
              nothingFoundMessage={t('involved.noProfessionals')}
              data={groups}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('userId')}
            />
          )}
          <TextInput
            label={t('involved.description')}
            description={t('involved.descriptionHelp')}
            {...form.getInputProps('description')}
          />
          <FormError error={attach.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={attach.isPending}>
              {t('involved.attachSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function DetachDialog({
  householdId,
  involvement,
  onClose,
}: {
  householdId: string;
  involvement: Involvement;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const detach = useMutation({
    mutationFn: () => api.involvements.remove(householdId, involvement.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['involvements', householdId] });
      void queryClient.invalidateQueries({ queryKey: ['involved', householdId] });
      notifySuccess(t('involved.detached', { name: involvement.professional.name }));
      onClose();
    },
  });
  return (
    <ConfirmDialog
      opened
      title={t('involved.detachTitle')}
      confirmLabel={t('involved.detach')}
      danger
      busy={detach.isPending}
      error={detach.error}
      onConfirm={() => detach.mutate()}
      onCancel={onClose}
    >
      {t('involved.detachText', {
        name: involvement.professional.name,
        organisation: involvement.organisation.name,
      })}
    </ConfirmDialog>
  );
}
