import { afterAll, beforeAll, expect, it } from 'vitest';
import { api, signInAs, type Browser } from './helpers/app.ts';
import { describeEachDialect } from './helpers/db.ts';
import { addMember, makeCommunity, makeUser } from './helpers/factories.ts';
import { countingTestApp, queriesFor } from './helpers/query-count.ts';
import { flushAllSearchDocs } from '../src/search/search.flush.ts';

/*
 * Query bounds for the main pages (issue 6: no N+1 queries). Each page is measured twice, on a small
 * and on a large instance of what it lists (a topic with 5 and with 50 posts, a list of 3 and of 25
 * topics, …): the count must not grow with the rows shown, and must stay under a fixed bound.
 * Counts, not timings: these never depend on the machine.
 */

/** The most statements a page may run (subqueries are part of their statement, not counted apart). */
const BOUND = 30;
// The topic page gathers every feature's part (votes, comments, reactions, moderation, attachments,
// back-links, captures, related, …); it runs 45 statements anonymous and 46 for a signed-in member
// today when it ranks its related content in the request (constant in the number of posts).
const bounds: Record<string, number> = { 'topic page': 50 };

describeEachDialect('queries per page stay bounded (no N+1)', (dialect) => {
  let t: Awaited<ReturnType<typeof countingTestApp>>;
  let small: { slug: string; topic: number; article: number };
  let large: { slug: string; topic: number; article: number };
  let member: Browser;
  let viewerId: number;

  /** A community with one question of `posts` posts (answers by different members, votes, comments, reactions), `topics` topics and an article. */
  async function world(posts: number, topics: number) {
    const db = t.deps.db;
    const steward = await makeUser(db);
    const c = await makeCommunity(db, steward.id);
    // The signed-in viewer is a plain member of both communities (not an author), so both pages ask the same things.
    await addMember(db, c.id, viewerId);
    const people: Browser[] = [await signInAs(t, steward.id)];
    for (let i = 0; i < Math.min(posts, 12); i++) {
      const u = await makeUser(db);
      await addMember(db, c.id, u.id);
      people.push(await signInAs(t, u.id));
    }
    const who = (i: number) => people[i % people.length]!;
    const q = await api(t, 'POST', `/api/v1/communities/${c.slug}/topics`, { kind: 'question', title: 'How do we bound queries?', body: 'A question with **Markdown**.', tags: ['perf', 'sql'] }, who(0));
    const topic = (q.json() as { id: number }).id;
    for (let i = 1; i < posts; i++) {
      const a = await api(t, 'POST', `/api/v1/topics/${topic}/posts`, { body: `Answer ${i}, with \`code\` and a [link](/c/${c.slug}/t/${topic}).` }, who(i));
      const id = (a.json() as { id: number }).id;
      await api(t, 'PUT', `/api/v1/posts/${id}/vote`, { value: 1 }, who(i + 1));
      if (i % 3 === 0) await api(t, 'POST', `/api/v1/posts/${id}/comments`, { body: 'A comment.' }, who(i + 2));
      if (i % 4 === 0) await api(t, 'PUT', `/api/v1/posts/${id}/reactions/thanks`, {}, who(i + 3));
    }
    for (let i = 1; i < topics; i++) await api(t, 'POST', `/api/v1/communities/${c.slug}/topics`, { kind: 'discussion', title: `Topic number ${i}`, body: 'Body.', tags: ['perf'] }, who(i));
    const art = await api(t, 'POST', `/api/v1/communities/${c.slug}/articles`, { type: 'how-to', title: 'Bounding queries', body: `See [the question](/c/${c.slug}/t/${topic}).`, tags: ['perf'] }, who(1));
    return { slug: c.slug, topic, article: (art.json() as { id: number }).id };
  }

  beforeAll(async () => {
    t = await countingTestApp(dialect);
    const viewer = await makeUser(t.deps.db);
    viewerId = viewer.id;
    member = await signInAs(t, viewer.id);
    small = await world(5, 3);
    large = await world(50, 25);
    // The worlds' new documents reach FTS5 now, not in the first page that searches (src/search/search.flush.ts).
    await flushAllSearchDocs(t.deps.db);
  }, 240_000);
  afterAll(async () => t.close());

  const pages: Array<[string, (w: typeof small) => string]> = [
    ['topic page', (w) => `/c/${w.slug}/t/${w.topic}`],
    ['topic posts (API)', (w) => `/api/v1/topics/${w.topic}/posts`],
    ['community home', (w) => `/c/${w.slug}`],
    ['latest topics', (w) => `/c/${w.slug}/topics`],
    ['unanswered topics', (w) => `/c/${w.slug}/topics?view=unanswered`],
    ['articles list', (w) => `/c/${w.slug}/articles`],
    ['article page', (w) => `/c/${w.slug}/a/${w.article}`],
    ['search', () => `/search?q=queries`],
  ];

  for (const [name, url] of pages) {
    const bound = bounds[name] ?? BOUND;
    it(`${name}: the same number of queries for few and many rows, at most ${bound}, anonymous and signed in`, async () => {
      for (const cookie of [undefined, member.cookie]) {
        const a = await queriesFor(t, url(small), cookie);
        const b = await queriesFor(t, url(large), cookie);
        expect([a.status, b.status]).toEqual([200, 200]);
        expect(b.queries, `${name} ${cookie ? 'signed in' : 'anonymous'}: ${a.queries} queries for the small one, ${b.queries} for the large one`).toBe(a.queries);
        expect(b.queries).toBeLessThanOrEqual(bound);
      }
    });
  }

  it('home dashboard: bounded for a member', async () => {
    const r = await queriesFor(t, '/', member.cookie);
    expect(r.status).toBe(200);
    expect(r.queries).toBeLessThanOrEqual(BOUND);
  });
});
