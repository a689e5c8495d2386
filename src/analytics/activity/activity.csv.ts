import type { CsvColumn } from '../csv.ts';
import type { PlacedMember } from './activity.read.ts';
import type { DayFigures, MonthFigures, WeekFigures } from './activity.service.ts';
import { LEVELS } from './levels.ts';
import type { Gap } from './rhythm.ts';
import type { InequalityMonth, LevelMonth } from './participation.service.ts';

/** Columns of each CSV download of the activity and participation pages. */
export const dayColumns: Array<CsvColumn<DayFigures>> = (['day', 'activeMembers', 'contributors', 'contributions', 'posts', 'questions', 'answers', 'articles', 'events', 'joins'] as const).map((k) => ({ header: snake(k), value: (r) => r[k] }));
export const weekColumns: Array<CsvColumn<WeekFigures>> = (['week', 'activeMembers', 'contributors'] as const).map((k) => ({ header: snake(k), value: (r) => r[k] }));
export const monthColumns: Array<CsvColumn<MonthFigures>> = (['month', 'members', 'newMembers', 'activeMembers', 'contributors', 'contributions', 'posts', 'questions', 'answers', 'replies', 'articles', 'comments', 'events'] as const).map((k) => ({ header: snake(k), value: (r) => r[k] }));
export const gapColumns: Array<CsvColumn<Gap>> = [
  { header: 'from', value: (g) => g.from },
  { header: 'to', value: (g) => g.to },
  { header: 'days', value: (g) => g.days },
  { header: 'open', value: (g) => g.open },
];
export const levelColumns: Array<CsvColumn<LevelMonth>> = [
  { header: 'month', value: (r) => r.month },
  { header: 'members', value: (r) => r.members },
  ...LEVELS.map((l) => ({ header: l, value: (r: LevelMonth) => r.levels[l] })),
  { header: 'inactive', value: (r) => r.inactive },
  ...LEVELS.map((l) => ({ header: `${l}_share`, value: (r: LevelMonth) => round(r.shares[l]) })),
  { header: 'inactive_share', value: (r) => round(r.shares.inactive) },
  { header: 'moved_inward', value: (r) => r.movedInward },
  { header: 'held', value: (r) => r.held },
  { header: 'moved_outward', value: (r) => r.movedOutward },
];
export const flowColumns: Array<CsvColumn<{ from: string; to: string; members: number }>> = [
  { header: 'from_level', value: (r) => r.from },
  { header: 'to_level', value: (r) => r.to },
  { header: 'members', value: (r) => r.members },
];
export const inequalityColumns: Array<CsvColumn<InequalityMonth>> = (['month', 'population', 'gini', 'top1Share', 'next9Share', 'restShare', 'zeroShare', 'absenceFactor'] as const).map((k) => ({ header: snake(k), value: (r) => (typeof r[k] === 'number' ? round(r[k]) : r[k]) }));
export const memberColumns: Array<CsvColumn<PlacedMember>> = [
  { header: 'username', value: (m) => m.username },
  { header: 'display_name', value: (m) => m.displayName },
  { header: 'level', value: (m) => m.level },
  { header: 'contributions_3_months', value: (m) => m.contributions },
];

function snake(k: string): string {
  return k.replace(/([A-Z0-9]+)/g, (m) => `_${m.toLowerCase()}`);
}
function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
