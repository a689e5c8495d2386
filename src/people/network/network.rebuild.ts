import type { Db } from '../../core/db/index.ts';
import type { InteractionKind } from '../../core/db/tables/network.ts';
import { deriveInteractions, type InteractionBucket } from './network.derive.ts';

/** An interaction loses half its weight every this many days. */
export const HALF_LIFE_DAYS = 180;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Weight of `n` interactions in calendar month `month` (YYYY-MM, dated at its 15th) seen at `now`: n · 0.5^(age / half-life). */
export function decayedWeight(n: number, month: string, now: Date): number {
  const at = Date.parse(`${month}-15T12:00:00Z`);
  const ageDays = Math.max(0, (now.getTime() - at) / DAY_MS);
  return n * Math.pow(0.5, ageDays / HALF_LIFE_DAYS);
}

/** One rolled-up edge, as stored in network_edges. */
export interface RolledEdge {
  communityId: number | null;
  sourceId: number;
  targetId: number;
  kind: InteractionKind;
  interactions: number;
  weight: number;
  lastAt: string;
}

/** Sums month buckets into one edge per (community, source, target, kind), with decayed weights. */
export function rollUp(buckets: InteractionBucket[], now: Date): RolledEdge[] {
  const edges = new Map<string, RolledEdge>();
  for (const b of buckets) {
    const key = `${b.communityId ?? ''}|${b.sourceId}|${b.targetId}|${b.kind}`;
    const e = edges.get(key) ?? { communityId: b.communityId, sourceId: b.sourceId, targetId: b.targetId, kind: b.kind, interactions: 0, weight: 0, lastAt: b.lastAt };
    e.interactions += b.n;
    e.weight += decayedWeight(b.n, b.month, now);
    if (b.lastAt > e.lastAt) e.lastAt = b.lastAt;
    edges.set(key, e);
  }
  return [...edges.values()].map((e) => ({ ...e, weight: Math.round(e.weight * 1000) / 1000 }));
}

const BATCH = 1000;

/**
 * Rebuilds the member network from the whole history: replaces every row of network_edges, records a
 * build and drops the cached metrics (they are recomputed on the next view). One transaction, so
 * readers see the old network or the new one. Used by the demo seed, the periodic job and admins on demand.
 */
export async function rebuildNetwork(db: Db, opts: { now: Date }): Promise<{ buildId: number; edgeCount: number }> {
  const edges = rollUp(await deriveInteractions(db), opts.now);
  const run = async (tx: Db) => {
    await tx.deleteFrom('network_edges').execute();
    for (let i = 0; i < edges.length; i += BATCH) {
      const rows = edges.slice(i, i + BATCH).map((e) => ({ community_id: e.communityId, source_id: e.sourceId, target_id: e.targetId, kind: e.kind, interactions: e.interactions, weight: e.weight, last_at: e.lastAt }));
      await tx.insertInto('network_edges').values(rows).execute();
    }
    await tx.deleteFrom('network_metrics').execute();
    const build = await tx.insertInto('network_builds').values({ built_at: opts.now.toISOString(), edge_count: edges.length }).returning('id').executeTakeFirstOrThrow();
    return { buildId: build.id, edgeCount: edges.length };
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}
