import type { Deps } from '../../core/deps.ts';
import type { HealthWindow } from '../period.ts';
import { apprenticeCandidates } from './apprentices.store.ts';
import { APPRENTICE_RECENT_DAYS, concentration, DUE_WITHIN_DAYS, MIN_EVIDENCE, QUIET_DAYS, quietness, rankApprentices } from './knowledge.measures.ts';
import { articlesDueForReview, countDueForReview, knowledgeMonths, lastActs, mostReusedArticles, ownersOf, peopleByIds, tagSpreads } from './knowledge.store.ts';

const DAY_MS = 86_400_000;
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();

/** One month of knowledge creation and reuse. */
export interface KnowledgeMonth {
  month: string;
  articlesCreated: number;
  views: number;
  links: number;
  applied: number;
  /** views + links + applied. */
  reuseEvents: number;
}

/** A tag whose expertise sits with one or two members who have all gone quiet. */
export interface TagAtRisk {
  tag: string;
  /** Share of the tag's demonstrated expertise held by its experts (0–1). */
  share: number;
  /** How many experts hold it (1 or 2). */
  experts: number;
  evidence: number;
  /** Members holding any of it. */
  holders: number;
  /** Days since the most recent act of any expert in the community; null when none ever acted there. */
  quietDays: number | null;
  /** Stewards only: who the experts are and who could learn from them. */
  people?: {
    experts: Array<{ username: string; displayName: string; lastActAt: string | null }>;
    apprentices: Array<{ username: string; displayName: string; evidenceScore: number; recentAnswers: number; recentQuestions: number }>;
  };
}

const monthOfCounts = (month: string, c?: { articlesCreated: number; views: number; links: number; applied: number }): KnowledgeMonth => {
  const x = c ?? { articlesCreated: 0, views: 0, links: 0, applied: 0 };
  return { month, ...x, reuseEvents: x.views + x.links + x.applied };
};

/** Articles created and reused per month of the window (a month with nothing is zeros). */
export async function knowledgeSeries(deps: Pick<Deps, 'db'>, communityId: number, window: HealthWindow): Promise<KnowledgeMonth[]> {
  const kept = await knowledgeMonths(deps.db, communityId, window.months);
  return window.months.map((m) => monthOfCounts(m, kept.get(m)));
}

/**
 * The community's tags at risk now: expertise concentrated in one or two members (at least 2/3 of the
 * tag's score, at least MIN_EVIDENCE items) who have all been quiet in the community for QUIET_DAYS.
 * Also how many tags are concentrated at all. `individuals` adds the experts and ranked apprentices.
 */
export async function tagsAtRisk(deps: Pick<Deps, 'db'>, communityId: number, now: Date, individuals: boolean): Promise<{ atRisk: TagAtRisk[]; concentrated: number }> {
  const spreads = await tagSpreads(deps.db, communityId, MIN_EVIDENCE);
  const found = spreads.flatMap((t) => {
    const c = concentration(t);
    return c ? [{ t, ...c }] : [];
  });
  const last = await lastActs(deps.db, communityId, [...new Set(found.flatMap((f) => f.experts.map((e) => e.userId)))]);
  const atRisk: Array<TagAtRisk & { expertIds: number[] }> = [];
  for (const f of found) {
    const q = quietness(f.experts.map((e) => last.get(e.userId) ?? null), now);
    if (q.quiet) atRisk.push({ tag: f.t.tag, share: f.share, experts: f.experts.length, evidence: f.t.evidence, holders: f.t.holders, quietDays: q.quietDays, expertIds: f.experts.map((e) => e.userId) });
  }
  atRisk.sort((a, b) => b.evidence - a.evidence || a.tag.localeCompare(b.tag));
  if (!individuals) return { atRisk: atRisk.map(({ expertIds: _ids, ...rest }) => rest), concentrated: found.length };
  const out: TagAtRisk[] = [];
  for (const r of atRisk) {
    const cands = await apprenticeCandidates(deps.db, communityId, r.tag, { now, recentSince: daysBefore(now, APPRENTICE_RECENT_DAYS), activeSince: daysBefore(now, QUIET_DAYS) });
    const ranked = rankApprentices(cands, r.expertIds);
    const names = await peopleByIds(deps.db, [...r.expertIds, ...ranked.map((c) => c.userId)]);
    const name = (id: number) => names.get(id) ?? { username: 'unknown', displayName: 'Unknown member' };
    const { expertIds, ...rest } = r;
    out.push({
      ...rest,
      people: {
        experts: expertIds.map((id) => ({ ...name(id), lastActAt: last.get(id) ?? null })),
        apprentices: ranked.map((c) => ({ ...name(c.userId), evidenceScore: Math.round(c.evidenceScore * 10) / 10, recentAnswers: c.recentAnswers, recentQuestions: c.recentQuestions })),
      },
    });
  }
  return { atRisk: out, concentrated: found.length };
}

/** Everything the knowledge health page and API show; names (experts, apprentices) only when `individuals` (healthScope). */
export async function knowledgeHealth(deps: Pick<Deps, 'db' | 'clock'>, scope: { communityId: number; individuals: boolean }, window: HealthWindow) {
  const now = deps.clock.now();
  const communityId = scope.communityId;
  const months = await knowledgeSeries(deps, communityId, window);
  const totals = months.reduce((s, m) => ({ articlesCreated: s.articlesCreated + m.articlesCreated, views: s.views + m.views, links: s.links + m.links, applied: s.applied + m.applied, reuseEvents: s.reuseEvents + m.reuseEvents }), { articlesCreated: 0, views: 0, links: 0, applied: 0, reuseEvents: 0 });
  const mostReused = await mostReusedArticles(deps.db, communityId, window.months[0]!);
  const dueBefore = new Date(now.getTime() + DUE_WITHIN_DAYS * DAY_MS).toISOString();
  const due = await articlesDueForReview(deps.db, communityId, dueBefore);
  const owners = await ownersOf(deps.db, due.map((d) => d.id));
  const dueForReview = due.map((d) => ({ ...d, overdue: d.state === 'needs_review' || (d.reviewDueAt !== null && d.reviewDueAt <= now.toISOString()), owners: owners.get(d.id) ?? [] }));
  const risk = await tagsAtRisk(deps, communityId, now, scope.individuals);
  return { months, totals, mostReused, dueForReview, atRisk: risk.atRisk, concentratedTags: risk.concentrated };
}
export type KnowledgeHealth = Awaited<ReturnType<typeof knowledgeHealth>>;

/**
 * For the lead's overview, lifecycle stage and sponsor report.
 * @returns `months`: one entry per `window.months` month, oldest first, with `articlesCreated` and
 * `reuseEvents` (article views + links to articles + "I applied this"); `atRiskTags`: how many tags are
 * at risk now (concentrated expertise, experts quiet ≥ 60 days); `dueForReview`: endorsed articles due
 * within 30 days or past, plus those flagged for review. Reads rollups only (call ensureFresh first).
 */
export async function knowledgeSummary(deps: Pick<Deps, 'db' | 'clock'>, communityId: number, window: HealthWindow): Promise<{ months: Array<{ month: string; articlesCreated: number; reuseEvents: number }>; atRiskTags: number; dueForReview: number }> {
  const now = deps.clock.now();
  const series = await knowledgeSeries(deps, communityId, window);
  const risk = await tagsAtRisk(deps, communityId, now, false);
  const dueForReview = await countDueForReview(deps.db, communityId, new Date(now.getTime() + DUE_WITHIN_DAYS * DAY_MS).toISOString());
  return { months: series.map((m) => ({ month: m.month, articlesCreated: m.articlesCreated, reuseEvents: m.reuseEvents })), atRiskTags: risk.atRisk.length, dueForReview };
}
