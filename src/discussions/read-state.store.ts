import type { Db } from '../core/db/index.ts';

/** What a member has read of a topic: whether they ever opened it, and posts by others since. */
export interface ReadState {
  opened: boolean;
  newPosts: number;
}

/**
 * Marks a topic read by the user up to `postId`. Never moves backwards: reading an older page
 * after a newer one keeps the newer mark. One upsert, safe when two tabs do it at once.
 */
export async function markRead(db: Db, userId: number, topicId: number, postId: number, at: string): Promise<void> {
  await db
    .insertInto('topic_reads')
    .values({ user_id: userId, topic_id: topicId, last_read_post_id: postId, read_at: at })
    .onConflict((oc) =>
      oc.columns(['user_id', 'topic_id']).doUpdateSet((eb) => ({
        last_read_post_id: eb
          .case()
          .when('excluded.last_read_post_id', '>', eb.ref('topic_reads.last_read_post_id'))
          .then(eb.ref('excluded.last_read_post_id'))
          .else(eb.ref('topic_reads.last_read_post_id'))
          .end(),
        read_at: eb.ref('excluded.read_at'),
      })),
    )
    .execute();
}

/**
 * Marks the topic read up to its newest post, writing only when that moves the mark forward: a
 * member re-reading a topic with nothing new costs one read, not a write (issue 6: signed-in pages).
 */
export async function markReadToLatest(db: Db, userId: number, topicId: number, at: string): Promise<void> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('posts').select((e) => e.fn.max('id').as('m')).where('topic_id', '=', topicId).as('last'),
      eb.selectFrom('topic_reads').select('last_read_post_id').where('user_id', '=', userId).where('topic_id', '=', topicId).as('read'),
    ])
    .executeTakeFirst();
  const last = Number(row?.last ?? 0);
  if (row?.read !== null && row?.read !== undefined && Number(row.read) >= last) return;
  await markRead(db, userId, topicId, last, at);
}

/**
 * Read state of each topic for one user: opened or not, and how many posts others wrote after the
 * last one the user read (every post by others when never opened). Deleted posts do not count.
 */
export async function readStates(db: Db, userId: number, topicIds: number[]): Promise<Map<number, ReadState>> {
  const out = new Map<number, ReadState>(topicIds.map((id) => [id, { opened: false, newPosts: 0 }]));
  if (topicIds.length === 0) return out;
  const reads = await db.selectFrom('topic_reads').select(['topic_id']).where('user_id', '=', userId).where('topic_id', 'in', topicIds).execute();
  for (const r of reads) out.set(r.topic_id, { opened: true, newPosts: 0 });
  const counts = await db
    .selectFrom('posts')
    .leftJoin('topic_reads', (j) => j.onRef('topic_reads.topic_id', '=', 'posts.topic_id').on('topic_reads.user_id', '=', userId))
    .select(['posts.topic_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('posts.topic_id', 'in', topicIds)
    .where('posts.deleted_at', 'is', null)
    .where('posts.author_id', '!=', userId)
    .where((eb) => eb.or([eb('topic_reads.last_read_post_id', 'is', null), eb('posts.id', '>', eb.ref('topic_reads.last_read_post_id'))]))
    .groupBy('posts.topic_id')
    .execute();
  for (const c of counts) {
    const s = out.get(c.topic_id);
    if (s) s.newPosts = Number(c.n);
  }
  return out;
}
