import type { GetInputPropsReturnType } from '@mantine/form';
import { DateField } from '../../../components/fields.js';

/** Today's date (YYYY-MM-DD) in the Netherlands. */
export const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Amsterdam' });

/** The date something took place: required, today at the latest. */
export function PastDateField({ label, inputProps }: { label: string; inputProps: GetInputPropsReturnType }) {
  return <DateField label={label} inputProps={inputProps} maxToday clearable={false} />;
}
