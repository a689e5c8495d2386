import { recordActivity } from '../core/activity.ts';
import type { Db } from '../core/db/index.ts';
import { renderMarkdown } from '../core/markdown/index.ts';
import { setTopicTags } from '../discussions/tags.store.ts';
import { insertNotifications } from '../notifications/notifications.store.ts';
import type { KnowledgeSeedIds } from './knowledge.ts';

const QUESTION = {
  community: 'data-engineering',
  author: 'diego',
  title: 'Should pipeline data contracts live with the producer or the consumer?',
  body:
    'We are starting to write data contracts for the orders feed (schema, freshness, allowed nulls). The ' +
    'warehouse team wants them in the orders service repository so a breaking change fails its build; the ' +
    'analysts want them next to the dbt models that read the feed. Has anyone run this both ways? What broke?',
  tags: ['pipelines', 'data-quality'],
};

/**
 * Seeds the demo's part of src/people/routing: an open, unanswered question in the Data Engineering
 * Practice with an invitation to answer (asker diego invites meilin, notified), and a 72-hour response
 * target for that community (so the question is not escalated yet).
 */
export async function addDemoRouting(tx: Db, ids: KnowledgeSeedIds): Promise<void> {
  const communityId = ids.communityId(QUESTION.community);
  const asker = ids.uid(QUESTION.author);
  const invitee = ids.uid('meilin');
  const opened = ids.at(2);
  const topic = await tx
    .insertInto('topics')
    .values({ community_id: communityId, author_id: asker, kind: 'question', title: QUESTION.title, reply_count: 0, answer_count: 0, last_posted_at: opened, created_at: opened, updated_at: opened })
    .returning('id')
    .executeTakeFirstOrThrow();
  const post = await tx
    .insertInto('posts')
    .values({ topic_id: topic.id, author_id: asker, kind: 'opening', body: QUESTION.body, body_html: renderMarkdown(QUESTION.body).html, created_at: opened, updated_at: opened })
    .returning('id')
    .executeTakeFirstOrThrow();
  await setTopicTags(tx, topic.id, communityId, QUESTION.tags);
  await recordActivity(tx, { actorId: asker, verb: 'topic.created', communityId, subjectType: 'topic', subjectId: topic.id, data: { title: QUESTION.title, kind: 'question' }, at: opened });

  const invitedAt = ids.at(2, 3);
  const inv = await tx
    .insertInto('answer_invitations')
    .values({ topic_id: topic.id, community_id: communityId, invitee_id: invitee, invited_by: asker, source: 'member', state: 'open', created_at: invitedAt, declined_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertNotifications(tx, [{ userId: invitee, kind: 'invited', actorId: asker, communityId, topicId: topic.id, postId: post.id, at: invitedAt }]);
  await recordActivity(tx, { actorId: asker, verb: 'question.invited', communityId, subjectType: 'topic', subjectId: topic.id, data: { invitationId: inv.id, inviteeId: invitee, source: 'member' }, at: invitedAt });

  await tx.insertInto('routing_settings').values({ community_id: communityId, response_target_hours: 72, updated_by: ids.uid('meilin'), updated_at: ids.at(40) }).execute();
}
