import type { Db } from '../../core/db/index.ts';
import type { Ranked } from './rank.ts';

/** A topic's ranking as kept in `related_rankings`. */
export interface KeptRanking {
  ranked: Ranked[];
  sourceHash: string;
  computedAt: Date;
}

/** The kept ranking of a topic for a variant (method and depth), if there is one. */
export async function readRanking(db: Db, topicId: number, variant: string): Promise<KeptRanking | null> {
  const row = await db.selectFrom('related_rankings').select(['ranked', 'source_hash', 'computed_at']).where('topic_id', '=', topicId).where('variant', '=', variant).executeTakeFirst();
  if (!row) return null;
  return { ranked: JSON.parse(row.ranked) as Ranked[], sourceHash: row.source_hash, computedAt: new Date(row.computed_at) };
}

/** Keeps (replaces) a topic's ranking for a variant. */
export async function writeRanking(db: Db, topicId: number, variant: string, kept: KeptRanking): Promise<void> {
  const values = { ranked: JSON.stringify(kept.ranked), source_hash: kept.sourceHash, computed_at: kept.computedAt.toISOString() };
  await db
    .insertInto('related_rankings')
    .values({ topic_id: topicId, variant, ...values })
    .onConflict((oc) => oc.columns(['topic_id', 'variant']).doUpdateSet(values))
    .execute();
}
