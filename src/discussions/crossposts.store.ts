import type { Db } from '../core/db/index.ts';
import type { CommunityRole } from '../core/db/schema.ts';
import { sql } from 'kysely';
import type { Actor } from '../core/permissions/index.ts';

/** A community as a cross-post names it. */
export interface CommunityRef {
  id: number;
  slug: string;
  name: string;
}

/** Links a topic into other communities' lists; links that already exist are left alone. */
export async function insertCrossposts(db: Db, topicId: number, communityIds: number[], byId: number, at: string): Promise<void> {
  if (communityIds.length === 0) return;
  await db
    .insertInto('topic_crossposts')
    .values(communityIds.map((community_id) => ({ topic_id: topicId, community_id, created_by: byId, created_at: at })))
    .onConflict((oc) => oc.columns(['topic_id', 'community_id']).doNothing())
    .execute();
}

/** Unlinks a topic from a community's lists; returns whether there was a link. */
export async function deleteCrosspost(db: Db, topicId: number, communityId: number): Promise<boolean> {
  const r = await db.deleteFrom('topic_crossposts').where('topic_id', '=', topicId).where('community_id', '=', communityId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** The ids of the communities a topic is cross-posted into (whoever may read them). */
export async function crosspostCommunityIds(db: Db, topicId: number): Promise<number[]> {
  const rows = await db.selectFrom('topic_crossposts').select('community_id').where('topic_id', '=', topicId).execute();
  return rows.map((r) => r.community_id);
}

/**
 * The communities each topic is cross-posted into, limited to those the actor may read (naming a
 * private community to an outsider would reveal it), by name.
 */
export async function crosspostTargets(db: Db, actor: Actor | null, topicIds: number[]): Promise<Map<number, CommunityRef[]>> {
  const out = new Map<number, CommunityRef[]>();
  if (topicIds.length === 0) return out;
  const rows = await db
    .selectFrom('topic_crossposts')
    .innerJoin('communities', 'communities.id', 'topic_crossposts.community_id')
    .select(['topic_crossposts.topic_id', 'communities.id', 'communities.slug', 'communities.name'])
    .where('topic_crossposts.topic_id', 'in', topicIds)
    // Readable: public, or the viewer's own (checked per cross-post found: most topics have none).
    .where((eb) =>
      actor
        ? eb.or([eb('communities.visibility', '=', 'public'), eb.exists(eb.selectFrom('memberships').select(sql`1`.as('one')).whereRef('memberships.community_id', '=', 'communities.id').where('memberships.user_id', '=', actor.id))])
        : eb('communities.visibility', '=', 'public'),
    )
    .orderBy('communities.name')
    .execute();
  for (const r of rows) out.set(r.topic_id, [...(out.get(r.topic_id) ?? []), { id: r.id, slug: r.slug, name: r.name }]);
  return out;
}

/** The communities a user is a member of, with their role, by name: where they may cross-post to. */
export async function memberCommunities(db: Db, userId: number): Promise<Array<CommunityRef & { role: CommunityRole }>> {
  return db
    .selectFrom('memberships')
    .innerJoin('communities', 'communities.id', 'memberships.community_id')
    .select(['communities.id', 'communities.slug', 'communities.name', 'memberships.role'])
    .where('memberships.user_id', '=', userId)
    .orderBy('communities.name')
    .execute();
}

/** Communities by slug (only those that exist), keyed by slug. */
export async function communitiesBySlug(db: Db, slugs: string[]): Promise<Map<string, CommunityRef>> {
  if (slugs.length === 0) return new Map();
  const rows = await db.selectFrom('communities').select(['id', 'slug', 'name']).where('slug', 'in', slugs).execute();
  return new Map(rows.map((r) => [r.slug, r]));
}
