/**
 * Inequality of participation (docs/analytics/participation.md). Pure functions over one number per
 * member (contributions over a period); members who contributed nothing are passed in as 0.
 */

/**
 * The Gini coefficient: G = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² x̄), computed from the ascending order as
 * G = 2 Σᵢ i·x₍ᵢ₎ / (n Σ x) − (n + 1) / n. 0 when everyone gave the same (or nothing); it approaches 1
 * when one member made everything. 0 for an empty list.
 */
export function gini(values: readonly number[]): number {
  const n = values.length;
  const total = values.reduce((s, v) => s + v, 0);
  if (n === 0 || total === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  let weighted = 0;
  sorted.forEach((v, i) => (weighted += (i + 1) * v));
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

/** The 90-9-1 view of a period: who made the contributions, and how many made none. */
export interface Buckets {
  /** Share of all contributions made by the top 1% of members (at least one member). */
  top1Share: number;
  /** Share made by the next 9% (up to the top 10%, rounded up). */
  next9Share: number;
  /** Share made by everyone else. */
  restShare: number;
  /** Share of members who made no contribution. */
  zeroShare: number;
}

/**
 * Nielsen's 90-9-1 buckets: members ranked by contributions, the top ⌈1% of n⌉ members, the next
 * ⌈10% of n⌉ − ⌈1% of n⌉, and the rest; each bucket's share of the period's contributions. All zero
 * for an empty list; the shares are zero when nobody contributed.
 */
export function buckets(values: readonly number[]): Buckets {
  const n = values.length;
  if (n === 0) return { top1Share: 0, next9Share: 0, restShare: 0, zeroShare: 0 };
  const sorted = [...values].sort((a, b) => b - a);
  const total = sorted.reduce((s, v) => s + v, 0);
  const zeroShare = sorted.filter((v) => v === 0).length / n;
  if (total === 0) return { top1Share: 0, next9Share: 0, restShare: 0, zeroShare };
  const top = Math.ceil(n * 0.01);
  const topTen = Math.max(top, Math.ceil(n * 0.1));
  const sum = (from: number, to: number) => sorted.slice(from, to).reduce((s, v) => s + v, 0);
  const top1Share = sum(0, top) / total;
  const next9Share = sum(top, topTen) / total;
  return { top1Share, next9Share, restShare: 1 - top1Share - next9Share, zeroShare };
}

/**
 * The contributor absence factor: the smallest number of members who together made at least half
 * of the contributions (the most active first). 0 when nobody contributed.
 */
export function absenceFactor(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => b - a);
  const total = sorted.reduce((s, v) => s + v, 0);
  if (total === 0) return 0;
  let sum = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    sum += sorted[i]!;
    if (sum * 2 >= total) return i + 1;
  }
  return sorted.length;
}
