import { checkSources, type TimelineSource } from './registry.js';
import { contactSource } from './sources/contacts.js';
import { handoverSource } from './sources/handovers.js';
import { involvementSource } from './sources/involvements.js';
import { recordHistorySource } from './sources/record-history.js';
import { referralSource } from './sources/referrals.js';
import { signalSource } from '../signals/timeline-source.js';
import { assessmentSource, evaluationSource, planVersionSource } from '../plan/timeline-source.js';

/**
 * Every source of the household timeline. To add one, write a `TimelineSource` in your own module and add it
 * here (one import, one line). See README.md in this folder.
 */
export const TIMELINE_SOURCES: readonly TimelineSource[] = [
  recordHistorySource,
  involvementSource,
  referralSource,
  contactSource,
  handoverSource,
  signalSource,
  assessmentSource,
  planVersionSource,
  evaluationSource,
];

checkSources(TIMELINE_SOURCES);
