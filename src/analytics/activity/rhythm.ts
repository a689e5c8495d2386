import { median } from 'd3-array';

/** Days between two 'YYYY-MM-DD' dates. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** A silence longer than the community's usual rhythm. */
export interface Gap {
  /** The last active day before the gap. */
  from: string;
  /** The next active day, or today when the gap is still open. */
  to: string;
  days: number;
  /** The gap runs up to today (no contribution since `from`). */
  open: boolean;
}

export interface Rhythm {
  /** Days with at least one contribution in the window. */
  activeDays: number;
  /** Median gap in days between consecutive days with a contribution; null with fewer than two such days. */
  usualGap: number | null;
  /** Every gap longer than `k` × the usual gap, oldest first (the open gap up to today included). */
  longGaps: Gap[];
}

export const LONG_GAP_FACTOR = 3;

/**
 * The rhythm of a community (docs/analytics/activity.md): the usual interval between active days is
 * the median gap between consecutive days with a contribution in the window; a gap longer than
 * k × usual (k = 3) is flagged, including the silence from the last active day to `today`.
 */
export function rhythmOf(activeDays: readonly string[], today: string, k: number = LONG_GAP_FACTOR): Rhythm {
  const days = [...new Set(activeDays)].sort();
  const gaps: Gap[] = [];
  for (let i = 1; i < days.length; i += 1) gaps.push({ from: days[i - 1]!, to: days[i]!, days: daysBetween(days[i - 1]!, days[i]!), open: false });
  const usualGap = gaps.length === 0 ? null : median(gaps.map((g) => g.days))!;
  if (usualGap === null) return { activeDays: days.length, usualGap, longGaps: [] };
  const longGaps = gaps.filter((g) => g.days > k * usualGap);
  const last = days[days.length - 1]!;
  const open = daysBetween(last, today);
  if (open > k * usualGap) longGaps.push({ from: last, to: today, days: open, open: true });
  return { activeDays: days.length, usualGap, longGaps };
}
