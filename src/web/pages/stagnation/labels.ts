import type { TFunction } from 'i18next';
import type { Stagnation } from '../../api/stagnation.js';

/** What happened, in one sentence. */
export function explain(s: Stagnation, t: TFunction): string {
  if (s.kind === 'reported' && s.report)
    return `${t(`stagnation.reason.${s.report.reason}`)}. ${t('stagnation.kindExplain.reported', { by: s.report.reportedBy, description: s.report.description })}`;
  if (s.kind === 'no_shows')
    return t('stagnation.kindExplain.no_shows', {
      member: s.member?.name ?? '',
      count: 2,
      organisation: s.organisation?.name ?? '',
    });
  return t(`stagnation.kindExplain.${s.kind}`);
}
