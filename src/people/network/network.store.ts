import type { Db } from '../../core/db/index.ts';
import type { EdgeInput } from './network.graph.ts';
import type { NetworkSummary } from './network.metrics.ts';

/** Which edges a reader may use: those of these communities, and (signed in) mentorships tied to no community. */
export interface EdgeScope {
  communityIds: number[];
  includeUnscoped: boolean;
}

/** The newest build of the network, or null before the first. */
export async function latestBuild(db: Db): Promise<{ id: number; builtAt: string; edgeCount: number } | null> {
  const row = await db.selectFrom('network_builds').select(['id', 'built_at', 'edge_count']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row ? { id: row.id, builtAt: row.built_at, edgeCount: row.edge_count } : null;
}

function scoped(db: Db, scope: EdgeScope) {
  return db
    .selectFrom('network_edges')
    .select(['community_id as communityId', 'source_id as sourceId', 'target_id as targetId', 'kind', 'interactions', 'weight'])
    .where((eb) => {
      const parts = [];
      if (scope.communityIds.length > 0) parts.push(eb('community_id', 'in', scope.communityIds));
      if (scope.includeUnscoped) parts.push(eb('community_id', 'is', null));
      return parts.length > 0 ? eb.or(parts) : eb.lit(false);
    });
}

const asEdge = (r: EdgeInput): EdgeInput => ({ ...r, interactions: Number(r.interactions), weight: Number(r.weight) });

/** Every stored edge in the scope. */
export async function edgesIn(db: Db, scope: EdgeScope): Promise<EdgeInput[]> {
  return (await scoped(db, scope).execute()).map(asEdge);
}

/** The stored edges in the scope that touch one member. */
export async function edgesOfMember(db: Db, userId: number, scope: EdgeScope): Promise<EdgeInput[]> {
  const rows = await scoped(db, scope)
    .where((eb) => eb.or([eb('source_id', '=', userId), eb('target_id', '=', userId)]))
    .execute();
  return rows.map(asEdge);
}

/** The stored edges in the scope that touch any of these members (queried in chunks of 500 ids). */
export async function edgesTouching(db: Db, userIds: number[], scope: EdgeScope): Promise<EdgeInput[]> {
  const out: EdgeInput[] = [];
  for (let i = 0; i < userIds.length; i += 500) {
    const ids = userIds.slice(i, i + 500);
    const rows = await scoped(db, scope)
      .where((eb) => eb.or([eb('source_id', 'in', ids), eb('target_id', 'in', ids)]))
      .execute();
    out.push(...rows.map(asEdge));
  }
  // An edge between two chunks' members arrives twice; keep one.
  const seen = new Set<string>();
  return out.filter((e) => {
    const key = `${e.communityId}|${e.sourceId}|${e.targetId}|${e.kind}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** The cached JSON for a scope key (a summary, or a community's spanners), when it was computed for this build. */
export async function cachedSummary<T = NetworkSummary>(db: Db, key: string, buildId: number): Promise<T | null> {
  const row = await db.selectFrom('network_metrics').select(['payload', 'build_id']).where('scope_key', '=', key).executeTakeFirst();
  return row && row.build_id === buildId ? (JSON.parse(row.payload) as T) : null;
}

/** Stores (or replaces) the JSON for a scope key and build. */
export async function storeSummary(db: Db, key: string, buildId: number, at: string, value: NetworkSummary | object): Promise<void> {
  const payload = JSON.stringify(value);
  await db
    .insertInto('network_metrics')
    .values({ scope_key: key, build_id: buildId, computed_at: at, payload })
    .onConflict((oc) => oc.column('scope_key').doUpdateSet({ build_id: buildId, computed_at: at, payload }))
    .execute();
}

/** Usernames and display names of members, by id. */
export async function peopleByIds(db: Db, ids: number[]): Promise<Map<number, { username: string; displayName: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'username', 'display_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, { username: r.username, displayName: r.display_name }]));
}

/** Slugs and names of communities, by id. */
export async function communitiesByIds(db: Db, ids: number[]): Promise<Map<number, { slug: string; name: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('communities').select(['id', 'slug', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, { slug: r.slug, name: r.name }]));
}
