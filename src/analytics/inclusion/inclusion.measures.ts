/*
 * Pure measures of the inclusion section (docs/analytics/inclusion.md): the Blau index, tenure bands,
 * the "not being heard" gap rule and the folding of small categories. No database here.
 */

/** The member dimensions the Blau index is computed over, in the order pages show them. */
export const DIMENSIONS = [
  { key: 'discipline', label: 'Discipline' },
  { key: 'location', label: 'Location' },
  { key: 'org_unit', label: 'Organisation unit' },
  { key: 'tenure', label: 'Tenure in the community' },
] as const;
export type DimensionKey = (typeof DIMENSIONS)[number]['key'];
/** The dimensions read from a voluntary profile field (tenure comes from the membership). */
export type ProfileDimension = Exclude<DimensionKey, 'tenure'>;

/** Tenure bands: whole months since joining the community. */
export const TENURE_BANDS = [
  { key: 'under-3', label: 'Under 3 months' },
  { key: '3-12', label: '3 to 12 months' },
  { key: '12-24', label: '12 to 24 months' },
  { key: '24-plus', label: '24 months or more' },
] as const;

/** Categories with fewer people than this are folded into "other" for readers who are not stewards. */
export const FOLD_BELOW = 3;
/** The key and label of the folded category. */
export const OTHER_KEY = '~other';
export const OTHER_LABEL = `Other (fewer than ${FOLD_BELOW} people each)`;
/** A category is flagged when it has at least this many members… */
export const GAP_MIN_MEMBERS = 3;
/** …its members' share predicts at least this many contributors… */
export const GAP_MIN_EXPECTED = 2;
/** …and it has at most this fraction of the contributors its share predicts. */
export const GAP_RATIO = 0.5;

/**
 * Blau's index of heterogeneity, 1 − Σ pₖ², over the counts of each category (Blau 1977). 0 when
 * everyone is in one category; approaches 1 − 1/K with K equal categories. Null when there is nobody.
 */
export function blau(counts: readonly number[]): number | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total <= 0) return null;
  return 1 - counts.reduce((s, n) => s + (n / total) ** 2, 0);
}

/** `n / d`, or null when d is 0. */
export const share = (n: number, d: number): number | null => (d > 0 ? n / d : null);

/** The instant `months` calendar months before `now` (a day past the month's end clamps to its last day). */
export function monthsBefore(now: Date, months: number): Date {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(now.getUTCDate(), lastDay), now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds(), now.getUTCMilliseconds()));
}

/**
 * Where each tenure band starts, as ISO instants: a membership that began after `under3` is under 3
 * months old, after `under12` 3–12 months, after `under24` 12–24 months, otherwise 24 months or more.
 */
export function tenureCutoffs(now: Date): { under3: string; under12: string; under24: string } {
  return { under3: monthsBefore(now, 3).toISOString(), under12: monthsBefore(now, 12).toISOString(), under24: monthsBefore(now, 24).toISOString() };
}

/** The tenure band of a membership that began at `joinedAt` (ISO), as of `now`. */
export function tenureBand(joinedAt: string, now: Date): (typeof TENURE_BANDS)[number]['key'] {
  const c = tenureCutoffs(now);
  if (joinedAt > c.under3) return 'under-3';
  if (joinedAt > c.under12) return '3-12';
  if (joinedAt > c.under24) return '12-24';
  return '24-plus';
}

/** Members who count as newcomers in a month: joined on or after this instant (90 days before the month began). */
export function newcomerSince(month: string): string {
  return new Date(Date.parse(`${month}-01T00:00:00.000Z`) - 90 * 86_400_000).toISOString();
}

/** People in one category of a dimension, among members and among active contributors. */
export interface CategoryCount {
  key: string;
  label: string;
  members: number;
  contributors: number;
}

/** A category with its shares and whether it is flagged as not being heard. */
export interface CategoryFigures extends CategoryCount {
  /** Share of the members who gave this dimension. */
  memberShare: number | null;
  /** Share of the active contributors who gave this dimension. */
  contributorShare: number | null;
  /** contributorShare / memberShare: 1 = heard in proportion; below 1 = under-represented among contributors. */
  ratio: number | null;
  /** Contributors its member share predicts: memberShare × contributors who gave the dimension. */
  expectedContributors: number | null;
  /** "Not being heard": see GAP_* and docs/analytics/inclusion.md. */
  flagged: boolean;
}

/** One dimension's figures: Blau for members and for active contributors, coverage, categories. */
export interface DimensionFigures {
  members: { total: number; given: number; blau: number | null };
  contributors: { total: number; given: number; blau: number | null };
  /** contributors.blau − members.blau (negative: those who contribute are less varied than the membership). */
  blauGap: number | null;
  /** Categories, most members first; `notGiven` (empty or hidden values) is apart and left out of every share. */
  categories: CategoryFigures[];
  notGiven: { members: number; contributors: number };
}

/**
 * Figures of one dimension from its category counts (not-given values already taken out). A category is
 * flagged when it has ≥ GAP_MIN_MEMBERS members, its member share predicts ≥ GAP_MIN_EXPECTED of the
 * contributors, and it has at most GAP_RATIO of that prediction.
 */
export function dimensionFigures(counts: readonly CategoryCount[], notGiven: { members: number; contributors: number }): DimensionFigures {
  const members = counts.reduce((s, c) => s + c.members, 0);
  const contributors = counts.reduce((s, c) => s + c.contributors, 0);
  const mBlau = blau(counts.map((c) => c.members));
  const cBlau = blau(counts.map((c) => c.contributors));
  const categories = counts
    .map((c) => {
      const memberShare = share(c.members, members);
      const contributorShare = share(c.contributors, contributors);
      const expected = memberShare === null || contributors === 0 ? null : memberShare * contributors;
      const flagged = expected !== null && c.members >= GAP_MIN_MEMBERS && expected >= GAP_MIN_EXPECTED && c.contributors <= expected * GAP_RATIO;
      return { ...c, memberShare, contributorShare, ratio: memberShare && contributorShare !== null ? contributorShare / memberShare : null, expectedContributors: expected, flagged };
    })
    .sort((a, b) => b.members - a.members || b.contributors - a.contributors || a.label.localeCompare(b.label));
  return {
    members: { total: members + notGiven.members, given: members, blau: mBlau },
    contributors: { total: contributors + notGiven.contributors, given: contributors, blau: cBlau },
    blauGap: mBlau === null || cBlau === null ? null : cBlau - mBlau,
    categories,
    notGiven,
  };
}

/**
 * The categories a reader who is not a steward sees: every category with fewer than FOLD_BELOW members
 * is merged into one "other" row (shares recomputed), so no one is identifiable by a rare value. A
 * flagged category always has ≥ GAP_MIN_MEMBERS members, so flags survive folding.
 */
export function foldSmall(figures: DimensionFigures): CategoryFigures[] {
  const kept = figures.categories.filter((c) => c.members >= FOLD_BELOW);
  const small = figures.categories.filter((c) => c.members < FOLD_BELOW);
  if (small.length === 0) return kept;
  const members = small.reduce((s, c) => s + c.members, 0);
  const contributors = small.reduce((s, c) => s + c.contributors, 0);
  const memberShare = share(members, figures.members.given);
  const contributorShare = share(contributors, figures.contributors.given);
  const expected = memberShare === null || figures.contributors.given === 0 ? null : memberShare * figures.contributors.given;
  return [...kept, { key: OTHER_KEY, label: OTHER_LABEL, members, contributors, memberShare, contributorShare, ratio: memberShare && contributorShare !== null ? contributorShare / memberShare : null, expectedContributors: expected, flagged: false }];
}
