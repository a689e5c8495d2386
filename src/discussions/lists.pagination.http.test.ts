import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { addMember, makeCommunity } from '../../test/helpers/factories.ts';
import { discussionsWorld, replyVia, startTopicVia, tickingClock } from './discussions.fixtures.ts';

type Page = { items: Array<{ id: number }>; nextCursor: string | null };

describeEachDialect('topic list pagination while posts arrive', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof discussionsWorld>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await discussionsWorld(t);
  });
  afterAll(async () => t.close());

  async function freshCommunity() {
    const c = await makeCommunity(t.deps.db, w.steward.id);
    await addMember(t.deps.db, c.id, w.member.id);
    return c.slug;
  }
  const get = async (url: string): Promise<Page> => {
    const res = await api(t, 'GET', url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };

  describe('latest', () => {
    it('never repeats a topic and keeps unmoved topics in order while topics and replies arrive concurrently', async () => {
      const slug = await freshCommunity();
      const original: number[] = [];
      for (let i = 0; i < 25; i++) original.push((await startTopicVia(t, w.as.member, slug, { title: `Old ${i}` })).id);
      const newestFirst = [...original].reverse();
      const url = `/api/v1/communities/${slug}/topics?limit=10`;
      const page1 = await get(url);
      expect(page1.items.map((x) => x.id)).toEqual(newestFirst.slice(0, 10));
      // Replies bump a topic already seen (page 1) and one not yet seen (page 3); new topics arrive, all while paging.
      const seenBumped = newestFirst[3]!;
      const unseenBumped = newestFirst[22]!;
      const [page2] = await Promise.all([
        get(`${url}&cursor=${page1.nextCursor}`),
        replyVia(t, w.as.steward, seenBumped),
        replyVia(t, w.as.steward, unseenBumped),
        ...Array.from({ length: 5 }, (_, i) => startTopicVia(t, w.as.member, slug, { title: `New ${i}` })),
      ]);
      const page3 = await get(`${url}&cursor=${page2.nextCursor}`);
      expect(page3.nextCursor).toBeNull();
      const seen = [...page1.items, ...page2.items, ...page3.items].map((x) => x.id);
      expect(new Set(seen).size).toBe(seen.length);
      const unmoved = newestFirst.filter((id) => id !== seenBumped && id !== unseenBumped);
      expect(seen.filter((id) => unmoved.includes(id))).toEqual(unmoved);
      expect(seen.filter((id) => !original.includes(id))).toEqual([]);
      // The bumped topics are among the newest activity on a fresh first page (with the 5 new topics).
      const top = (await get(url)).items.slice(0, 7).map((x) => x.id);
      expect(top).toContain(seenBumped);
      expect(top).toContain(unseenBumped);
    });
  });

  describe('unanswered', () => {
    it('pages through open questions without repeats while some of them get answers', async () => {
      const slug = await freshCommunity();
      const questions: number[] = [];
      for (let i = 0; i < 12; i++) questions.push((await startTopicVia(t, w.as.member, slug, { title: `Q ${i}`, kind: 'question' })).id);
      const newestFirst = [...questions].reverse();
      const url = `/api/v1/communities/${slug}/topics?view=unanswered&limit=5`;
      const page1 = await get(url);
      const answered = [newestFirst[1]!, newestFirst[6]!, newestFirst[9]!];
      const [page2] = await Promise.all([get(`${url}&cursor=${page1.nextCursor}`), ...answered.map((id) => replyVia(t, w.as.steward, id, 'An answer'))]);
      const rest = page2.nextCursor ? (await get(`${url}&cursor=${page2.nextCursor}`)).items : [];
      const seen = [...page1.items, ...page2.items, ...rest].map((x) => x.id);
      expect(new Set(seen).size).toBe(seen.length);
      const stillOpen = newestFirst.filter((id) => !answered.includes(id));
      expect(seen.filter((id) => stillOpen.includes(id))).toEqual(stillOpen);
      const now = (await get(`/api/v1/communities/${slug}/topics?view=unanswered&limit=100`)).items.map((x) => x.id);
      expect(now).toEqual(stillOpen);
    });
  });

  describe('the list page', () => {
    it('links to the next page with the filters kept', async () => {
      const slug = await freshCommunity();
      for (let i = 0; i < 22; i++) await startTopicVia(t, w.as.member, slug, { title: `Paged ${i}`, kind: 'question', tags: ['paged'] });
      const res = await t.app.inject({ url: `/c/${slug}/topics?view=unanswered&kind=question&tag=paged` });
      const next = /<a href="([^"]+)" rel="next">/.exec(res.body)?.[1]?.replace(/&amp;/g, '&');
      expect(next).toMatch(new RegExp(`^/c/${slug}/topics\\?view=unanswered&kind=question&tag=paged&cursor=`));
      const page2 = await t.app.inject({ url: next! });
      expect(page2.statusCode).toBe(200);
      expect(page2.body).toContain('Paged 1<');
      expect(page2.body).not.toContain('Paged 21<');
    });
  });
});
