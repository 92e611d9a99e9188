import { Button, Grid, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { HouseholdPatch } from '../../../contracts/index.js';
import { isApiError } from '../../api/client.js';
import { api, type Household } from '../../api/endpoints.js';
import { PyramidField } from '../../components/fields.js';
import { StaleNotice, useStaleEdit, type StaleField } from '../../components/StaleNotice.js';
import { FormError } from '../../components/states.js';
import { schemaErrors, serverFieldErrors } from '../../lib/validation.js';
import { notifySuccess } from '../../lib/notify.js';

type Values = Pick<Household, 'name' | 'address' | 'pyramidCategory'>;
const toValues = (h: Household): Values => ({
  name: h.name,
  address: { ...h.address },
  pyramidCategory: h.pyramidCategory,
});

export function EditHouseholdModal({ household, onClose }: { household: Household; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const edit = useStaleEdit<Household>(household);
  const form = useForm<Values>({
    initialValues: toValues(household),
    validate: (values) => schemaErrors(HouseholdPatch, values, t),
  });
  const save = useMutation({
    mutationFn: (values: Values) => api.households.update(household.id, edit.base.version, values),
    onSuccess: (updated) => {
      queryClient.setQueryData(['household', household.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['households'] });
      void queryClient.invalidateQueries({ queryKey: ['history', household.id] });
      notifySuccess(t('common.saved'));
      onClose();
    },
    onError: async (error) => {
      if (await edit.catchStale(error, () => api.households.get(household.id))) return;
      if (isApiError(error) && error.fields.length) form.setErrors(serverFieldErrors(error.fields, t));
    },
  });

  const staleFields: StaleField[] = [
    { key: 'name', label: t('household.name') },
    { key: 'address.street', label: t('address.street') },
    { key: 'address.houseNumber', label: t('address.houseNumber') },
    { key: 'address.postcode', label: t('address.postcode') },
    { key: 'address.city', label: t('address.city') },
    {
      key: 'pyramidCategory',
      label: t('pyramid.label'),
      format: (v) =>
        v === null || v === undefined ? t('pyramid.none') : t(`pyramid.short.${String(v as number)}`),
    },
  ];

  return (
    <Modal opened onClose={onClose} title={t('household.editTitle')} size="lg">
      <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))}>
        <Stack gap="md">
          {edit.stale && (
            <StaleNotice
              base={edit.base}
              current={edit.stale.current}
              mine={form.values}
              fields={staleFields}
              onKeepMine={() => {
                form.setValues(edit.keepMineMerged(form.values));
                save.reset();
              }}
              onTakeTheirs={() => {
                const current = edit.takeTheirs();
                if (current) form.setValues(toValues(current));
                save.reset();
              }}
            />
          )}
          <TextInput label={t('household.name')} required {...form.getInputProps('name')} />
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <TextInput label={t('address.street')} {...form.getInputProps('address.street')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label={t('address.houseNumber')} {...form.getInputProps('address.houseNumber')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label={t('address.postcode')} {...form.getInputProps('address.postcode')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <TextInput label={t('address.city')} {...form.getInputProps('address.city')} />
            </Grid.Col>
          </Grid>
          <PyramidField inputProps={form.getInputProps('pyramidCategory')} />
          {!edit.stale && <FormError error={save.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!!edit.stale}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
