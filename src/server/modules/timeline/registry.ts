import type { TimelineEvent, TimelineKind } from '../../../contracts/timeline.js';
import type { Viewer } from '../../../domain/privacy/shape.js';
import type { Scope } from '../../db/scope.js';

/** What a source is asked for: one household, one period (from inclusive, to exclusive, both UTC instants). */
export interface TimelineWindow {
  householdId: string;
  from: Date;
  to: Date;
  /** Who reads: a source leaves out events of data categories the viewer may not see (issue 5). */
  viewer: Viewer;
}

/**
 * A source of timeline events. `load` runs inside the caller's scope after the timeline use case has checked
 * `read` access to the household and before it writes one audit event for the whole read, so a source neither
 * calls `requireAccess` nor `scope.audit`. Queries go through `scope.tx` (row-level security applies).
 */
export interface TimelineSource {
  /** Unique name, for error messages and tests. */
  name: string;
  kind: TimelineKind;
  load: (scope: Scope, window: TimelineWindow) => Promise<TimelineEvent[]>;
}

/** Helper for sources: the event id convention `<source>:<record id>:<type>`. */
export function eventId(source: string, recordId: string | number, type: string): string {
  return `${source}:${recordId}:${type}`;
}

export function checkSources(sources: readonly TimelineSource[]): void {
  const seen = new Set<string>();
  for (const s of sources) {
    if (seen.has(s.name)) throw new Error(`Timeline source registered twice: ${s.name}`);
    seen.add(s.name);
  }
}
