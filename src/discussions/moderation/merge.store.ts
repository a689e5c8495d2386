import type { Db } from '../../core/db/index.ts';
import type { TopicState } from './topic-state.store.ts';

/**
 * Marks the source topic merged into the target (and hidden as deleted), zeroing its counts.
 * Returns the source's counts as they were: the first UPDATE locks the row, so no reply can change
 * them between reading and zeroing. Undefined when the source was merged or deleted meanwhile.
 */
export async function markMerged(db: Db, sourceId: number, targetId: number, by: number, at: string): Promise<{ replyCount: number; answerCount: number; lastPostedAt: string } | undefined> {
  const r = await db
    .updateTable('topics')
    .set({ merged_into: targetId, deleted_at: at, deleted_by: by, deleted_reason: 'merged', accepted_post_id: null, updated_at: at })
    .where('id', '=', sourceId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (r.numUpdatedRows === 0n) return undefined;
  const before = await db.selectFrom('topics').select(['reply_count', 'answer_count', 'last_posted_at']).where('id', '=', sourceId).executeTakeFirstOrThrow();
  await db.updateTable('topics').set({ reply_count: 0, answer_count: 0 }).where('id', '=', sourceId).execute();
  return { replyCount: before.reply_count, answerCount: before.answer_count, lastPostedAt: before.last_posted_at };
}

/**
 * Moves every post of the source into the target, where they interleave with the target's posts
 * in the order they were written (posts keep their ids, which grow with time). Each takes the kind
 * the target's posts have: answers in a question, replies in a discussion. Then counts them on the
 * target (the source's opening post becomes one more) and carries over watchers, tags and
 * notifications. Run inside the merging transaction, after markMerged.
 */
export async function movePostsInto(db: Db, source: TopicState, target: TopicState, counts: { replyCount: number; answerCount: number; lastPostedAt: string }, at: string): Promise<number> {
  const followKind = target.kind === 'question' ? 'answer' : 'reply';
  const moved = await db.updateTable('posts').set({ topic_id: target.id, kind: followKind }).where('topic_id', '=', source.id).executeTakeFirst();
  const added = counts.replyCount + 1;
  const last = counts.lastPostedAt;
  await db
    .updateTable('topics')
    .set((eb) => ({
      reply_count: eb('reply_count', '+', added),
      answer_count: followKind === 'answer' ? eb('answer_count', '+', added) : eb.ref('answer_count'),
      last_posted_at: eb.case().when('last_posted_at', '<', last).then(last).else(eb.ref('last_posted_at')).end(),
      updated_at: at,
    }))
    .where('id', '=', target.id)
    .execute();
  await db.updateTable('topics').set({ duplicate_of: target.id }).where('duplicate_of', '=', source.id).execute();
  await db.updateTable('topics').set({ merged_into: target.id }).where('merged_into', '=', source.id).execute();
  await db.updateTable('notifications').set({ topic_id: target.id, community_id: target.community.id }).where('topic_id', '=', source.id).execute();
  await db.deleteFrom('topic_reads').where('topic_id', '=', source.id).execute();
  // Watchers of the duplicate keep hearing about the thread, unless they chose a level for the target.
  await db
    .insertInto('watches')
    .columns(['user_id', 'target_type', 'target_id', 'level', 'created_at'])
    .expression((eb) =>
      eb
        .selectFrom('watches as w')
        .select(['w.user_id', 'w.target_type', eb.val(target.id).as('target_id'), 'w.level', eb.val(at).as('created_at')])
        .where('w.target_type', '=', 'topic')
        .where('w.target_id', '=', source.id)
        .where('w.user_id', 'not in', eb.selectFrom('watches as t').select('t.user_id').where('t.target_type', '=', 'topic').where('t.target_id', '=', target.id)),
    )
    .execute();
  await db.deleteFrom('watches').where('target_type', '=', 'topic').where('target_id', '=', source.id).execute();
  if (source.community.id === target.community.id) {
    await db
      .insertInto('topic_tags')
      .columns(['topic_id', 'community_id', 'tag'])
      .expression((eb) =>
        eb
          .selectFrom('topic_tags as s')
          .select([eb.val(target.id).as('topic_id'), 's.community_id', 's.tag'])
          .where('s.topic_id', '=', source.id)
          .where('s.tag', 'not in', eb.selectFrom('topic_tags as t').select('t.tag').where('t.topic_id', '=', target.id)),
      )
      .execute();
  }
  return Number(moved.numUpdatedRows);
}
