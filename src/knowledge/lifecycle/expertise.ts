import type { Db } from '../../core/db/index.ts';

/**
 * Has the member demonstrated expertise in one of `tags` in this community? For now: they wrote an
 * answer that was accepted, or that scores 2 or more, in a (not deleted) topic whose home community is
 * `communityId` and which carries one of the tags. Issue 7 refines this; keep every caller on this one
 * function. No tags → no expertise (there is nothing to be expert in).
 */
export async function hasDemonstratedExpertise(db: Db, userId: number, communityId: number, tags: readonly string[]): Promise<boolean> {
  if (tags.length === 0) return false;
  const row = await db
    .selectFrom('posts as p')
    .innerJoin('topics as t', 't.id', 'p.topic_id')
    .select('p.id')
    .where('p.author_id', '=', userId)
    .where('p.kind', '=', 'answer')
    .where('p.deleted_at', 'is', null)
    .where('t.deleted_at', 'is', null)
    .where('t.community_id', '=', communityId)
    .where((eb) => eb.or([eb('t.accepted_post_id', '=', eb.ref('p.id')), eb('p.score', '>=', 2)]))
    .where('t.id', 'in', db.selectFrom('topic_tags').select('topic_id').where('tag', 'in', [...tags]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
