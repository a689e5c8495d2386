import type { Deps } from '../../core/deps.ts';
import { monthOf, type HealthWindow } from '../period.ts';
import { responseTimeByAskerGroup, type AskerGroups } from '../responsiveness/responsiveness.service.ts';
import { dimensionFigures, DIMENSIONS, FOLD_BELOW, foldSmall, share, TENURE_BANDS, type CategoryFigures, type DimensionFigures, type DimensionKey } from './inclusion.measures.ts';
import { countDimensions, listInclusionMonths } from './inclusion.store.ts';

/** One dimension as a reader sees it: the figures, and the categories (folded unless a steward). */
export interface DimensionView extends Omit<DimensionFigures, 'categories'> {
  key: DimensionKey;
  label: string;
  /** True when categories of fewer than 3 people were merged into "other" for this reader. */
  folded: boolean;
  categories: CategoryFigures[];
}

/** Newcomer voice in one month (people only; newcomers joined from 90 days before the month began). */
export interface VoiceMonth {
  month: string;
  active: number;
  newcomerActive: number;
  contributors: number;
  newcomerContributors: number;
  contributions: number;
  newcomerContributions: number;
  /** newcomerActive / active (null when nobody acted). */
  activeShare: number | null;
  /** newcomerContributions / contributions (null when nobody contributed). */
  contributionShare: number | null;
  /** contributionShare / activeShare: 1 = newcomers are heard in proportion to their presence. */
  voiceRatio: number | null;
}

export interface InclusionView {
  /** Active contributors: contributed in any of these months (the months overlapping the last 90 days). */
  contributorMonths: { from: string; to: string };
  dimensions: DimensionView[];
  voice: VoiceMonth[];
  /** Response time by asker group (src/analytics/responsiveness), folded the same way for non-stewards. */
  responseTimes: AskerGroups;
}

const DAY = 86_400_000;

/** The months whose contributions make someone an active contributor at `now`: those overlapping the last 90 days. */
export function contributorMonths(now: Date): { from: string; to: string } {
  return { from: monthOf(new Date(now.getTime() - 90 * DAY).toISOString()), to: monthOf(now.toISOString()) };
}

async function dimensionsOf(deps: Deps, communityId: number, now: Date): Promise<Array<{ key: DimensionKey; label: string; figures: DimensionFigures }>> {
  const months = contributorMonths(now);
  const tenureLabel = new Map<string, string>(TENURE_BANDS.map((b) => [b.key, b.label]));
  const all = await countDimensions(deps.db, communityId, { now, contributorsFrom: months.from, contributorsTo: months.to });
  const out = [];
  for (const d of DIMENSIONS) {
    const counts = all[d.key];
    const given = d.key === 'tenure' ? counts.given.map((c) => ({ ...c, label: tenureLabel.get(c.key) ?? c.key })) : counts.given;
    out.push({ key: d.key, label: d.label, figures: dimensionFigures(given, counts.notGiven) });
  }
  return out;
}

async function voiceOf(deps: Deps, communityId: number, window: HealthWindow): Promise<VoiceMonth[]> {
  const rows = new Map((await listInclusionMonths(deps.db, communityId, window.months[0]!, window.months[window.months.length - 1]!)).map((r) => [r.month, r]));
  return window.months.map((month) => {
    const r = rows.get(month);
    const m = {
      month,
      active: r?.active ?? 0,
      newcomerActive: r?.newcomer_active ?? 0,
      contributors: r?.contributors ?? 0,
      newcomerContributors: r?.newcomer_contributors ?? 0,
      contributions: r?.contributions ?? 0,
      newcomerContributions: r?.newcomer_contributions ?? 0,
    };
    const activeShare = share(m.newcomerActive, m.active);
    const contributionShare = share(m.newcomerContributions, m.contributions);
    return { ...m, activeShare, contributionShare, voiceRatio: activeShare && contributionShare !== null ? contributionShare / activeShare : null };
  });
}

/**
 * Everything the inclusion page and API show: Blau per dimension for members and active contributors
 * with the categories (small ones folded into "other" unless `individuals`), newcomer voice per month of
 * the window, and response time by asker group. Reads grouped memberships and profiles (one row per
 * category), the analytics_member_months rows of the last ~4 months, and analytics_inclusion_months.
 */
export async function inclusionView(deps: Deps, communityId: number, window: HealthWindow, individuals: boolean): Promise<InclusionView> {
  const now = new Date(window.to);
  const dims = await dimensionsOf(deps, communityId, now);
  return {
    contributorMonths: contributorMonths(now),
    dimensions: dims.map(({ key, label, figures }) => {
      const categories = individuals ? figures.categories : foldSmall(figures);
      return { ...figures, key, label, categories, folded: !individuals && figures.categories.some((c) => c.members < FOLD_BELOW) };
    }),
    voice: await voiceOf(deps, communityId, window),
    responseTimes: await responseTimeByAskerGroup(deps, communityId, window, { individuals }),
  };
}

/** What inclusionSummary returns (aggregates only: safe for any reader of the community). */
export interface InclusionSummary {
  /** Per dimension: Blau of current members and of active contributors (null when nobody gave it), and the difference. */
  blau: Record<DimensionKey, { members: number | null; contributors: number | null; gap: number | null; coverage: number | null }>;
  /** Categories flagged as not being heard, over all dimensions. */
  notHeard: number;
  /** One entry per month of `window.months`, oldest first. */
  months: Array<{ month: string; newcomerActiveShare: number | null; newcomerContributionShare: number | null; voiceRatio: number | null }>;
}

/**
 * For the overview, lifecycle stage and sponsor report: Blau per dimension now (members vs active
 * contributors, with coverage = members who gave the field / members), how many categories are flagged
 * as not being heard, and per month of the window the newcomers' share of active people, their share of
 * contributions and the ratio of the two (see VoiceMonth).
 */
export async function inclusionSummary(deps: Deps, communityId: number, window: HealthWindow): Promise<InclusionSummary> {
  const dims = await dimensionsOf(deps, communityId, new Date(window.to));
  const voice = await voiceOf(deps, communityId, window);
  return {
    blau: Object.fromEntries(dims.map(({ key, figures: f }) => [key, { members: f.members.blau, contributors: f.contributors.blau, gap: f.blauGap, coverage: share(f.members.given, f.members.total) }])) as InclusionSummary['blau'],
    notHeard: dims.reduce((n, d) => n + d.figures.categories.filter((c) => c.flagged).length, 0),
    months: voice.map((v) => ({ month: v.month, newcomerActiveShare: v.activeShare, newcomerContributionShare: v.contributionShare, voiceRatio: v.voiceRatio })),
  };
}
