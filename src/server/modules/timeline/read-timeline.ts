import type { TimelineEvent, TimelinePage } from '../../../contracts/timeline.js';
import { mergeTimeline, timelineWindow } from '../../../domain/chain/timeline.js';
import { amsterdamDate } from '../../../domain/households/rules.js';
import { viewerOf } from '../../access/categories.js';
import { requireAccess } from '../../access/require-access.js';
import type { Scope } from '../../db/scope.js';
import { TIMELINE_SOURCES } from './sources.js';

/** The household timeline: every registered source for one period, merged newest first. One audit event per read. */
export async function readTimeline(
  scope: Scope,
  householdId: string,
  query: {
    from?: string | undefined;
    to?: string | undefined;
    kinds?: TimelinePage['kinds'] | undefined;
    memberId?: string | undefined;
  },
): Promise<TimelinePage> {
  const grant = await requireAccess(scope, 'read', { householdId, objectType: 'timeline' });
  const window = timelineWindow(query, amsterdamDate(scope.now));
  const wanted = TIMELINE_SOURCES.filter((s) => !query.kinds || query.kinds.includes(s.kind));
  const events: TimelineEvent[] = [];
  // One transaction, one connection: the sources run one after the other.
  for (const source of wanted) {
    events.push(
      ...(await source.load(scope, {
        householdId,
        from: window.from,
        to: window.to,
        viewer: viewerOf(scope, grant),
      })),
    );
  }
  const items = mergeTimeline(events, { kinds: query.kinds, memberId: query.memberId });
  scope.audit({
    objectType: 'timeline',
    householdId,
    memberId: query.memberId ?? null,
    action: 'read',
    basis: grant.basis,
    role: grant.role,
  });
  return {
    items,
    from: window.fromDate,
    to: window.toDate,
    kinds: [...new Set(TIMELINE_SOURCES.map((s) => s.kind))],
  };
}
