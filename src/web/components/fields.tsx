import {
  Checkbox,
  Grid,
  Group,
  PasswordInput,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  type PasswordInputProps,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  LANGUAGES,
  MEMBER_ROLES,
  RELATION_QUALITIES,
  type MemberRole,
  type RelationQuality,
} from '../../contracts/index.js';
import { parseDateInput } from '../lib/format.js';

export type MemberLanguage = (typeof LANGUAGES)[number];

export interface MemberFormValues {
  name: string;
  dateOfBirth: string | null;
  role: MemberRole;
  lvb: boolean;
  phone: string;
  email: string;
  preferredLanguage: MemberLanguage;
}

export const emptyMember = (role: MemberRole = 'parent'): MemberFormValues => ({
  name: '',
  dateOfBirth: null,
  role,
  lvb: false,
  phone: '',
  email: '',
  preferredLanguage: 'nl',
});

export interface ContactFormValues {
  name: string;
  relation: string;
  quality: RelationQuality;
  phone: string;
  note: string;
}

export const emptyContact = (): ContactFormValues => ({
  name: '',
  relation: '',
  quality: 'supportive',
  phone: '',
  note: '',
});

type FieldProps = (field: string, type?: 'input' | 'checkbox') => GetInputPropsReturnType;

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function DateField(props: {
  label: string;
  description?: string;
  inputProps: GetInputPropsReturnType;
  maxToday?: boolean;
  clearable?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <DateInput
      label={props.label}
      description={props.description}
      placeholder={t('common.datePlaceholder')}
      valueFormat="DD-MM-YYYY"
      dateParser={(value) => parseDateInput(value)}
      maxDate={props.maxToday ? todayIso() : undefined}
      clearable={props.clearable ?? true}
      clearButtonProps={{ 'aria-label': t('common.clearDate') }}
      popoverProps={{ withinPortal: true }}
      {...props.inputProps}
    />
  );
}

/** The fields of one household member; `field` maps a field name to Mantine input props. */
export function MemberFields({ field, idPrefix }: { field: FieldProps; idPrefix: string }) {
  const { t } = useTranslation();
  return (
    <Grid gap="sm">
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput id={`${idPrefix}-name`} label={t('member.name')} required {...field('name')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <DateField label={t('member.dateOfBirth')} inputProps={field('dateOfBirth')} maxToday />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <Select
          id={`${idPrefix}-role`}
          label={t('member.role')}
          required
          allowDeselect={false}
          data={MEMBER_ROLES.map((r) => ({ value: r, label: t(`memberRole.${r}`) }))}
          {...field('role')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <Select
          id={`${idPrefix}-language`}
          label={t('member.preferredLanguage')}
          allowDeselect={false}
          data={LANGUAGES.map((l) => ({ value: l, label: t(`memberLanguage.${l}`) }))}
          {...field('preferredLanguage')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput
          id={`${idPrefix}-phone`}
          label={t('member.phone')}
          type="tel"
          autoComplete="off"
          {...field('phone')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput
          id={`${idPrefix}-email`}
          label={t('member.email')}
          type="email"
          autoComplete="off"
          {...field('email')}
        />
      </Grid.Col>
      <Grid.Col span={12}>
        <Checkbox
          id={`${idPrefix}-lvb`}
          label={t('member.lvb')}
          description={t('member.lvbHelp')}
          {...field('lvb', 'checkbox')}
        />
      </Grid.Col>
    </Grid>
  );
}

/** The fields of one informal network contact. */
export function ContactFields({ field, idPrefix }: { field: FieldProps; idPrefix: string }) {
  const { t } = useTranslation();
  return (
    <Grid gap="sm">
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput id={`${idPrefix}-name`} label={t('contact.name')} required {...field('name')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput
          id={`${idPrefix}-relation`}
          label={t('contact.relation')}
          description={t('contact.relationHelp')}
          required
          {...field('relation')}
        />
      </Grid.Col>
      <Grid.Col span={12}>
        <Radio.Group
          label={t('contact.quality')}
          description={t('contact.qualityHelp')}
          required
          {...field('quality')}
        >
          <Group gap="lg" mt={6}>
            {RELATION_QUALITIES.map((q) => (
              <Radio key={q} id={`${idPrefix}-quality-${q}`} value={q} label={t(`quality.${q}`)} />
            ))}
          </Group>
        </Radio.Group>
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput
          id={`${idPrefix}-phone`}
          label={t('contact.phone')}
          type="tel"
          autoComplete="off"
          {...field('phone')}
        />
      </Grid.Col>
      <Grid.Col span={12}>
        <Textarea
          id={`${idPrefix}-note`}
          label={t('contact.note')}
          autosize
          minRows={2}
          maxRows={6}
          {...field('note')}
        />
      </Grid.Col>
    </Grid>
  );
}

/** Pyramid category 0–4 (Amsterdam), with what each level means. */
export function PyramidField({ inputProps }: { inputProps: GetInputPropsReturnType }) {
  const { t } = useTranslation();
  const value = inputProps.value as number | null;
  const onChange = inputProps.onChange as (value: number | null) => void;
  return (
    <Radio.Group
      label={t('pyramid.label')}
      description={t('pyramid.help')}
      value={value === null || value === undefined ? 'none' : String(value)}
      onChange={(v) => onChange(v === 'none' ? null : Number(v))}
      error={inputProps.error as string | undefined}
    >
      <Stack gap="xs" mt="xs">
        <Radio value="none" label={t('pyramid.none')} description={t('pyramid.noneHelp')} />
        {[0, 1, 2, 3, 4].map((level) => (
          <Radio
            key={level}
            value={String(level)}
            label={t(`pyramid.short.${level}`)}
            description={t(`pyramid.long.${level}`)}
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}

export function FieldHint({ children }: { children: string }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}

/** PasswordInput with a translated label on the show/hide button. */
export function PasswordField(props: PasswordInputProps) {
  const { t } = useTranslation();
  return (
    <PasswordInput visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }} {...props} />
  );
}
