import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify } from '@node-rs/argon2';
import type { DbHandle } from '../core/db/index.ts';
import { describeEachDialect, openTestDb } from '../../test/helpers/db.ts';
import { makeUser } from '../../test/helpers/factories.ts';
import { DEMO_PASSWORD, DEMO_USERNAME } from './people.ts';
import { seedDemo, type SeedResult } from './seed.ts';

const NOW = new Date('2026-11-20T12:00:00Z');

async function count(h: DbHandle, table: 'users' | 'communities' | 'topics' | 'posts' | 'activity' | 'memberships' | 'topic_tags'): Promise<number> {
  const r = await h.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

describeEachDialect('seedDemo', (dialect) => {
  describe('on an empty database', () => {
    let h: DbHandle & { dataDir: string };
    let result: SeedResult;
    beforeAll(async () => {
      h = await openTestDb(dialect);
      result = await seedDemo(h.db, { now: NOW });
    });
    afterAll(async () => h.close());

    it('seeds 12+ people, four communities and a discussion in each, and returns the demo sign-in', async () => {
      expect(result).toMatchObject({ seeded: true, username: DEMO_USERNAME, password: DEMO_PASSWORD });
      expect(await count(h, 'users')).toBeGreaterThanOrEqual(12);
      expect(await count(h, 'communities')).toBe(4);
      const perCommunity = await h.db.selectFrom('topics').select(['community_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('community_id').execute();
      expect(perCommunity).toHaveLength(4);
      for (const row of perCommunity) expect(Number(row.n)).toBeGreaterThanOrEqual(3);
    });

    it('covers the forms: formal and informal, local and distributed, exactly one private invite-only community', async () => {
      const cs = await h.db.selectFrom('communities').selectAll().execute();
      expect(new Set(cs.map((c) => c.formality))).toEqual(new Set(['formal', 'informal']));
      expect(new Set(cs.map((c) => c.locality))).toEqual(new Set(['local', 'distributed']));
      expect(new Set(cs.map((c) => c.join_policy))).toEqual(new Set(['open', 'approval', 'invite']));
      const priv = cs.filter((c) => c.visibility === 'private');
      expect(priv).toHaveLength(1);
      expect(priv[0]!.join_policy).toBe('invite');
      for (const c of cs.filter((x) => x.formality === 'formal')) expect(c.sponsor).not.toBe('');
      for (const c of cs.filter((x) => x.locality === 'local')) expect(c.location).not.toBe('');
      const tags = await h.db.selectFrom('community_tags').select('community_id').distinct().execute();
      expect(tags).toHaveLength(4);
    });

    it('keeps member_count, reply_count and last_posted_at consistent with the rows', async () => {
      for (const c of await h.db.selectFrom('communities').select(['id', 'member_count']).execute()) {
        const m = await h.db.selectFrom('memberships').select((eb) => eb.fn.countAll<number>().as('n')).where('community_id', '=', c.id).executeTakeFirstOrThrow();
        expect(c.member_count).toBe(Number(m.n));
        const stewards = await h.db.selectFrom('memberships').select('user_id').where('community_id', '=', c.id).where('role', '=', 'steward').execute();
        expect(stewards.length).toBeGreaterThanOrEqual(1);
      }
      for (const t of await h.db.selectFrom('topics').selectAll().execute()) {
        const ps = await h.db.selectFrom('posts').select(['created_at', 'author_id']).where('topic_id', '=', t.id).orderBy('id').execute();
        expect(t.reply_count).toBe(ps.length - 1);
        expect(t.last_posted_at).toBe(ps.map((p) => p.created_at).sort().at(-1));
        expect(ps[0]!.created_at).toBe(t.created_at);
        expect(ps[0]!.author_id).toBe(t.author_id);
        expect(t.last_posted_at < NOW.toISOString()).toBe(true);
      }
    });

    it('lets only members post: every author is a member of the community they wrote in', async () => {
      const outsiders = await h.db
        .selectFrom('posts')
        .innerJoin('topics', 'topics.id', 'posts.topic_id')
        .leftJoin('memberships', (j) => j.onRef('memberships.community_id', '=', 'topics.community_id').onRef('memberships.user_id', '=', 'posts.author_id'))
        .select('posts.id')
        .where('memberships.user_id', 'is', null)
        .execute();
      expect(outsiders).toEqual([]);
    });

    it('gives questions real Q&A state: rendered bodies, tags, vote scores that match the votes, accepted answers that are answers', async () => {
      expect(await h.db.selectFrom('posts').select('id').where('body_html', '=', '').execute()).toEqual([]);
      expect(await count(h, 'topic_tags')).toBeGreaterThan(10);
      const posts = await h.db.selectFrom('posts').select(['id', 'score', 'author_id']).execute();
      const votes = await h.db.selectFrom('votes').select(['post_id', 'user_id', 'value']).execute();
      expect(votes.length).toBeGreaterThan(10);
      for (const p of posts) {
        const mine = votes.filter((v) => v.post_id === p.id);
        expect(p.score).toBe(mine.reduce((a, v) => a + v.value, 0));
        expect(mine.some((v) => v.user_id === p.author_id)).toBe(false);
      }
      const solved = await h.db.selectFrom('topics').innerJoin('posts', 'posts.id', 'topics.accepted_post_id').select(['topics.id', 'topics.kind', 'posts.topic_id', 'posts.kind as postKind']).execute();
      expect(solved.length).toBeGreaterThanOrEqual(3);
      for (const s of solved) expect([s.kind, s.postKind, s.topic_id]).toEqual(['question', 'answer', s.id]);
      const byVerb = await h.db.selectFrom('activity').select('verb').where('verb', 'in', ['post.voted', 'answer.accepted']).execute();
      expect(byVerb.filter((r) => r.verb === 'post.voted')).toHaveLength(votes.length);
      expect(byVerb.filter((r) => r.verb === 'answer.accepted')).toHaveLength(solved.length);
    });

    it('makes the demo account an org admin and steward of one community, with the printed password', async () => {
      const demo = await h.db.selectFrom('users').selectAll().where('username', '=', DEMO_USERNAME).executeTakeFirstOrThrow();
      expect(demo.role).toBe('admin');
      expect(await verify(demo.password_hash!, DEMO_PASSWORD)).toBe(true);
      const stewarded = await h.db.selectFrom('memberships').select('community_id').where('user_id', '=', demo.id).where('role', '=', 'steward').execute();
      expect(stewarded).toHaveLength(1);
    });

    it('appends one activity row per act: people, communities, joins, topics and replies', async () => {
      const byVerb = await h.db.selectFrom('activity').select(['verb', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('verb').execute();
      const n = Object.fromEntries(byVerb.map((r) => [r.verb, Number(r.n)]));
      const memberships = await count(h, 'memberships');
      const communities = await count(h, 'communities');
      expect(n['user.signed_up']).toBe(await count(h, 'users'));
      expect(n['community.created']).toBe(communities);
      expect(n['community.joined']).toBe(memberships - communities);
      expect(n['topic.created']).toBe(await count(h, 'topics'));
      expect(n['post.created']).toBe((await count(h, 'posts')) - (await count(h, 'topics')));
    });

    it('fills a knowledge repository: every article type, owners and glossary owners who are members, rendered bodies', async () => {
      const articles = await h.db.selectFrom('articles').select(['id', 'community_id', 'type', 'state', 'body_html']).execute();
      expect(new Set(articles.map((a) => a.type))).toEqual(new Set(['how-to', 'best-practice', 'decision-record', 'story', 'reference']));
      expect(new Set(articles.map((a) => a.state))).toEqual(new Set(['draft', 'proposed', 'endorsed']));
      expect(articles.every((a) => a.body_html.startsWith('<'))).toBe(true);
      if (result.seeded) expect(result.counts).toMatchObject({ articles: articles.length, terms: await h.db.selectFrom('glossary_terms').select('id').execute().then((r) => r.length) });
      const strangers = await h.db
        .selectFrom('article_owners')
        .innerJoin('articles', 'articles.id', 'article_owners.article_id')
        .leftJoin('memberships', (j) => j.onRef('memberships.user_id', '=', 'article_owners.user_id').onRef('memberships.community_id', '=', 'articles.community_id'))
        .select('article_owners.user_id')
        .where('memberships.user_id', 'is', null)
        .execute();
      expect(strangers).toEqual([]);
      const termStrangers = await h.db
        .selectFrom('glossary_terms')
        .leftJoin('memberships', (j) => j.onRef('memberships.user_id', '=', 'glossary_terms.owner_id').onRef('memberships.community_id', '=', 'glossary_terms.community_id'))
        .select('glossary_terms.id')
        .where('memberships.user_id', 'is', null)
        .execute();
      expect(termStrangers).toEqual([]);
      const activity = await h.db.selectFrom('activity').select('verb').where('verb', 'in', ['article.created', 'glossary.term_created']).execute();
      expect(activity.length).toBe(articles.length + (result.seeded ? result.counts.terms : 0));
    });

    it('gives every endorsed article its recorded path (draft → proposed → endorsed by a non-owner) and a review date; a reading list', async () => {
      const articles = await h.db.selectFrom('articles').select(['id', 'state', 'review_due_at']).execute();
      for (const a of articles) {
        const path = (await h.db.selectFrom('article_transitions').select(['from_state', 'to_state', 'actor_id']).where('article_id', '=', a.id).orderBy('id').execute()).map((t) => `${t.from_state}→${t.to_state}`);
        const want = { draft: [], proposed: ['draft→proposed'], endorsed: ['draft→proposed', 'proposed→endorsed'] }[a.state as 'draft' | 'proposed' | 'endorsed'];
        expect(path).toEqual(want);
        expect(a.review_due_at === null).toBe(a.state !== 'endorsed');
      }
      const selfEndorsed = await h.db
        .selectFrom('article_endorsements')
        .innerJoin('article_owners', (j) => j.onRef('article_owners.article_id', '=', 'article_endorsements.article_id').onRef('article_owners.user_id', '=', 'article_endorsements.user_id'))
        .select('article_endorsements.article_id')
        .execute();
      expect(selfEndorsed).toEqual([]);
      const items = await h.db.selectFrom('collection_items').select(['target_type', 'position']).orderBy('position').execute();
      expect(items.map((i) => i.target_type)).toEqual(['article', 'article', 'topic']);
    });

    it('refuses to seed a second time and writes nothing', async () => {
      const before = await Promise.all([count(h, 'users'), count(h, 'communities'), count(h, 'posts'), count(h, 'activity')]);
      const again = await seedDemo(h.db, { now: NOW });
      expect(again.seeded).toBe(false);
      expect(await Promise.all([count(h, 'users'), count(h, 'communities'), count(h, 'posts'), count(h, 'activity')])).toEqual(before);
    });
  });

  it('refuses when any user exists (an admin made with `guildhall admin create`)', async () => {
    const h = await openTestDb(dialect);
    try {
      await makeUser(h.db, { role: 'admin' });
      const r = await seedDemo(h.db, { now: NOW });
      expect(r).toEqual({ seeded: false, reason: expect.stringContaining('already has 1 user') });
      expect(await count(h, 'communities')).toBe(0);
    } finally {
      await h.close();
    }
  });
});
