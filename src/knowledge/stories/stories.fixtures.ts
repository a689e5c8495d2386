import type { Db } from '../../core/db/index.ts';
import { makeAnswer, makeQuestion } from '../../discussions/answers/answers.fixtures.ts';
import type { Database } from '../../core/db/schema.ts';

/** Rows of the stories tables plus articles and activity, for "writes nothing" assertions. */
export async function storyCounts(db: Db): Promise<number[]> {
  const tables: Array<keyof Database> = ['articles', 'story_links', 'article_captures', 'capture_contributors', 'activity'];
  return Promise.all(tables.map(async (table) => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)));
}

/** Marks a post deleted (as moderation would). */
export async function deletePost(db: Db, postId: number): Promise<void> {
  await db.updateTable('posts').set({ deleted_at: '2026-11-03T10:00:00.000Z', deleted_reason: 'test' }).where('id', '=', postId).execute();
}

/**
 * A solved question in one community written by many people: the asker's opening post, the accepted
 * answer, three scored answers, a low-scored one, a deleted answer by someone who wrote nothing else,
 * and a deleted answer by someone who also has a live comment-free reply. Returns the ids.
 */
export async function solvedThread(
  db: Db,
  communityId: number,
  p: { asker: number; accepted: number; a: number; b: number; c: number; low: number; deletedOnly: number; twice: number },
  title = 'How do I true a chisel?',
) {
  const { topicId, openingId } = await makeQuestion(db, communityId, p.asker, { title, body: 'The back of my chisel is not flat.' });
  const accepted = await makeAnswer(db, topicId, p.accepted, { body: 'Lap the back on a coarse diamond plate until it is flat.' });
  const a = await makeAnswer(db, topicId, p.a, { body: 'Use a marker to see the high spots.' });
  const b = await makeAnswer(db, topicId, p.b, { body: 'Only the first inch needs to be flat.' });
  const c = await makeAnswer(db, topicId, p.c, { body: 'A granite slab with sandpaper works too.' });
  const low = await makeAnswer(db, topicId, p.low, { body: 'Buy a new chisel.' });
  const gone = await makeAnswer(db, topicId, p.deletedOnly, { body: 'SPAM that was removed.' });
  const twiceGone = await makeAnswer(db, topicId, p.twice, { body: 'A removed first try.' });
  const twiceLive = await makeAnswer(db, topicId, p.twice, { body: 'Flatten the bevel side last.' });
  const scores: Array<[number, number]> = [
    [a, 5],
    [b, 3],
    [c, 2],
    [low, -1],
    [gone, 9],
    [twiceLive, 0],
  ];
  for (const [id, score] of scores) await db.updateTable('posts').set({ score }).where('id', '=', id).execute();
  await deletePost(db, gone);
  await deletePost(db, twiceGone);
  await db.updateTable('topics').set({ accepted_post_id: accepted }).where('id', '=', topicId).execute();
  return { topicId, openingId, accepted, a, b, c, low, gone, twiceGone, twiceLive };
}
