import { recordActivity } from '../core/activity.ts';
import type { Db } from '../core/db/index.ts';
import { renderMarkdown } from '../core/markdown/index.ts';
import { rebuildNetwork } from '../people/network/network.rebuild.ts';
import type { KnowledgeSeedIds } from './knowledge.ts';

/** A follow-up comment by one demo person on another's newest answer in a community. */
interface DemoComment {
  community: string;
  on: string;
  by: string;
  body: string;
  daysAgo: number;
}

/*
 * Hannah works in both the Accessibility Guild and Data Engineering, and keeps coming back to the
 * threads she learns from: these follow-ups make her ties to Amara and Mei Lin strong, so the network
 * page names her as a boundary spanner between the two communities.
 */
const comments: DemoComment[] = [
  { community: 'accessibility-guild', on: 'amara', by: 'hannah', body: 'Tried this on the reporting dashboard: the focus order finally matches the visual order. Thank you!', daysAgo: 6 },
  { community: 'accessibility-guild', on: 'amara', by: 'hannah', body: 'Follow-up: does the same apply to the chart legends, or do those need their own labels?', daysAgo: 3 },
  { community: 'data-engineering', on: 'meilin', by: 'hannah', body: 'We used this for the returns pipeline too; the contract test caught a renamed column on day one.', daysAgo: 5 },
  { community: 'data-engineering', on: 'meilin', by: 'hannah', body: 'Would you write this up as an article? The accessibility folks asked me how we test exports.', daysAgo: 2 },
];

async function addComment(tx: Db, ids: KnowledgeSeedIds, c: DemoComment): Promise<void> {
  const post = await tx
    .selectFrom('posts')
    .innerJoin('topics', 'topics.id', 'posts.topic_id')
    .select(['posts.id', 'posts.topic_id'])
    .where('topics.community_id', '=', ids.communityId(c.community))
    .where('posts.author_id', '=', ids.uid(c.on))
    .where('posts.kind', '=', 'answer')
    .where('posts.deleted_at', 'is', null)
    .orderBy('posts.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!post) throw new Error(`demo network: ${c.on} has no answer in ${c.community}`);
  const at = ids.at(c.daysAgo);
  const comment = await tx
    .insertInto('comments')
    .values({ post_id: post.id, author_id: ids.uid(c.by), body: c.body, body_html: renderMarkdown(c.body).html, created_at: at, deleted_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx.updateTable('posts').set((eb) => ({ comment_count: eb('comment_count', '+', 1) })).where('id', '=', post.id).execute();
  await recordActivity(tx, { actorId: ids.uid(c.by), verb: 'comment.created', communityId: ids.communityId(c.community), subjectType: 'comment', subjectId: comment.id, data: { postId: post.id, topicId: post.topic_id }, at });
}

/**
 * Seeds the demo's part of src/people/network (called by seed.ts after the knowledge seed, in the same
 * transaction): a few follow-up comments that make a boundary spanner, then the first network build,
 * so /network shows brokers across the demo communities on first start.
 */
export async function addDemoNetwork(tx: Db, ids: KnowledgeSeedIds): Promise<void> {
  for (const c of comments) await addComment(tx, ids, c);
  await rebuildNetwork(tx, { now: new Date(ids.at(0)) });
}
