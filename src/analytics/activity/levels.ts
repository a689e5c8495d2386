/**
 * Participation levels (Wenger-Trayner; docs/analytics/participation.md). Pure: one member's
 * trailing three months in, their level out; two months' levels in, the flows out.
 */

/** From the centre outward. */
export const LEVELS = ['core', 'active', 'occasional', 'peripheral', 'transactional'] as const;
export type Level = (typeof LEVELS)[number];
/** A level, or 'none' for someone with no activity in the trailing window (outside the community's life). */
export type Place = Level | 'none';
export const PLACES: readonly Place[] = [...LEVELS, 'none'];

/** What the level rule reads about one person over the trailing three months. */
export interface Trailing {
  /** A member of the community at the end of the month. */
  member: boolean;
  /** Months (of the three) with at least one contribution. */
  monthsContributing: number;
  contributions: number;
  questions: number;
  reactions: number;
  /** Every act of theirs (any verb) — 0 means they did nothing. */
  acts: number;
}

export const CORE_MIN_CONTRIBUTIONS = 10;
export const ACTIVE_MIN_CONTRIBUTIONS = 3;

/**
 * The level over the trailing three months, or null when they did nothing:
 * transactional — not a member but acted, or their only contribution was one question and they
 * reacted to nothing; core — contributed in each of the three months and ≥ 10 times; active — ≥ 3
 * contributions or contributed in 2 of the 3 months; occasional — 1–2 contributions; peripheral —
 * acted (read, reacted, joined…) without contributing.
 */
export function levelOf(t: Trailing): Level | null {
  if (t.acts === 0) return null;
  if (!t.member) return 'transactional';
  if (t.contributions === 1 && t.questions === 1 && t.reactions === 0) return 'transactional';
  if (t.monthsContributing >= 3 && t.contributions >= CORE_MIN_CONTRIBUTIONS) return 'core';
  if (t.contributions >= ACTIVE_MIN_CONTRIBUTIONS || t.monthsContributing >= 2) return 'active';
  if (t.contributions >= 1) return 'occasional';
  return 'peripheral';
}

const rank = (p: Place): number => PLACES.indexOf(p);

/** Level changes from one month to the next. */
export interface Flows {
  /** (from, to) → people, for everyone placed in either month. */
  matrix: Array<{ from: Place; to: Place; members: number }>;
  movedInward: number;
  held: number;
  movedOutward: number;
}

/** Compares each person's place in the month before with this month's; 'none' when absent from a map. */
export function flowsBetween(before: ReadonlyMap<number, Level>, after: ReadonlyMap<number, Level>): Flows {
  const counts = new Map<string, number>();
  let movedInward = 0;
  let held = 0;
  let movedOutward = 0;
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const from: Place = before.get(id) ?? 'none';
    const to: Place = after.get(id) ?? 'none';
    counts.set(`${from}>${to}`, (counts.get(`${from}>${to}`) ?? 0) + 1);
    if (rank(to) < rank(from)) movedInward += 1;
    else if (rank(to) > rank(from)) movedOutward += 1;
    else held += 1;
  }
  const matrix = [...counts].map(([k, members]) => {
    const [from, to] = k.split('>') as [Place, Place];
    return { from, to, members };
  });
  matrix.sort((a, b) => rank(a.from) - rank(b.from) || rank(a.to) - rank(b.to));
  return { matrix, movedInward, held, movedOutward };
}
