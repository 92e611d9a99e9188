import { currentLanguage } from '../../i18n/index.js';

/** A timestamp as a time of day (24h) in Europe/Amsterdam, e.g. "14:32". */
export function formatTime(value: string): string {
  return new Intl.DateTimeFormat(currentLanguage() === 'en' ? 'en-GB' : 'nl-NL', {
    timeZone: 'Europe/Amsterdam',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(value));
}

/** A local date (YYYY-MM-DD) written out for people: "3 november 2026". */
export function formatLongDate(day: string): string {
  return new Intl.DateTimeFormat(currentLanguage() === 'en' ? 'en-GB' : 'nl-NL', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${day}T00:00:00Z`));
}
