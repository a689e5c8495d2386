import { afterAll, beforeAll, expect, it } from 'vitest';
import { api, buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { addMember, makeCommunity } from '../../test/helpers/factories.ts';
import { discussionsWorld, replyVia, startTopicVia, tickingClock } from './discussions.fixtures.ts';

/**
 * A community's list merges two index-ordered pages (topics living there, topics cross-posted there):
 * the merged pages must be exactly the topics by latest activity, each once, across every page.
 */
describeEachDialect('community lists with cross-posted topics', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof discussionsWorld>>;
  let elsewhere: { id: number; slug: string };
  const expected: number[] = [];
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await discussionsWorld(t);
    elsewhere = await makeCommunity(t.deps.db, w.steward.id, { name: 'Elsewhere', visibility: 'public', join_policy: 'open' });
    await addMember(t.deps.db, elsewhere.id, w.member.id);
    // Interleave: living, cross-posted, living, living, cross-posted, living (oldest first).
    for (const [i, cross] of [false, true, false, false, true, false].entries()) {
      const topic = cross ? await startTopicVia(t, w.as.member, elsewhere.slug, { title: `Cross ${i}`, crossPostTo: [w.pub.slug] }) : await startTopicVia(t, w.as.member, w.pub.slug, { title: `Living ${i}` });
      expected.unshift(topic.id);
    }
    // A reply moves the oldest (a living topic) to the top.
    const oldest = expected.pop()!;
    await replyVia(t, w.as.member, oldest);
    expected.unshift(oldest);
  });
  afterAll(async () => t.close());

  it('pages through living and cross-posted topics in order of latest activity, each exactly once', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res = await api(t, 'GET', `/api/v1/communities/${w.pub.slug}/topics?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.statusCode).toBe(200);
      const body = res.json() as { items: Array<{ id: number }>; nextCursor: string | null };
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected);
  });
});
