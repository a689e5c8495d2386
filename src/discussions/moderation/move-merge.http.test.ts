import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { addMember, makeCommunity } from '../../../test/helpers/factories.ts';
import { tickingClock } from '../discussions.fixtures.ts';
import { call, count, moderationWorld, replyVia, topicVia, type ModerationWorld } from './moderation.fixtures.ts';

describeEachDialect('moving and merging topics', (dialect) => {
  let t: TestApp;
  let w: ModerationWorld;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await moderationWorld(t);
  });
  afterAll(async () => t.close());

  const topicRow = (id: number) => t.deps.db.selectFrom('topics').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const activityIn = (verb: string, subjectId: number) =>
    t.deps.db.selectFrom('activity').select(['community_id', 'actor_id', 'data']).where('verb', '=', verb).where('subject_id', '=', subjectId).orderBy('community_id').execute();
  const page = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });

  describe('POST /api/v1/topics/:id/move', () => {
    it('moves the topic and its tags to another community the moderator also moderates, with activity in both', async () => {
      const id = await topicVia(t, w.as.member, w.pub.slug, { title: 'Moving day', tags: ['steel', 'heat'] });
      const res = await call(t, 'POST', `/api/v1/topics/${id}/move`, { community: w.other.slug, note: 'Belongs there' }, w.as.moderator);
      expect(res.statusCode).toBe(200);
      expect(res.json().community).toMatchObject({ slug: w.other.slug });
      expect((await topicRow(id)).community_id).toBe(w.other.id);
      const tags = await t.deps.db.selectFrom('topic_tags').select(['community_id']).where('topic_id', '=', id).execute();
      expect(tags.length).toBe(2);
      expect(tags.every((x) => x.community_id === w.other.id)).toBe(true);
      const rows = await activityIn('topic.moved', id);
      expect(rows.map((r) => r.community_id).sort()).toEqual([w.pub.id, w.other.id].sort());
      expect(JSON.parse(rows[0]!.data)).toMatchObject({ from: w.pub.slug, to: w.other.slug, note: 'Belongs there' });
      expect((await page(`/c/${w.other.slug}/t/${id}`)).statusCode).toBe(200);
      const old = await page(`/c/${w.pub.slug}/t/${id}`);
      expect(old.statusCode).toBe(301);
      expect(old.headers.location).toBe(`/c/${w.other.slug}/t/${id}`);
    });

    it('answers 403 when the moderator is only a member of the target community, and moves nothing', async () => {
      const elsewhere = await makeCommunity(t.deps.db, w.outsider.id, { name: 'Elsewhere' });
      await addMember(t.deps.db, elsewhere.id, w.moderator.id, 'member');
      const id = await topicVia(t, w.as.member, w.pub.slug);
      const before = await count(t.deps.db, 'activity');
      const res = await call(t, 'POST', `/api/v1/topics/${id}/move`, { community: elsewhere.slug }, w.as.moderator);
      expect(res.statusCode).toBe(403);
      expect((await topicRow(id)).community_id).toBe(w.pub.id);
      expect(await count(t.deps.db, 'activity')).toBe(before);
    });

    const bad: Array<[string, () => Promise<string>]> = [
      ['an unknown community', async () => 'no-such-community'],
      ['the community it is already in', async () => w.pub.slug],
      ['a private community the moderator cannot read', async () => (await makeCommunity(t.deps.db, w.outsider.id, { name: 'Vault Qz', visibility: 'private', join_policy: 'invite' })).slug],
    ];
    for (const [what, target] of bad) {
      it(`rejects ${what} with 400 naming community, writes nothing, and leaks nothing`, async () => {
        const id = await topicVia(t, w.as.member, w.pub.slug);
        const slug = await target();
        const before = await count(t.deps.db, 'activity');
        const res = await call(t, 'POST', `/api/v1/topics/${id}/move`, { community: slug }, w.as.steward);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.details[0].field).toBe('community');
        expect(res.body).not.toContain('Vault Qz');
        expect((await topicRow(id)).community_id).toBe(w.pub.id);
        expect(await count(t.deps.db, 'activity')).toBe(before);
      });
    }
  });

  describe('POST /api/v1/topics/:id/merge', () => {
    it('moves the duplicate’s posts into the target in time order and keeps both topics’ counts right', async () => {
      const target = await topicVia(t, w.as.member, w.pub.slug, { title: 'Quenching oils' });
      const source = await topicVia(t, w.as.steward, w.pub.slug, { title: 'Which oil to quench in?' });
      const r1 = await replyVia(t, w.as.member, target, 'Target reply one');
      const s1 = await replyVia(t, w.as.moderator, source, 'Source reply one');
      const r2 = await replyVia(t, w.as.member, target, 'Target reply two');
      const s2 = await replyVia(t, w.as.member, source, 'Source reply two');
      const res = await call(t, 'POST', `/api/v1/topics/${source}/merge`, { targetId: target, note: 'Same question' }, w.as.moderator);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ movedPosts: 3, source: { mergedInto: target, replyCount: 0 }, target: { replyCount: 5 } });
      const posts = (await call(t, 'GET', `/api/v1/topics/${target}/posts?limit=50`)).json().items as Array<{ id: number; kind: string }>;
      const opening = posts[0]!.id;
      const sourceOpening = posts.find((p) => p.id > opening && ![r1, r2, s1, s2].includes(p.id))!.id;
      expect(posts.map((p) => p.id)).toEqual([opening, sourceOpening, r1, s1, r2, s2]);
      expect(posts.slice(1).every((p) => p.kind === 'reply')).toBe(true);
      const real = await count(t.deps.db, 'posts', { column: 'topic_id', value: target });
      expect((await topicRow(target)).reply_count).toBe(real - 1);
      expect(await count(t.deps.db, 'posts', { column: 'topic_id', value: source })).toBe(0);
      expect(await topicRow(source)).toMatchObject({ merged_into: target, reply_count: 0, deleted_reason: 'merged' });
      expect((await topicRow(source)).deleted_at).not.toBeNull();
      const [act] = await activityIn('topic.merged', source);
      expect(act).toMatchObject({ community_id: w.pub.id, actor_id: w.moderator.id });
      expect(JSON.parse(act!.data)).toMatchObject({ into: target, note: 'Same question' });
    });

    it('makes the duplicate’s address lead to the target, for readers only', async () => {
      const target = await topicVia(t, w.as.member, w.priv.slug, { title: 'Kept' });
      const source = await topicVia(t, w.as.member, w.priv.slug, { title: 'Merged away' });
      expect((await call(t, 'POST', `/api/v1/topics/${source}/merge`, { targetId: target }, w.as.steward)).statusCode).toBe(200);
      const res = await page(`/c/${w.priv.slug}/t/${source}`, w.as.member.cookie);
      expect(res.statusCode).toBe(301);
      expect(res.headers.location).toBe(`/c/${w.priv.slug}/t/${target}`);
      const outsider = await page(`/c/${w.priv.slug}/t/${source}`, w.as.outsider.cookie);
      expect(outsider.statusCode).toBe(404);
      expect(outsider.headers.location).toBeUndefined();
      expect((await call(t, 'GET', `/api/v1/topics/${source}/moderation`, undefined, w.as.member)).json().mergedInto).toBe(target);
    });

    it('turns moved posts into answers when the target is a question, counting them as answers', async () => {
      const target = await topicVia(t, w.as.member, w.pub.slug, { title: 'Q', kind: 'question' });
      const source = await topicVia(t, w.as.member, w.pub.slug, { title: 'D', kind: 'discussion' });
      await replyVia(t, w.as.moderator, source);
      await replyVia(t, w.as.moderator, target);
      expect((await call(t, 'POST', `/api/v1/topics/${source}/merge`, { targetId: target }, w.as.steward)).statusCode).toBe(200);
      expect(await topicRow(target)).toMatchObject({ reply_count: 3, answer_count: 3 });
      const kinds = await t.deps.db.selectFrom('posts').select('kind').where('topic_id', '=', target).orderBy('id').execute();
      expect(kinds.map((k) => k.kind)).toEqual(['opening', 'answer', 'answer', 'answer']);
    });

    it('carries watchers of the duplicate over to the target', async () => {
      const target = await topicVia(t, w.as.member, w.pub.slug);
      const source = await topicVia(t, w.as.steward, w.pub.slug);
      expect((await call(t, 'PUT', `/api/v1/topics/${source}/watch`, { level: 'watch' }, w.as.outsider)).statusCode).toBe(200);
      await call(t, 'POST', `/api/v1/topics/${source}/merge`, { targetId: target }, w.as.steward);
      expect((await call(t, 'GET', `/api/v1/topics/${target}/watch`, undefined, w.as.outsider)).json()).toMatchObject({ level: 'watch' });
    });

    const bad: Array<[string, (source: number) => Promise<unknown>, number, string | null]> = [
      ['itself', async (s) => s, 400, 'targetId'],
      ['a topic that does not exist', async () => 999999, 400, 'targetId'],
      ['a topic in a private community the moderator cannot read', async () => {
        const c = await makeCommunity(t.deps.db, w.outsider.id, { name: 'Vault Qz', visibility: 'private', join_policy: 'invite' });
        return topicVia(t, w.as.outsider, c.slug, { title: 'Vault topic' });
      }, 400, 'targetId'],
      ['a topic of a community the moderator does not moderate', async () => {
        const c = await makeCommunity(t.deps.db, w.outsider.id, { name: 'Open Elsewhere' });
        return topicVia(t, w.as.outsider, c.slug);
      }, 403, null],
      ['a target given as text', async () => 'seven', 400, 'targetId'],
    ];
    for (const [what, target, status, field] of bad) {
      it(`refuses to merge into ${what} (${status}${field ? ` naming ${field}` : ''}) and moves nothing`, async () => {
        const source = await topicVia(t, w.as.member, w.pub.slug);
        await replyVia(t, w.as.member, source);
        const targetId = await target(source);
        const before = { activity: await count(t.deps.db, 'activity'), posts: await count(t.deps.db, 'posts', { column: 'topic_id', value: source }) };
        const res = await call(t, 'POST', `/api/v1/topics/${source}/merge`, { targetId }, w.as.moderator);
        expect(res.statusCode).toBe(status);
        if (field) expect(res.json().error.details[0].field).toBe(field);
        expect(res.body).not.toContain('Vault');
        expect(await count(t.deps.db, 'posts', { column: 'topic_id', value: source })).toBe(before.posts);
        expect(await count(t.deps.db, 'activity')).toBe(before.activity);
        expect(await topicRow(source)).toMatchObject({ merged_into: null, deleted_at: null, reply_count: 1 });
      });
    }

    it('answers 409 to moderating a topic that was already merged', async () => {
      const target = await topicVia(t, w.as.member, w.pub.slug);
      const source = await topicVia(t, w.as.member, w.pub.slug);
      await call(t, 'POST', `/api/v1/topics/${source}/merge`, { targetId: target }, w.as.steward);
      expect((await call(t, 'POST', `/api/v1/topics/${source}/merge`, { targetId: target }, w.as.steward)).statusCode).toBe(409);
      expect((await call(t, 'POST', `/api/v1/topics/${source}/pin`, {}, w.as.steward)).statusCode).toBe(409);
    });
  });
});
