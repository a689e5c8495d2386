import type { Db } from '../../core/db/index.ts';
import { signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { addMember, makeUser } from '../../../test/helpers/factories.ts';
import { makeAnswer, makeQuestion, qaWorld } from '../../discussions/answers/answers.fixtures.ts';
import { setTopicTags } from '../../discussions/tags.store.ts';

/** The clock routing tests start at: after every row the Q&A fixtures write (they count from 2026-11-02). */
export const ROUTING_NOW = new Date('2026-11-10T09:00:00Z');

let titleSeq = 0;

/** A tagged question with a title of its own (so titles do not make everything look similar). */
export async function taggedQuestion(db: Db, communityId: number, askerId: number, tags: string[], title?: string) {
  titleSeq += 1;
  const q = await makeQuestion(db, communityId, askerId, { title: title ?? `Question ${titleSeq} zq${titleSeq}x` });
  await setTopicTags(db, q.topicId, communityId, tags);
  return q;
}

/** `userId` answered an earlier tagged question (accepted when said); returns the answer id. */
export async function answeredBefore(db: Db, communityId: number, askerId: number, userId: number, tags: string[], opts: { accepted?: boolean } = {}): Promise<number> {
  const q = await taggedQuestion(db, communityId, askerId, tags);
  const answerId = await makeAnswer(db, q.topicId, userId);
  if (opts.accepted) await db.updateTable('topics').set({ accepted_post_id: answerId }).where('id', '=', q.topicId).execute();
  return answerId;
}

/**
 * qaWorld (public "Open Workshop" and private "Back Room", steward, moderator, asker, answerer, voter,
 * outsider, admin) plus three experts who are members of both: Eve (2 accepted #sql answers in each),
 * Fay (1 #sql answer in each) and Gus (1 #css answer in each).
 */
export async function routingWorld(t: TestApp) {
  const w = await qaWorld(t);
  const db = t.deps.db;
  const eve = await makeUser(db, { display_name: 'Eve Expert' });
  const fay = await makeUser(db, { display_name: 'Fay Fair' });
  const gus = await makeUser(db, { display_name: 'Gus Grid' });
  for (const c of [w.pub, w.secret]) {
    for (const u of [eve, fay, gus]) await addMember(db, c.id, u.id);
    await answeredBefore(db, c.id, w.voter.id, eve.id, ['sql'], { accepted: true });
    await answeredBefore(db, c.id, w.voter.id, eve.id, ['sql', 'postgres'], { accepted: true });
    await answeredBefore(db, c.id, w.voter.id, fay.id, ['sql']);
    await answeredBefore(db, c.id, w.voter.id, gus.id, ['css']);
  }
  const as = { ...w.as, eve: await signInAs(t, eve.id), fay: await signInAs(t, fay.id), gus: await signInAs(t, gus.id) } as Record<keyof typeof w.as | 'eve' | 'fay' | 'gus', Browser>;
  return { ...w, eve, fay, gus, as };
}

/** Row counts of what routing writes, for "writes nothing" assertions. */
export async function routingCounts(db: Db) {
  const n = async (table: 'answer_invitations' | 'notifications' | 'activity' | 'question_escalations' | 'routing_settings') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { invitations: await n('answer_invitations'), notifications: await n('notifications'), activity: await n('activity'), escalations: await n('question_escalations'), settings: await n('routing_settings') };
}
