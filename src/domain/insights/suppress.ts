/**
 * Aggregated figures for policy viewers: counts of fewer than `SMALL_CELL` households are never shown, so a figure
 * cannot point at one household. Pure.
 */
export const SMALL_CELL = 5;

export interface Cell {
  /** The count, or null when suppressed. */
  value: number | null;
  suppressed: boolean;
}

export function cell(count: number, k = SMALL_CELL): Cell {
  return count > 0 && count < k ? { value: null, suppressed: true } : { value: count, suppressed: false };
}

/**
 * A group of counts shown next to its (shown) total. Small cells are suppressed; when that leaves exactly one
 * suppressed cell, the smallest other non-zero cell is suppressed too, so the total minus the shown cells never
 * reveals a small count (secondary suppression).
 */
export function suppressGroup<K>(
  rows: readonly { key: K; count: number }[],
  k = SMALL_CELL,
): { key: K; count: Cell }[] {
  const hidden = new Set(rows.map((r, i) => (r.count > 0 && r.count < k ? i : -1)).filter((i) => i >= 0));
  if (hidden.size === 1) {
    let pick = -1;
    rows.forEach((r, i) => {
      if (hidden.has(i) || r.count === 0) return;
      if (pick === -1 || r.count < rows[pick]!.count) pick = i;
    });
    if (pick >= 0) hidden.add(pick);
  }
  return rows.map((r, i) => ({
    key: r.key,
    count: hidden.has(i) ? { value: null, suppressed: true } : { value: r.count, suppressed: false },
  }));
}

/** The median of durations, or null when fewer than `k` values (a median of few cases identifies them). */
export function medianOf(values: readonly number[], k = SMALL_CELL): number | null {
  if (values.length < k) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(m * 10) / 10;
}
