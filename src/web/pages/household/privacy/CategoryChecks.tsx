import { Checkbox, SimpleGrid } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { DATA_CATEGORIES } from '../../../../domain/privacy/categories.js';

/** The data categories as checkboxes, in plain words (consent and sharing without consent). */
export function CategoryChecks({
  label,
  inputProps,
}: {
  label: string;
  inputProps: GetInputPropsReturnType;
}) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group label={label} required {...inputProps}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} mt={6} spacing={8}>
        {DATA_CATEGORIES.map((c) => (
          <Checkbox key={c} value={c} label={t(`privacy.category.${c}`)} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
