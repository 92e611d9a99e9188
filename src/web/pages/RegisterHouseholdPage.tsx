import { Button, Fieldset, Grid, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { HouseholdCreate, type PYRAMID_CATEGORIES } from '../../contracts/index.js';
import { isApiError } from '../api/client.js';
import { api } from '../api/endpoints.js';
import {
  ContactFields,
  emptyContact,
  emptyMember,
  MemberFields,
  PyramidField,
  type ContactFormValues,
  type MemberFormValues,
} from '../components/fields.js';
import { FormError, usePageTitle } from '../components/states.js';
import { useIdempotencyKey } from '../lib/useIdempotencyKey.js';
import { schemaErrors, serverFieldErrors } from '../lib/validation.js';
import { TONE } from '../theme.js';
import { notifySuccess } from '../lib/notify.js';

interface RegisterValues {
  name: string;
  address: { street: string; houseNumber: string; postcode: string; city: string };
  pyramidCategory: (typeof PYRAMID_CATEGORIES)[number] | null;
  members: MemberFormValues[];
  networkContacts: ContactFormValues[];
}

export function RegisterHouseholdPage() {
  const { t } = useTranslation();
  usePageTitle(t('register.title'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const idem = useIdempotencyKey();

  const form = useForm<RegisterValues>({
    initialValues: {
      name: '',
      address: { street: '', houseNumber: '', postcode: '', city: '' },
      pyramidCategory: null,
      members: [emptyMember('parent')],
      networkContacts: [],
    },
    validate: (values) => schemaErrors(HouseholdCreate, values, t),
  });

  const create = useMutation({
    mutationFn: (values: RegisterValues) => api.households.create(values, idem.key()),
    onSuccess: (household) => {
      idem.settle();
      void queryClient.invalidateQueries({ queryKey: ['households'] });
      notifySuccess(t('register.created', { name: household.name }));
      void navigate(`/households/${household.id}`);
    },
    onError: (error) => {
      idem.settle(error);
      if (isApiError(error) && error.fields.length > 0) form.setErrors(serverFieldErrors(error.fields, t));
    },
  });

  const field = (prefix: string) => (name: string, type?: 'input' | 'checkbox') =>
    form.getInputProps(`${prefix}${name}`, type ? { type } : undefined);

  return (
    <Stack gap="lg" maw={900}>
      <div>
        <Title order={1}>{t('register.title')}</Title>
        <Text c="dimmed">{t('register.intro')}</Text>
      </div>
      <form
        noValidate
        onSubmit={form.onSubmit(
          (values) => create.mutate(values),
          () => {
            requestAnimationFrame(() => {
              const invalid = document.querySelector<HTMLElement>('[aria-invalid="true"]');
              invalid?.focus();
            });
          },
        )}
      >
        <Stack gap="lg">
          <Paper withBorder p="md">
            <Stack gap="md">
              <Title order={2} size="h3">
                {t('register.householdSection')}
              </Title>
              <TextInput
                label={t('household.name')}
                description={t('household.nameHelp')}
                required
                {...form.getInputProps('name')}
              />
              <Fieldset
                legend={t('household.address')}
                variant="unstyled"
                styles={{
                  legend: { fontWeight: 600, fontSize: 'var(--mantine-font-size-md)', marginBottom: 4 },
                }}
              >
                <Grid gap="sm">
                  <Grid.Col span={{ base: 12, sm: 8 }}>
                    <TextInput
                      label={t('address.street')}
                      autoComplete="off"
                      {...form.getInputProps('address.street')}
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, sm: 4 }}>
                    <TextInput
                      label={t('address.houseNumber')}
                      {...form.getInputProps('address.houseNumber')}
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, sm: 4 }}>
                    <TextInput
                      label={t('address.postcode')}
                      placeholder="8011 AB"
                      {...form.getInputProps('address.postcode')}
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, sm: 8 }}>
                    <TextInput label={t('address.city')} {...form.getInputProps('address.city')} />
                  </Grid.Col>
                </Grid>
              </Fieldset>
              <PyramidField inputProps={form.getInputProps('pyramidCategory')} />
            </Stack>
          </Paper>

          <Paper withBorder p="md">
            <Stack gap="md">
              <div>
                <Title order={2} size="h3">
                  {t('register.membersSection')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('register.membersHelp')}
                </Text>
              </div>
              {form.values.members.length === 0 && <Text>{t('register.noMembers')}</Text>}
              {form.values.members.map((member, index) => (
                <Fieldset
                  key={index}
                  legend={t('register.memberLegend', { number: index + 1, name: member.name || '' })}
                >
                  <MemberFields field={field(`members.${index}.`)} idPrefix={`member-${index}`} />
                  <Group justify="flex-end" mt="sm">
                    <Button
                      variant="subtle"
                      color={TONE.danger}
                      leftSection={<IconTrash size={16} aria-hidden />}
                      onClick={() => form.removeListItem('members', index)}
                    >
                      {t('register.removeMember', { number: index + 1 })}
                    </Button>
                  </Group>
                </Fieldset>
              ))}
              <Group>
                <Button
                  variant="light"
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={() =>
                    form.insertListItem(
                      'members',
                      emptyMember(form.values.members.length ? 'child' : 'parent'),
                    )
                  }
                  disabled={form.values.members.length >= 20}
                >
                  {t('register.addMember')}
                </Button>
              </Group>
            </Stack>
          </Paper>

          <Paper withBorder p="md">
            <Stack gap="md">
              <div>
                <Title order={2} size="h3">
                  {t('register.networkSection')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('register.networkHelp')}
                </Text>
              </div>
              {form.values.networkContacts.length === 0 && <Text>{t('register.noContacts')}</Text>}
              {form.values.networkContacts.map((contact, index) => (
                <Fieldset
                  key={index}
                  legend={t('register.contactLegend', { number: index + 1, name: contact.name || '' })}
                >
                  <ContactFields field={field(`networkContacts.${index}.`)} idPrefix={`contact-${index}`} />
                  <Group justify="flex-end" mt="sm">
                    <Button
                      variant="subtle"
                      color={TONE.danger}
                      leftSection={<IconTrash size={16} aria-hidden />}
                      onClick={() => form.removeListItem('networkContacts', index)}
                    >
                      {t('register.removeContact', { number: index + 1 })}
                    </Button>
                  </Group>
                </Fieldset>
              ))}
              <Group>
                <Button
                  variant="light"
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={() => form.insertListItem('networkContacts', emptyContact())}
                  disabled={form.values.networkContacts.length >= 40}
                >
                  {t('register.addContact')}
                </Button>
              </Group>
            </Stack>
          </Paper>

          <FormError error={create.error} />
          <Group justify="flex-end">
            <Button component={Link} to="/" variant="default">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('register.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
