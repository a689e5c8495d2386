import type { Deps } from '../../core/deps.ts';
import type { Actor } from '../../core/permissions/index.ts';
import type { HealthWindow } from '../period.ts';
import type { HealthScope } from '../access.ts';
import { CYCLE_TEXT, cycleSeries, INDICATORS, indicatorTotals, VALUE_CYCLES, type ValueCycle, type VerbCount } from './value.measures.ts';
import { indicatorCounts, mostLinkedStoryIds, newestInCycle, personMembers, storiesPerCycle, storiesPerMonth } from './value.store.ts';
import { linksOf, listStories, storiesByIds, type StoryLink, type ValueStory } from './stories.store.ts';

/** Stories linked from each matrix row. */
export const MATRIX_STORY_LINKS = 3;

/** One row of the value matrix: a cycle, the stories that reach it, and its automatic indicators. */
export interface MatrixRow {
  cycle: ValueCycle;
  label: string;
  question: string;
  stories: number;
  newest: Array<{ id: number; title: string; url: string }>;
  indicators: Array<{ key: string; label: string; value: number }>;
  /** The sum of the indicators (what the monthly chart shows). */
  indicatorTotal: number;
}

/** A month of the value series. */
export type ValueMonth = { month: string; stories: number } & Record<ValueCycle, number>;

/**
 * What `valueSummary` gives the overview, lifecycle and sponsor report:
 * - `stories`: stories recorded in the window; `storiesByCycle`: how many of them reach each cycle;
 * - `indicatorsByCycle`: each cycle's automatic indicators summed over the window (person accounts);
 * - `months`: one entry per `window.months` month: stories recorded, and each cycle's indicator sum.
 */
export interface ValueSummary {
  stories: number;
  storiesByCycle: Record<ValueCycle, number>;
  indicatorsByCycle: Record<ValueCycle, number>;
  months: ValueMonth[];
}

/** The value figures of a community over a window (reads rollups and stories only; no activity scan). */
export async function valueSummary(deps: Deps, communityId: number, window: HealthWindow): Promise<ValueSummary> {
  return (await loadSummary(deps, communityId, window)).summary;
}

/** The summary with the rollup rows it was made from (the matrix reuses them). */
async function loadSummary(deps: Deps, communityId: number, window: HealthWindow): Promise<{ summary: ValueSummary; counts: VerbCount[] }> {
  const [counts, byCycle, perMonth] = await Promise.all([
    indicatorCounts(deps.db, communityId, window.months),
    storiesPerCycle(deps.db, communityId, window.from, window.to),
    storiesPerMonth(deps.db, communityId, window.from, window.to),
  ]);
  const series = cycleSeries(counts, window.months);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const summary = {
    stories: sum([...perMonth.values()]),
    storiesByCycle: Object.fromEntries(VALUE_CYCLES.map((c) => [c, byCycle[c] ?? 0])) as Record<ValueCycle, number>,
    indicatorsByCycle: Object.fromEntries(VALUE_CYCLES.map((c) => [c, sum(series[c])])) as Record<ValueCycle, number>,
    months: window.months.map((month, i) => ({ month, stories: perMonth.get(month) ?? 0, ...(Object.fromEntries(VALUE_CYCLES.map((c) => [c, series[c][i] ?? 0])) as Record<ValueCycle, number>) })),
  };
  return { summary, counts };
}

/** The value matrix of a community: per cycle, the stories reaching it (count and newest) and its indicators. */
export interface ValueMatrix {
  summary: ValueSummary;
  rows: MatrixRow[];
}

/** Builds the value matrix for a window. */
export async function valueMatrix(deps: Deps, scope: HealthScope, window: HealthWindow): Promise<ValueMatrix> {
  const id = scope.community.id;
  const [{ summary, counts }, newest] = await Promise.all([
    loadSummary(deps, id, window),
    Promise.all(VALUE_CYCLES.map((c) => newestInCycle(deps.db, id, c, window.from, window.to, MATRIX_STORY_LINKS))),
  ]);
  const totals = indicatorTotals(counts);
  const rows = VALUE_CYCLES.map((cycle, i) => ({
    cycle,
    label: CYCLE_TEXT[cycle].label,
    question: CYCLE_TEXT[cycle].question,
    stories: summary.storiesByCycle[cycle],
    newest: (newest[i] ?? []).map((s) => ({ ...s, url: `/c/${scope.community.slug}/value-stories/${s.id}` })),
    indicators: INDICATORS.filter((d) => d.cycle === cycle).map((d) => ({ key: d.key, label: d.label, value: totals[d.key] ?? 0 })),
    indicatorTotal: summary.indicatorsByCycle[cycle],
  }));
  return { summary, rows };
}

/** A story chosen for the sponsor report, with the links the reader may see. */
export interface ReportStory {
  story: ValueStory;
  links: StoryLink[];
  why: 'recent' | 'most linked';
}

/** Everything the sponsor report shows. */
export interface SponsorReport {
  members: number;
  matrix: ValueMatrix;
  stories: ReportStory[];
}

/** Stories in the report: the three newest, then up to three most linked that are not among them. */
export const REPORT_RECENT = 3;
export const REPORT_LINKED = 3;

/** The sponsor report's figures: members (person accounts), the matrix, selected stories. */
export async function sponsorReport(deps: Deps, actor: Actor | null, scope: HealthScope, window: HealthWindow): Promise<SponsorReport> {
  const id = scope.community.id;
  const [members, matrix, recent, linkedIds] = await Promise.all([
    personMembers(deps.db, id),
    valueMatrix(deps, scope, window),
    listStories(deps.db, id, { after: null, limit: REPORT_RECENT, from: window.from, to: window.to }),
    mostLinkedStoryIds(deps.db, id, window.from, window.to, REPORT_LINKED + REPORT_RECENT),
  ]);
  const seen = new Set(recent.map((s) => s.id));
  const extraIds = linkedIds.filter((x) => !seen.has(x)).slice(0, REPORT_LINKED);
  const extra = await storiesByIds(deps.db, extraIds);
  const ordered = extraIds.map((x) => extra.find((s) => s.id === x)).filter((s): s is ValueStory => s !== undefined);
  const links = await linksOf(deps.db, actor, [...recent, ...ordered].map((s) => s.id));
  return {
    members,
    matrix,
    stories: [...recent.map((story) => ({ story, links: links.get(story.id) ?? [], why: 'recent' as const })), ...ordered.map((story) => ({ story, links: links.get(story.id) ?? [], why: 'most linked' as const }))],
  };
}
