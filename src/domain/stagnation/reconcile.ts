import { AUTOMATIC_KINDS, causeKey } from './causes.js';
import type { Detection } from './detect.js';

export interface KnownStagnation {
  key: string;
  kind: string;
  status: 'open' | 'resolved';
  /** The evidence the stagnation was opened on (or last saw, for open ones). */
  evidenceAt: Date;
}

export interface Reconciliation {
  /** New stagnations to open. */
  open: Detection[];
  /** Open automatic stagnations whose condition is gone (the client attended again, the action was done). */
  autoResolve: string[];
}

/**
 * Decides what changes, given the stagnations already known for a household and what is detected now.
 * Invariants (property-tested): never a second open stagnation for the same cause; a cause resolved earlier is
 * only opened again on newer evidence (a new event); running it again on its own outcome changes nothing.
 */
export function reconcile(
  known: readonly KnownStagnation[],
  detected: readonly Detection[],
  /** The kinds that were evaluated (default: all automatic ones); only those can be closed by their absence. */
  evaluated: readonly string[] = AUTOMATIC_KINDS,
): Reconciliation {
  const openKeys = new Set(known.filter((k) => k.status === 'open').map((k) => k.key));
  const lastResolvedEvidence = new Map<string, number>();
  for (const k of known) {
    if (k.status !== 'resolved') continue;
    lastResolvedEvidence.set(
      k.key,
      Math.max(lastResolvedEvidence.get(k.key) ?? -Infinity, k.evidenceAt.getTime()),
    );
  }
  const byKey = new Map<string, Detection>();
  for (const d of detected) {
    const key = causeKey(d.cause);
    const prev = byKey.get(key);
    if (!prev || d.evidenceAt > prev.evidenceAt) byKey.set(key, d);
  }
  const open: Detection[] = [];
  for (const [key, d] of byKey) {
    if (openKeys.has(key)) continue;
    const resolvedEvidence = lastResolvedEvidence.get(key);
    if (resolvedEvidence !== undefined && d.evidenceAt.getTime() <= resolvedEvidence) continue;
    open.push(d);
  }
  const autoResolve = known
    .filter(
      (k) =>
        k.status === 'open' &&
        (AUTOMATIC_KINDS as readonly string[]).includes(k.kind) &&
        evaluated.includes(k.kind) &&
        !byKey.has(k.key),
    )
    .map((k) => k.key);
  return { open, autoResolve };
}
