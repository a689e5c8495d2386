import type { Deps } from '../../core/deps.ts';
import type { HealthWindow } from '../period.ts';
import { monthRows } from './activity.service.ts';
import { readFlows, readPlacedMembers, type PlacedMember } from './activity.read.ts';
import { LEVELS, PLACES, type Level, type Place } from './levels.ts';

/** How many named members per level the page lists (the CSV has them all). */
export const NAMED_PER_LEVEL = 100;

export interface LevelMonth {
  month: string;
  members: number;
  levels: Record<Level, number>;
  inactive: number;
  /** Each level's share of members + non-member transactional people (0–1). */
  shares: Record<Level | 'inactive', number>;
  movedInward: number;
  held: number;
  movedOutward: number;
}

export interface InequalityMonth {
  month: string;
  population: number;
  gini: number;
  top1Share: number;
  next9Share: number;
  restShare: number;
  zeroShare: number;
  absenceFactor: number;
}

export interface ParticipationView {
  /** The month the levels, flows and lists below are for (the window's last). */
  month: string;
  months: LevelMonth[];
  flows: Array<{ from: Place; to: Place; members: number }>;
  inequality: InequalityMonth[];
  /** Stewards only (null for others): named people per level, most contributions first. */
  members: Record<Level, PlacedMember[]> | null;
  /** Stewards only: the people who together made half the contributions. */
  absence: PlacedMember[] | null;
}

/**
 * Participation levels, flows and inequality over a window (docs/analytics/participation.md), from
 * the month rollups; named members only when `individuals` (stewards and organisation admins).
 */
export async function participationView(deps: Deps, communityId: number, window: HealthWindow, individuals: boolean): Promise<ParticipationView> {
  const rows = await monthRows(deps, communityId, window);
  const month = window.months[window.months.length - 1]!;
  const months: LevelMonth[] = rows.map(({ month: m, row: r }) => {
    const levels = Object.fromEntries(LEVELS.map((l) => [l, r?.[l] ?? 0])) as Record<Level, number>;
    const inactive = r?.inactive ?? 0;
    const total = LEVELS.reduce((s, l) => s + levels[l], inactive);
    const share = (n: number) => (total === 0 ? 0 : n / total);
    const shares = Object.fromEntries([...LEVELS.map((l) => [l, share(levels[l])]), ['inactive', share(inactive)]]) as Record<Level | 'inactive', number>;
    return { month: m, members: r?.members ?? 0, levels, inactive, shares, movedInward: r?.moved_inward ?? 0, held: r?.held ?? 0, movedOutward: r?.moved_outward ?? 0 };
  });
  const inequality: InequalityMonth[] = rows.map(({ month: m, row: r }) => ({
    month: m,
    population: r?.population ?? 0,
    gini: r?.gini ?? 0,
    top1Share: r?.top1_share ?? 0,
    next9Share: r?.next9_share ?? 0,
    restShare: r?.rest_share ?? 0,
    zeroShare: r?.zero_share ?? 0,
    absenceFactor: r?.absence_factor ?? 0,
  }));
  const flows = (await readFlows(deps.db, communityId, month)).sort((a, b) => PLACES.indexOf(a.from) - PLACES.indexOf(b.from) || PLACES.indexOf(a.to) - PLACES.indexOf(b.to));
  if (!individuals) return { month, months, flows, inequality, members: null, absence: null };
  const members = {} as Record<Level, PlacedMember[]>;
  for (const l of LEVELS) members[l] = await readPlacedMembers(deps.db, communityId, month, l, NAMED_PER_LEVEL);
  const factor = inequality[inequality.length - 1]!.absenceFactor;
  const absence = await readPlacedMembers(deps.db, communityId, month, null, factor);
  return { month, months, flows, inequality, members, absence };
}

/** Every named person of the window's last month (stewards' CSV). */
export async function allPlacedMembers(deps: Deps, communityId: number, month: string, limit: number): Promise<PlacedMember[]> {
  return readPlacedMembers(deps.db, communityId, month, null, limit);
}
