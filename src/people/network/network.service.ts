import { createHash } from 'node:crypto';
import type { Deps } from '../../core/deps.ts';
import { recordActivity } from '../../core/activity.ts';
import { forbidden } from '../../core/http/errors.ts';
import { readableCommunityIds, type Actor } from '../../core/permissions/index.ts';
import { readableCommunity } from '../../knowledge/articles/articles.service.ts';
import type { EdgeInput } from './network.graph.ts';
import { boundarySpanners, STRONG_TIE, summariseNetwork, type NetworkSummary, type Spanner } from './network.metrics.ts';
import { rebuildNetwork } from './network.rebuild.ts';
import { cachedSummary, communitiesByIds, edgesIn, edgesTouching, latestBuild, peopleByIds, storeSummary, type EdgeScope } from './network.store.ts';

export interface Person { username: string; displayName: string }
export interface CommunityRef { slug: string; name: string }

/** What a network page or API answer shows: the summary plus the names it refers to. */
export interface NetworkView {
  community: ({ id: number } & CommunityRef) | null;
  builtAt: string;
  summary: NetworkSummary;
  people: Map<number, Person>;
  communities: Map<number, CommunityRef>;
}

/** The newest build; builds the network first when it never was (a fresh install before the periodic job ran). */
async function currentBuild(deps: Deps) {
  const found = await latestBuild(deps.db);
  if (found) return found;
  await rebuildNetwork(deps.db, { now: deps.clock.now() });
  return (await latestBuild(deps.db))!;
}

/** The edges the actor may use: readable communities, and organisation-wide mentorships when signed in. */
export async function readableScope(deps: Deps, actor: Actor | null): Promise<EdgeScope> {
  const ids = (await readableCommunityIds(deps.db, actor).execute()).map((r) => r.id).sort((a, b) => a - b);
  return { communityIds: ids, includeUnscoped: actor !== null };
}

/** The cache key of the organisation graph for one set of readable communities. */
function orgKey(scope: EdgeScope): string {
  return `org:${createHash('sha1').update(`${scope.communityIds.join(',')}${scope.includeUnscoped ? '+m' : ''}`).digest('hex')}`;
}

/** The cached value for a key and build, computed and stored on a miss. */
async function cached<T extends object>(deps: Deps, key: string, buildId: number, compute: () => Promise<T>): Promise<T> {
  const hit = await cachedSummary<T>(deps.db, key, buildId);
  if (hit) return hit;
  const value = await compute();
  await storeSummary(deps.db, key, buildId, deps.clock.now().toISOString(), value);
  return value;
}

const summaryFor = (deps: Deps, key: string, buildId: number, load: () => Promise<EdgeInput[]>) => cached(deps, key, buildId, async () => summariseNetwork(await load()));

/** The organisation graph as this actor may see it (cached per readable-community set and build). */
export async function organisationSummary(deps: Deps, actor: Actor | null): Promise<{ summary: NetworkSummary; builtAt: string }> {
  const build = await currentBuild(deps);
  const scope = await readableScope(deps, actor);
  const summary = await summaryFor(deps, orgKey(scope), build.id, () => edgesIn(deps.db, scope));
  return { summary, builtAt: build.builtAt };
}

/** Adds the names of every member and community the summary mentions. */
async function withNames(deps: Deps, community: NetworkView['community'], summary: NetworkSummary, builtAt: string): Promise<NetworkView> {
  const ids = new Set<number>([...summary.nodes.map((n) => n.id), ...summary.top.map((t) => t.id), ...summary.spanners.map((s) => s.id)]);
  const cids = new Set<number>(summary.spanners.flatMap((s) => s.communities.map((c) => c.id)));
  for (const n of summary.nodes) if (n.community !== null) cids.add(n.community);
  for (const b of summary.brokers) {
    ids.add(b.id);
    for (const g of b.groups) {
      g.members.forEach((m) => ids.add(m));
      if (g.community !== null) cids.add(g.community);
    }
  }
  return { community, builtAt, summary, people: await peopleByIds(deps.db, [...ids]), communities: await communitiesByIds(deps.db, [...cids]) };
}

/**
 * The network of one community: its members' interactions there. 404 when the actor may not read it.
 * Its boundary spanners are members with a strong tie here and into another community the actor may read.
 */
export async function communityNetwork(deps: Deps, actor: Actor | null, slug: string): Promise<NetworkView> {
  const { community } = await readableCommunity(deps, actor, slug);
  const build = await currentBuild(deps);
  const own = await summaryFor(deps, `community:${community.id}`, build.id, () => edgesIn(deps.db, { communityIds: [community.id], includeUnscoped: false }));
  const scope = await readableScope(deps, actor);
  const spanners = await cached(deps, `community:${community.id}:spanners:${orgKey(scope)}`, build.id, async () => ({
    spanners: await spannersInto(deps, scope, community.id, await edgesIn(deps.db, { communityIds: [community.id], includeUnscoped: false })),
  }));
  return withNames(deps, { id: community.id, slug: community.slug, name: community.name }, { ...own, spanners: spanners.spanners }, build.builtAt);
}

/**
 * Computes and caches the summaries most views need right after a rebuild: every community's, and the
 * organisation's as anonymous readers see it (the periodic job calls this, so page views find them cached).
 */
export async function warmNetworkCache(deps: Deps): Promise<void> {
  const build = await currentBuild(deps);
  const ids = await deps.db.selectFrom('communities').select('id').orderBy('id').execute();
  for (const { id } of ids) await summaryFor(deps, `community:${id}`, build.id, () => edgesIn(deps.db, { communityIds: [id], includeUnscoped: false }));
  // Anonymous readers, and signed-in people who belong to no private community, see the same set (plus mentorships).
  const anonymous = await readableScope(deps, null);
  for (const scope of [anonymous, { ...anonymous, includeUnscoped: true }]) await summaryFor(deps, orgKey(scope), build.id, () => edgesIn(deps.db, scope));
}

/** The organisation summary for the actor only when it is already cached (never computed: for the profile page). */
export async function cachedOrganisationSummary(deps: Deps, actor: Actor | null): Promise<NetworkSummary | null> {
  const build = await latestBuild(deps.db);
  return build ? cachedSummary(deps.db, orgKey(await readableScope(deps, actor)), build.id) : null;
}

/**
 * Boundary spanners with a strong tie into one community, from the edges the actor may read: only the
 * members with a strong tie there are looked at, so no organisation-wide computation is needed.
 */
async function spannersInto(deps: Deps, scope: EdgeScope, communityId: number, own: EdgeInput[]): Promise<Spanner[]> {
  const pairs = new Map<string, { a: number; b: number; w: number }>();
  for (const e of own) {
    const [a, b] = e.sourceId < e.targetId ? [e.sourceId, e.targetId] : [e.targetId, e.sourceId];
    const p = pairs.get(`${a}|${b}`) ?? { a, b, w: 0 };
    p.w += e.weight;
    pairs.set(`${a}|${b}`, p);
  }
  const candidates = new Set<number>();
  for (const p of pairs.values()) if (p.w >= STRONG_TIE) candidates.add(p.a).add(p.b);
  if (candidates.size === 0) return [];
  const edges = await edgesTouching(deps.db, [...candidates], scope);
  return boundarySpanners(edges).filter((s) => candidates.has(s.id) && s.communities.some((c) => c.id === communityId));
}

/** The organisation's network as the actor may see it: only communities they may read. */
export async function organisationNetwork(deps: Deps, actor: Actor | null): Promise<NetworkView> {
  const { summary, builtAt } = await organisationSummary(deps, actor);
  return withNames(deps, null, summary, builtAt);
}

/** The communities a member holds strong ties into, from edges the actor may see (empty unless two or more). */
export function bridgedCommunities(memberId: number, edges: EdgeInput[]): Array<{ id: number; weight: number }> {
  return boundarySpanners(edges).find((s) => s.id === memberId)?.communities ?? [];
}

/** Rebuilds the network now (organisation admins), recording who asked. */
export async function rebuildOnDemand(deps: Deps, actor: Actor): Promise<{ buildId: number; edgeCount: number; builtAt: string }> {
  if (actor.role !== 'admin') throw forbidden('Only organisation admins may rebuild the member network.');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const r = await rebuildNetwork(tx, { now });
    await recordActivity(tx, { actorId: actor.id, verb: 'network.rebuilt', subjectType: 'network', subjectId: r.buildId, data: { edges: r.edgeCount }, at: now.toISOString() });
    return { ...r, builtAt: now.toISOString() };
  });
}
