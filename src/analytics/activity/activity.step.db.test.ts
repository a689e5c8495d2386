import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect, openTestDb } from '../../../test/helpers/db.ts';
import { makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import type { Db } from '../../core/db/index.ts';
import { rebuildAnalytics, refreshAnalytics } from '../refresh.ts';
import { activityStep } from './activity.step.ts';
import { act, contribute } from './activity.fixtures.ts';

const NOW = new Date('2026-03-20T12:00:00Z');
const steps = [activityStep];

async function memberMonths(db: Db, communityId: number) {
  const rows = await db.selectFrom('analytics_member_months').selectAll().where('community_id', '=', communityId).orderBy('month').orderBy('user_id').execute();
  return rows.map((r) => ({ month: r.month, user: Number(r.user_id), contributions: Number(r.contributions), questions: Number(r.questions), answers: Number(r.answers), replies: Number(r.replies), articles: Number(r.articles), comments: Number(r.comments), events: Number(r.events), reactions: Number(r.reactions), views: Number(r.views), accepted: Number(r.accepted), acts: Number(r.acts), firstAt: r.first_at, lastAt: r.last_at }));
}

describeEachDialect('activityStep: analytics_member_months', (dialect) => {
  let h: Awaited<ReturnType<typeof openTestDb>>;
  beforeEach(async () => {
    h = await openTestDb(dialect);
  });
  afterEach(async () => {
    await h.close();
  });

  it('counts each member’s acts per month by kind, credits accepted answers to their author, and keeps first/last', async () => {
    const db = h.db;
    const ana = await makeUser(db);
    const ben = await makeUser(db);
    const c = await makeCommunity(db, ana.id);
    const other = await makeCommunity(db, ben.id);
    // January: Ana asks, opens a discussion, comments, votes, views; Ben answers, replies, writes an article, hosts an event.
    await contribute(db, ana.id, c.id, 'question', '2026-01-03T09:00:00.000Z');
    await contribute(db, ana.id, c.id, 'discussion', '2026-01-04T09:00:00.000Z');
    await contribute(db, ana.id, c.id, 'comment', '2026-01-05T09:00:00.000Z');
    await act(db, { actor: ana.id, verb: 'post.voted', community: c.id, at: '2026-01-06T09:00:00.000Z', subjectType: 'post' });
    await act(db, { actor: ana.id, verb: 'topic.viewed', community: c.id, at: '2026-01-07T09:00:00.000Z' });
    await contribute(db, ben.id, c.id, 'answer', '2026-01-03T10:00:00.000Z');
    await contribute(db, ben.id, c.id, 'reply', '2026-01-04T10:00:00.000Z');
    await contribute(db, ben.id, c.id, 'article', '2026-01-20T10:00:00.000Z');
    await contribute(db, ben.id, c.id, 'event', '2026-01-31T23:59:59.000Z');
    // Ana accepts Ben's answer on 1 February: Ben is credited in February, though he did nothing then.
    await act(db, { actor: ana.id, verb: 'answer.accepted', community: c.id, at: '2026-02-01T00:00:00.000Z', subjectType: 'post', data: { answerAuthorId: ben.id } });
    // Another community's acts stay there.
    await contribute(db, ben.id, other.id, 'question', '2026-01-10T10:00:00.000Z');

    await refreshAnalytics(db, { now: NOW, steps });
    const zero = { contributions: 0, questions: 0, answers: 0, replies: 0, articles: 0, comments: 0, events: 0, reactions: 0, views: 0, accepted: 0 };
    expect(await memberMonths(db, c.id)).toEqual([
      { ...zero, month: '2026-01', user: ana.id, contributions: 3, questions: 1, replies: 1, comments: 1, reactions: 1, views: 1, acts: 5, firstAt: '2026-01-03T09:00:00.000Z', lastAt: '2026-01-07T09:00:00.000Z' },
      { ...zero, month: '2026-01', user: ben.id, contributions: 4, answers: 1, replies: 1, articles: 1, events: 1, acts: 4, firstAt: '2026-01-03T10:00:00.000Z', lastAt: '2026-01-31T23:59:59.000Z' },
      { ...zero, month: '2026-02', user: ana.id, acts: 1, firstAt: '2026-02-01T00:00:00.000Z', lastAt: '2026-02-01T00:00:00.000Z' },
      { ...zero, month: '2026-02', user: ben.id, accepted: 1, acts: 0, firstAt: null, lastAt: null },
    ]);
    expect(await memberMonths(db, other.id)).toEqual([{ ...zero, month: '2026-01', user: ben.id, contributions: 1, questions: 1, acts: 1, firstAt: '2026-01-10T10:00:00.000Z', lastAt: '2026-01-10T10:00:00.000Z' }]);
  });

  it('lands a backdated row in its own month, counts it once, and a rebuild writes the same rows', async () => {
    const db = h.db;
    const ana = await makeUser(db);
    const c = await makeCommunity(db, ana.id);
    await contribute(db, ana.id, c.id, 'reply', '2026-03-01T09:00:00.000Z');
    await refreshAnalytics(db, { now: NOW, steps });
    // An import appends an old row after the refresh: it must land in November, and March stays as it was.
    await contribute(db, ana.id, c.id, 'question', '2025-11-15T09:00:00.000Z');
    await contribute(db, ana.id, c.id, 'reply', '2026-03-02T09:00:00.000Z');
    await refreshAnalytics(db, { now: NOW, steps });
    await refreshAnalytics(db, { now: NOW, steps });
    const after = await memberMonths(db, c.id);
    expect(after.map((r) => [r.month, r.contributions, r.questions, r.replies])).toEqual([
      ['2025-11', 1, 1, 0],
      ['2026-03', 2, 0, 2],
    ]);
    await rebuildAnalytics(db, { now: NOW, steps });
    expect(await memberMonths(db, c.id)).toEqual(after);
  });

  it('falls back to the post’s kind and author when a row’s data lacks them (demo rows)', async () => {
    const db = h.db;
    const ana = await makeUser(db);
    const ben = await makeUser(db);
    const c = await makeCommunity(db, ana.id);
    const at = '2026-02-10T09:00:00.000Z';
    const topic = await db.insertInto('topics').values({ community_id: c.id, author_id: ana.id, title: 'How?', kind: 'question', reply_count: 1, last_posted_at: at, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    const post = await db.insertInto('posts').values({ topic_id: topic.id, author_id: ben.id, body: 'Like so.', kind: 'answer', created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    await act(db, { actor: ben.id, verb: 'post.created', community: c.id, at, subjectType: 'post', subjectId: post.id, data: { topicId: topic.id } });
    await act(db, { actor: null, verb: 'answer.accepted', community: c.id, at, subjectType: 'post', subjectId: post.id });
    await refreshAnalytics(db, { now: NOW, steps });
    const rows = await memberMonths(db, c.id);
    expect(rows.map((r) => [r.user, r.answers, r.replies, r.accepted])).toEqual([[ben.id, 1, 0, 1]]);
  });
});
