import type { Db } from '../../core/db/index.ts';
import { addMember, makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { makeAnswer, makeQuestion } from '../../discussions/answers/answers.fixtures.ts';

/** Tags a topic in its community. */
export async function tagTopic(db: Db, topicId: number, communityId: number, tags: string[]): Promise<void> {
  for (const tag of tags) await db.insertInto('topic_tags').values({ topic_id: topicId, community_id: communityId, tag }).execute();
}

/** A tagged question with one answer by `answererId`; returns the ids. */
export async function answeredQuestion(db: Db, communityId: number, askerId: number, answererId: number, tags: string[], title = 'How do I true a chisel?') {
  const q = await makeQuestion(db, communityId, askerId, { title });
  await tagTopic(db, q.topicId, communityId, tags);
  const answerId = await makeAnswer(db, q.topicId, answererId);
  return { ...q, answerId };
}

/** Accepts an answer as acceptAnswer would store it (topic column and 'answer.accepted' activity at `at`). */
export async function acceptAt(db: Db, topicId: number, postId: number, communityId: number, at: string): Promise<void> {
  await db.updateTable('topics').set({ accepted_post_id: postId }).where('id', '=', topicId).execute();
  await db.insertInto('activity').values({ actor_id: null, verb: 'answer.accepted', community_id: communityId, subject_type: 'post', subject_id: postId, data: '{}', created_at: at }).execute();
}

/** Stores votes on a post (and its score) as castVote would. */
export async function voteOn(db: Db, postId: number, votes: Array<{ userId: number; value: 1 | -1 }>, at = '2026-11-01T00:00:00.000Z'): Promise<void> {
  for (const v of votes) await db.insertInto('votes').values({ post_id: postId, user_id: v.userId, value: v.value, created_at: at, updated_at: at }).execute();
  await db.updateTable('posts').set((eb) => ({ score: eb('score', '+', votes.reduce((s, v) => s + v.value, 0)) })).where('id', '=', postId).execute();
}

/** An article by `authorId` in `state`, with tags; `reviewedAt` for endorsed ones. */
export async function makeArticle(db: Db, communityId: number, authorId: number, opts: { state: string; tags: string[]; title?: string; reviewedAt?: string }) {
  const at = opts.reviewedAt ?? '2026-10-01T00:00:00.000Z';
  const a = await db
    .insertInto('articles')
    .values({ community_id: communityId, author_id: authorId, type: 'how_to', title: opts.title ?? 'Sharpening at the bench', body: 'Body.', body_html: '<p>Body.</p>', state: opts.state, created_at: at, updated_at: at, edited_at: null, edited_by: null, reviewed_at: opts.state === 'endorsed' ? at : null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('article_owners').values({ article_id: a.id, user_id: authorId, added_at: at }).execute();
  for (const tag of opts.tags) await db.insertInto('article_tags').values({ article_id: a.id, community_id: communityId, tag }).execute();
  return a.id;
}

/** Records "I applied this" by `userId` on a post or article. */
export async function applyIt(db: Db, subjectType: 'post' | 'article', subjectId: number, userId: number, at: string): Promise<void> {
  await db.insertInto('applied').values({ subject_type: subjectType, subject_id: subjectId, user_id: userId, note: '', created_at: at, updated_at: at }).execute();
}

/** Two communities (public and private, each with its steward), an expert, an asker, voters and an outsider. */
export async function expertiseWorld(db: Db) {
  const [steward, expert, rival, asker, v1, v2, v3, outsider] = await Promise.all([
    makeUser(db, { display_name: 'Sam Steward' }),
    makeUser(db, { display_name: 'Eve Expert' }),
    makeUser(db, { display_name: 'Rob Rival' }),
    makeUser(db, { display_name: 'Ada Asker' }),
    makeUser(db, { display_name: 'Vic One' }),
    makeUser(db, { display_name: 'Vic Two' }),
    makeUser(db, { display_name: 'Vic Three' }),
    makeUser(db, { display_name: 'Otto Outsider' }),
  ]);
  const pub = await makeCommunity(db, steward.id, { name: 'Open Workshop', visibility: 'public', join_policy: 'open' });
  const secret = await makeCommunity(db, steward.id, { name: 'Back Room', visibility: 'private', join_policy: 'invite' });
  for (const c of [pub, secret]) for (const u of [expert, rival, asker, v1, v2, v3]) await addMember(db, c.id, u.id);
  return { steward, expert, rival, asker, v1, v2, v3, outsider, pub, secret };
}
