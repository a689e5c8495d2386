import type { Deps } from '../../core/deps.ts';
import type { Actor } from '../../core/permissions/index.ts';
import { readableCommunityIds } from '../../core/permissions/index.ts';
import { cachedOrganisationSummary } from '../../people/network/network.service.ts';
import { ensureFresh } from '../fresh.ts';
import { latestStages } from './overview.store.ts';
import type { Signal } from './signals.ts';
import type { Stage } from './stage.ts';

/** One community in the organisation view. */
export interface OrganisationRow {
  slug: string;
  name: string;
  visibility: string;
  memberCount: number;
  /** Null until the refresh has estimated it. */
  stage: Stage | null;
  stageMonth: string | null;
  reason: string | null;
  activeMembers: number | null;
  /** Members added over the last three months, as a share of those before (null without a figure). */
  growth: number | null;
  core: number | null;
  medianFirstResponseHours: number | null;
  atRiskTags: number | null;
  signals: Signal[];
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * Every community the actor may read, side by side: stage, size, activity, growth, responsiveness,
 * knowledge at risk and warning signs, from the estimates the refresh keeps (one row per community).
 */
export async function organisationHealth(deps: Deps, actor: Actor | null): Promise<{ refreshedAt: string; communities: OrganisationRow[]; spanners: SpannerRow[] | null }> {
  const refreshedAt = await ensureFresh(deps);
  const communities = await deps.db
    .selectFrom('communities')
    .select(['id', 'slug', 'name', 'visibility', 'member_count'])
    .where('id', 'in', readableCommunityIds(deps.db, actor))
    .orderBy('name')
    .execute();
  const stages = await latestStages(deps.db, communities.map((c) => Number(c.id)));
  return {
    refreshedAt,
    spanners: await spannersFor(deps, actor),
    communities: communities.map((c) => {
      const s = stages.get(Number(c.id));
      const i = s?.inputs ?? {};
      return {
        slug: c.slug,
        name: c.name,
        visibility: c.visibility,
        memberCount: Number(c.member_count),
        stage: s?.stage ?? null,
        stageMonth: s?.month ?? null,
        reason: s?.reason ?? null,
        activeMembers: num(i.activeMembers),
        growth: num(i.growth),
        core: num(i.core),
        medianFirstResponseHours: num(i.medianFirstResponseHours),
        atRiskTags: num(i.atRiskTags),
        signals: Array.isArray(i.signals) ? (i.signals as Signal[]) : [],
      };
    }),
  };
}

/** A boundary spanner as the organisation view lists them. */
export interface SpannerRow {
  username: string;
  displayName: string;
  communities: Array<{ slug: string; name: string }>;
}

/**
 * The member network's boundary spanners the actor may see (strong ties into two or more readable
 * communities), read from the network's cache only: null when the network has not been computed for
 * this reader yet (the hourly rebuild and /network compute it).
 */
async function spannersFor(deps: Deps, actor: Actor | null): Promise<SpannerRow[] | null> {
  const summary = await cachedOrganisationSummary(deps, actor);
  if (!summary) return null;
  const list = summary.spanners.slice(0, 20);
  if (list.length === 0) return [];
  const people = await deps.db.selectFrom('users').select(['id', 'username', 'display_name']).where('id', 'in', list.map((s) => s.id)).execute();
  const cids = [...new Set(list.flatMap((s) => s.communities.map((c) => c.id)))];
  const comms = await deps.db.selectFrom('communities').select(['id', 'slug', 'name']).where('id', 'in', cids).where('id', 'in', readableCommunityIds(deps.db, actor)).execute();
  const byId = new Map(comms.map((c) => [Number(c.id), { slug: c.slug, name: c.name }]));
  const who = new Map(people.map((p) => [Number(p.id), p]));
  return list.flatMap((s) => {
    const p = who.get(s.id);
    const communities = s.communities.flatMap((c) => (byId.has(c.id) ? [byId.get(c.id)!] : []));
    return p && communities.length >= 2 ? [{ username: p.username, displayName: p.display_name, communities }] : [];
  });
}
