import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, postForm, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { countRows, startTopicVia, tickingClock } from '../../discussions/discussions.fixtures.ts';
import { articlesWorld, writeArticleVia } from '../../knowledge/articles/articles.fixtures.ts';

describeEachDialect('community tag policy', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof articlesWorld>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await articlesWorld(t);
    await t.deps.db.insertInto('community_tags').values({ community_id: w.pub.id, tag: 'knives' }).execute();
  });
  afterAll(async () => t.close());

  const setPolicy = (tagPolicy: 'open' | 'closed') => api(t, 'PATCH', `/api/v1/communities/${w.pub.slug}`, { tagPolicy }, w.as.steward);
  const counts = async () => [await countRows(t.deps.db, 'topics'), await countRows(t.deps.db, 'topic_tags'), await countRows(t.deps.db, 'articles'), await countRows(t.deps.db, 'article_tags')];

  describe('community settings', () => {
    it('is open by default, and stewards change it through the API and the edit form', async () => {
      expect((await api(t, 'GET', `/api/v1/communities/${w.pub.slug}`, undefined, w.as.member)).json().tagPolicy).toBe('open');
      expect((await setPolicy('closed')).statusCode).toBe(200);
      expect((await api(t, 'GET', `/api/v1/communities/${w.pub.slug}`, undefined, w.as.member)).json().tagPolicy).toBe('closed');
      const form = await t.app.inject({ method: 'GET', url: `/c/${w.pub.slug}/edit`, headers: { cookie: w.as.steward.cookie } });
      expect(form.body).toMatch(/name="tagPolicy" value="closed" checked/);
      await setPolicy('open');
    });

    it('rejects an unknown policy with 400 naming tagPolicy', async () => {
      const res = await api(t, 'PATCH', `/api/v1/communities/${w.pub.slug}`, { tagPolicy: 'sometimes' }, w.as.steward);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('tagPolicy');
    });

    it('does not let a member change it', async () => {
      expect((await api(t, 'PATCH', `/api/v1/communities/${w.pub.slug}`, { tagPolicy: 'closed' }, w.as.member)).statusCode).toBe(403);
    });
  });

  describe('open', () => {
    it('accepts new tags on topics and articles', async () => {
      await setPolicy('open');
      expect((await startTopicVia(t, w.as.member, w.pub.slug, { tags: ['brand-new-tag'] })).tags).toEqual(['brand-new-tag']);
      expect((await writeArticleVia(t, w.as.member, w.pub.slug, { tags: ['another-new-tag'] })).tags).toEqual(['another-new-tag']);
    });
  });

  describe('closed', () => {
    beforeAll(async () => {
      await setPolicy('closed');
    });

    it('accepts tags from the tag list and tags already in use', async () => {
      expect((await startTopicVia(t, w.as.member, w.pub.slug, { tags: ['knives', 'brand-new-tag'] })).tags).toEqual(['brand-new-tag', 'knives']);
      expect((await writeArticleVia(t, w.as.member, w.pub.slug, { tags: ['knives'] })).tags).toEqual(['knives']);
    });

    it('rejects a new topic with an unknown tag: 400 naming tags and the tag, nothing written', async () => {
      const before = await counts();
      const res = await api(t, 'POST', `/api/v1/communities/${w.pub.slug}/topics`, { title: 'Closed', body: 'Body', tags: ['knives', 'spoons'] }, w.as.member);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('tags');
      expect(res.json().error.message).toContain('"spoons"');
      expect(await counts()).toEqual(before);
    });

    it('rejects it on the new-topic form too, re-rendering with the message', async () => {
      const before = await counts();
      const res = await postForm(t, `/c/${w.pub.slug}/t/new`, { title: 'Closed', body: 'Body', tags: 'ladles' }, w.as.member);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('ladles');
      expect(await counts()).toEqual(before);
    });

    it('rejects a topic edit that adds an unknown tag, and keeps the old tags', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug, { tags: ['knives'] });
      const res = await api(t, 'PATCH', `/api/v1/posts/${topic.openingPostId}`, { tags: ['knives', 'forks'] }, w.as.member);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('forks');
      const tags = await t.deps.db.selectFrom('topic_tags').select('tag').where('topic_id', '=', topic.id).execute();
      expect(tags.map((r) => r.tag)).toEqual(['knives']);
    });

    it('rejects an article with an unknown tag, on create and on edit, writing nothing', async () => {
      const before = await counts();
      const res = await api(t, 'POST', `/api/v1/communities/${w.pub.slug}/articles`, { type: 'how-to', title: 'Closed', body: 'Body', tags: ['whisks'] }, w.as.member);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('tags');
      expect(await counts()).toEqual(before);
      const a = await writeArticleVia(t, w.as.member, w.pub.slug, { tags: ['knives'] });
      const edit = await api(t, 'PATCH', `/api/v1/articles/${a.id}`, { tags: ['whisks'] }, w.as.member);
      expect(edit.statusCode).toBe(400);
      expect(edit.body).toContain('whisks');
      expect((await api(t, 'GET', `/api/v1/articles/${a.id}`, undefined, w.as.member)).json().tags).toEqual(['knives']);
    });

    it('applies per community: the private community is still open', async () => {
      expect((await startTopicVia(t, w.as.member, w.priv.slug, { tags: ['spoons'] })).tags).toEqual(['spoons']);
    });
  });
});
