/**
 * A plan version is a snapshot of the plan's content. Any two versions can be compared: per part (help questions,
 * goals, actions, evaluations), which items were added, removed or changed, and for a change which fields.
 */
export interface SnapshotItem {
  id: string;
  [field: string]: unknown;
}

export interface PlanSnapshot {
  helpQuestions: SnapshotItem[];
  goals: SnapshotItem[];
  actions: SnapshotItem[];
  evaluations: SnapshotItem[];
}

export const PLAN_PARTS = ['helpQuestions', 'goals', 'actions', 'evaluations'] as const;
export type PlanPart = (typeof PLAN_PARTS)[number];

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface PlanChange {
  part: PlanPart;
  id: string;
  change: 'added' | 'removed' | 'changed';
  /** The item as in the newer version (or, when removed, as in the older one). */
  item: SnapshotItem;
  fields: FieldChange[];
}

/** Stable JSON: object keys sorted, so that equal values compare equal whatever their key order. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function fieldChanges(before: SnapshotItem, after: SnapshotItem): FieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => k !== 'id').sort();
  return keys
    .filter((k) => canonical(before[k]) !== canonical(after[k]))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

/** What changed from `older` to `newer`. Empty when both have the same content. */
export function comparePlans(older: PlanSnapshot, newer: PlanSnapshot): PlanChange[] {
  const changes: PlanChange[] = [];
  for (const part of PLAN_PARTS) {
    const before = new Map(older[part].map((i) => [i.id, i]));
    const after = new Map(newer[part].map((i) => [i.id, i]));
    for (const [id, item] of after) {
      const was = before.get(id);
      if (!was) changes.push({ part, id, change: 'added', item, fields: [] });
      else {
        const fields = fieldChanges(was, item);
        if (fields.length > 0) changes.push({ part, id, change: 'changed', item, fields });
      }
    }
    for (const [id, item] of before) {
      if (!after.has(id)) changes.push({ part, id, change: 'removed', item, fields: [] });
    }
  }
  return changes;
}

/** True when two snapshots have the same content (a write that changed nothing makes no new version). */
export const samePlan = (a: PlanSnapshot, b: PlanSnapshot): boolean => comparePlans(a, b).length === 0;
