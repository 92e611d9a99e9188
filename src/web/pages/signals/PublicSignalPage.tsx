import {
  Alert,
  Anchor,
  Box,
  Button,
  Code,
  Group,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/client.js';
import { signalsApi } from '../../api/signals.js';
import { FormError, usePageTitle } from '../../components/states.js';
import { parseDateInput } from '../../lib/format.js';
import { serverFieldErrors } from '../../lib/validation.js';
import { PublicShell } from './PublicShell.js';

const initial = {
  signallerName: '',
  signallerEmail: '',
  signallerPhone: '',
  name: '',
  dateOfBirth: '',
  street: '',
  houseNumber: '',
  postcode: '',
  city: '',
  concern: '',
  urgency: 'normal' as 'normal' | 'urgent',
  website: '',
};

/** The public form: anyone reports a concern without an account (B1 Dutch). */
export function PublicSignalPage() {
  const { t } = useTranslation();
  usePageTitle(t('signals.public.title'));
  const form = useForm({
    initialValues: initial,
    validate: {
      signallerName: (v) => (v.trim() ? null : t('validation.required')),
      name: (v) => (v.trim() ? null : t('validation.required')),
      concern: (v) => (v.trim().length >= 10 ? null : t('signals.public.concernHelp')),
      dateOfBirth: (v) => (v.trim() === '' || parseDateInput(v) ? null : t('validation.invalid.dateOfBirth')),
    },
  });
  const submit = useMutation({
    mutationFn: (v: typeof initial) =>
      signalsApi.submitPublic({
        signallerName: v.signallerName,
        signallerEmail: v.signallerEmail,
        signallerPhone: v.signallerPhone,
        subject: {
          name: v.name,
          dateOfBirth: v.dateOfBirth.trim() ? parseDateInput(v.dateOfBirth) : null,
          address: { street: v.street, houseNumber: v.houseNumber, postcode: v.postcode, city: v.city },
        },
        concern: v.concern,
        urgency: v.urgency,
        website: v.website,
      }),
    onError: (error) => {
      if (isApiError(error) && error.fields.length) {
        form.setErrors(serverFieldErrors(error.fields, t, { strip: 'subject.address.' }));
      }
    },
  });

  if (submit.isSuccess) {
    return (
      <PublicShell>
        <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md">
          <Stack gap="md" role="status">
            <Group gap="sm" wrap="nowrap">
              <IconCircleCheck size={28} color="var(--mantine-color-green-8)" aria-hidden />
              <Title order={1} size="h2">
                {t('signals.public.thanksTitle')}
              </Title>
            </Group>
            <Text>{t('signals.public.thanksText')}</Text>
            <Text>
              {t('signals.public.yourCode')}:{' '}
              <Code fz="lg" fw={700} data-testid="reference-code">
                {submit.data.referenceCode}
              </Code>
            </Text>
            <Text size="sm">{t('signals.public.privacy')}</Text>
            <Group>
              <Button
                component={Link}
                to={`/melden/status?code=${encodeURIComponent(submit.data.referenceCode)}`}
              >
                {t('signals.public.checkStatus')}
              </Button>
              <Button
                variant="default"
                onClick={() => {
                  form.reset();
                  submit.reset();
                }}
              >
                {t('signals.public.another')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </PublicShell>
    );
  }

  return (
    <PublicShell>
      <Stack gap="lg">
        <div>
          <Title order={1}>{t('signals.public.title')}</Title>
          <Text mt="xs">{t('signals.public.intro')}</Text>
        </div>
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          {t('signals.public.emergency')}
        </Alert>
        <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md">
          <form noValidate onSubmit={form.onSubmit((v) => submit.mutate(v))}>
            <Stack gap="lg">
              <Stack gap="sm" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
                <Title order={2} size="h4" component="legend">
                  {t('signals.public.about')}
                </Title>
                <TextInput
                  label={t('signals.public.subjectName')}
                  required
                  maxLength={120}
                  {...form.getInputProps('name')}
                />
                <TextInput
                  label={t('signals.public.subjectDob')}
                  placeholder="dd-mm-jjjj"
                  maxLength={10}
                  {...form.getInputProps('dateOfBirth')}
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label={t('signals.public.street')}
                    maxLength={120}
                    autoComplete="off"
                    {...form.getInputProps('street')}
                  />
                  <TextInput
                    label={t('signals.public.houseNumber')}
                    maxLength={20}
                    autoComplete="off"
                    {...form.getInputProps('houseNumber')}
                  />
                  <TextInput
                    label={t('signals.public.postcode')}
                    maxLength={7}
                    autoComplete="off"
                    {...form.getInputProps('postcode')}
                  />
                  <TextInput
                    label={t('signals.public.city')}
                    maxLength={120}
                    autoComplete="off"
                    {...form.getInputProps('city')}
                  />
                </SimpleGrid>
              </Stack>
              <Textarea
                label={t('signals.public.concern')}
                description={t('signals.public.concernHelp')}
                required
                autosize
                minRows={4}
                maxLength={4000}
                {...form.getInputProps('concern')}
              />
              <Radio.Group label={t('signals.public.urgency')} required {...form.getInputProps('urgency')}>
                <Stack gap="xs" mt="xs">
                  <Radio value="urgent" label={t('signals.public.urgent')} />
                  <Radio value="normal" label={t('signals.public.normal')} />
                </Stack>
              </Radio.Group>
              <Stack gap="sm" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
                <Title order={2} size="h4" component="legend">
                  {t('signals.public.you')}
                </Title>
                <TextInput
                  label={t('signals.public.yourName')}
                  required
                  maxLength={120}
                  autoComplete="name"
                  {...form.getInputProps('signallerName')}
                />
                <TextInput
                  label={t('signals.public.yourEmail')}
                  description={t('signals.public.yourEmailHelp')}
                  type="email"
                  maxLength={254}
                  autoComplete="email"
                  {...form.getInputProps('signallerEmail')}
                />
                <TextInput
                  label={t('signals.public.yourPhone')}
                  description={t('signals.public.yourPhoneHelp')}
                  type="tel"
                  maxLength={30}
                  autoComplete="tel"
                  {...form.getInputProps('signallerPhone')}
                />
              </Stack>
              {/* Honeypot: hidden from people and assistive technology; robots fill it in. */}
              <Box
                style={{ position: 'absolute', left: '-10000px', width: 1, height: 1, overflow: 'hidden' }}
                aria-hidden="true"
              >
                <label>
                  {t('signals.public.honeypot')}
                  <input
                    type="text"
                    name="website"
                    tabIndex={-1}
                    autoComplete="off"
                    {...form.getInputProps('website')}
                  />
                </label>
              </Box>
              <Text size="sm">{t('signals.public.privacy')}</Text>
              <FormError
                error={
                  submit.error && !(isApiError(submit.error) && submit.error.fields.length)
                    ? submit.error
                    : null
                }
              />
              <Group justify="space-between">
                <Anchor component={Link} to="/melden/status">
                  {t('signals.public.statusLink')}
                </Anchor>
                <Button type="submit" loading={submit.isPending}>
                  {t('signals.public.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      </Stack>
    </PublicShell>
  );
}
