import { recordActivity } from '../core/activity.ts';
import type { Db } from '../core/db/index.ts';
import type { DemoTopic } from './demo.types.ts';

/** What the demo adds to a topic beyond its posts: tags, an accepted answer, votes per answer. */
interface TopicExtras {
  tags: string[];
  /** Index into the topic's replies of the accepted answer (questions only). */
  accepted?: number;
  /** Upvotes per reply, by index. */
  votes?: number[];
}

const extras: Record<string, TopicExtras> = {
  'How do we test focus order in modal dialogs?': { tags: ['dialogs', 'keyboard', 'testing'], accepted: 0, votes: [4, 2, 3] },
  'Our checklist for accessible data tables': { tags: ['tables', 'checklists'] },
  'Is 4.5:1 contrast enough for text on the new brand gradient?': { tags: ['contrast', 'wcag'], votes: [2, 1] },
  "Notes from Thursday's screen reader testing session": { tags: ['screen-readers', 'research'] },
  'How are you handling late-arriving events in the daily aggregates?': { tags: ['streaming', 'late-data'], accepted: 0, votes: [3, 2] },
  'Proposal: data contracts for the orders pipeline': { tags: ['data-contracts', 'orders'] },
  'What is a sensible way to test dbt models beyond not_null and unique?': { tags: ['dbt', 'testing'], votes: [2, 1] },
  'Review: checkout latency spike on 3 November': { tags: ['latency', 'checkout'] },
  'How do we keep a review blameless when one change clearly caused the outage?': { tags: ['blameless', 'facilitation'], accepted: 0, votes: [3, 1, 1] },
  'Template for incident write-ups, version 2': { tags: ['templates'] },
  'Workshop night in December: what should we build?': { tags: ['workshops'] },
  'Which filament for parts that sit outside in the sun?': { tags: ['3d-printing', 'materials'], accepted: 1, votes: [1, 3] },
  'Soldering station etiquette (please read)': { tags: ['soldering', 'safety'] },
};

/**
 * Tags a demo topic, has other members of its community upvote its replies and, for a solved
 * question, accepts an answer — with the counters and activity rows the real actions would write.
 */
export async function addDemoEngagement(
  tx: Db,
  t: DemoTopic,
  ids: { topicId: number; communityId: number; replyIds: number[]; voters: number[]; authorOf: (i: number) => number; askerId: number; at: (i: number) => string },
): Promise<void> {
  const x = extras[t.title];
  if (!x) return;
  if (x.tags.length > 0) {
    await tx.insertInto('topic_tags').values(x.tags.map((tag) => ({ topic_id: ids.topicId, community_id: ids.communityId, tag }))).execute();
  }
  for (const [i, count] of (x.votes ?? []).entries()) {
    const postId = ids.replyIds[i];
    if (postId === undefined) continue;
    const voters = ids.voters.filter((v) => v !== ids.authorOf(i)).slice(0, count);
    for (const voter of voters) {
      await tx.insertInto('votes').values({ post_id: postId, user_id: voter, value: 1, created_at: ids.at(i), updated_at: ids.at(i) }).execute();
      await recordActivity(tx, { actorId: voter, verb: 'post.voted', communityId: ids.communityId, subjectType: 'post', subjectId: postId, data: { value: 1, previous: 0, topicId: ids.topicId, postAuthorId: ids.authorOf(i) }, at: ids.at(i) });
    }
    await tx.updateTable('posts').set({ score: voters.length }).where('id', '=', postId).execute();
  }
  const acceptedId = t.kind === 'question' && x.accepted !== undefined ? ids.replyIds[x.accepted] : undefined;
  if (acceptedId !== undefined && x.accepted !== undefined) {
    await tx.updateTable('topics').set({ accepted_post_id: acceptedId }).where('id', '=', ids.topicId).execute();
    await recordActivity(tx, { actorId: ids.askerId, verb: 'answer.accepted', communityId: ids.communityId, subjectType: 'post', subjectId: acceptedId, data: { topicId: ids.topicId, previous: null, answerAuthorId: ids.authorOf(x.accepted) }, at: ids.at(x.accepted) });
  }
}
