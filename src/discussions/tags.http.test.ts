import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, postForm, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { addMember, makeCommunity } from '../../test/helpers/factories.ts';
import { countRows, discussionsWorld, startTopicVia, tickingClock } from './discussions.fixtures.ts';

describeEachDialect('topic tags', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof discussionsWorld>>;
  let slug: string;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock(), env: { LIMIT_TAGS_MAX: '3' } });
    w = await discussionsWorld(t);
    const c = await makeCommunity(t.deps.db, w.steward.id, { name: 'Tag Town' });
    await addMember(t.deps.db, c.id, w.member.id);
    slug = c.slug;
  });
  afterAll(async () => t.close());

  const tagRows = (topicId: number) => t.deps.db.selectFrom('topic_tags').selectAll().where('topic_id', '=', topicId).orderBy('tag').execute();

  describe('POST /api/v1/communities/:slug/topics with tags', () => {
    it('stores the tags, scoped to the community, and returns them sorted without duplicates', async () => {
      const topic = await startTopicVia(t, w.as.member, slug, { tags: ['knives', 'whet-stones', 'knives'] });
      expect(topic.tags).toEqual(['knives', 'whet-stones']);
      expect((await tagRows(topic.id)).map((r) => [r.tag, r.community_id])).toEqual([
        ['knives', expect.any(Number)],
        ['whet-stones', expect.any(Number)],
      ]);
    });

    const bad: Array<[string, unknown]> = [
      ['an upper-case tag', ['Knives']],
      ['a tag with a space', ['two words']],
      ['a tag of 31 characters', ['x'.repeat(31)]],
      ['a tag starting with a hyphen', ['-x']],
      ['more tags than the limit', ['a', 'b', 'c', 'd']],
      ['tags that are not a list', { knives: true }],
    ];
    for (const [what, tags] of bad) {
      it(`rejects ${what} with 400 naming tags and writes nothing`, async () => {
        const before = [await countRows(t.deps.db, 'topics'), await countRows(t.deps.db, 'topic_tags')];
        const res = await api(t, 'POST', `/api/v1/communities/${slug}/topics`, { title: 'Tagged', body: 'Body', tags }, w.as.member);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.details.map((d: { field: string }) => d.field.split('.')[0])).toContain('tags');
        expect([await countRows(t.deps.db, 'topics'), await countRows(t.deps.db, 'topic_tags')]).toEqual(before);
      });
    }
  });

  describe('the new-topic form', () => {
    it('reads comma-separated tags, trimmed and lower-cased', async () => {
      const res = await postForm(t, `/c/${slug}/t/new`, { title: 'Form tags', body: 'Body', tags: ' Knives ,  sharpening,, ' }, w.as.member);
      expect(res.statusCode).toBe(303);
      const id = Number(/\/t\/(\d+)$/.exec(String(res.headers.location))?.[1]);
      expect((await tagRows(id)).map((r) => r.tag)).toEqual(['knives', 'sharpening']);
    });

    it('re-renders with 400 naming the bad tag, keeping what was typed, and writes nothing', async () => {
      const before = await countRows(t.deps.db, 'topics');
      const res = await postForm(t, `/c/${slug}/t/new`, { title: 'Form tags', body: 'Kept body', tags: 'good, bad tag!' }, w.as.member);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('&quot;bad tag!&quot;');
      expect(res.body).toContain('href="#f-tags"');
      expect(res.body).toContain('value="good, bad tag!"');
      expect(await countRows(t.deps.db, 'topics')).toBe(before);
    });
  });

  describe('tag pages and filters', () => {
    let c: { id: number; slug: string };
    let tagged: number[];
    beforeAll(async () => {
      c = await makeCommunity(t.deps.db, w.steward.id, { name: 'Tag Pages' });
      await addMember(t.deps.db, c.id, w.member.id);
      tagged = [];
      tagged.push((await startTopicVia(t, w.as.member, c.slug, { title: 'Carbon steel care', tags: ['steel', 'care'] })).id);
      tagged.push((await startTopicVia(t, w.as.member, c.slug, { title: 'Stainless or carbon?', tags: ['steel'], kind: 'question' })).id);
      await startTopicVia(t, w.as.member, c.slug, { title: 'Untagged musings' });
    });

    it('GET /api/v1/communities/:slug/tags counts topics per tag, most used first', async () => {
      const res = await api(t, 'GET', `/api/v1/communities/${c.slug}/tags`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ items: [{ tag: 'steel', count: 2 }, { tag: 'care', count: 1 }] });
    });

    it('the list API filters by tag, and by tag and kind together', async () => {
      const byTag = (await api(t, 'GET', `/api/v1/communities/${c.slug}/topics?tag=steel`)).json().items as Array<{ id: number; tags: string[] }>;
      expect(byTag.map((x) => x.id).sort()).toEqual([...tagged].sort());
      expect(byTag.every((x) => x.tags.includes('steel'))).toBe(true);
      const questions = (await api(t, 'GET', `/api/v1/communities/${c.slug}/topics?tag=steel&kind=question`)).json().items as Array<{ title: string }>;
      expect(questions.map((x) => x.title)).toEqual(['Stainless or carbon?']);
      expect((await api(t, 'GET', `/api/v1/communities/${c.slug}/topics?tag=Not%20A%20Tag`)).statusCode).toBe(400);
    });

    it('/c/:slug/tags/:tag lists the community’s topics with that tag, and shows tags on each', async () => {
      const res = await t.app.inject({ url: `/c/${c.slug}/tags/steel` });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Carbon steel care');
      expect(res.body).toContain('Stainless or carbon?');
      expect(res.body).not.toContain('Untagged musings');
      expect(res.body).toContain(`href="/c/${c.slug}/tags/care"`);
      expect(res.body.match(/<h1[ >]/g)).toHaveLength(1);
    });

    it('/c/:slug/tags/:tag has a friendly empty state for a tag no topic has, and 404s a malformed tag', async () => {
      const empty = await t.app.inject({ url: `/c/${c.slug}/tags/unused` });
      expect(empty.statusCode).toBe(200);
      expect(empty.body).toContain('class="empty"');
      expect((await t.app.inject({ url: `/c/${c.slug}/tags/Bad%20Tag` })).statusCode).toBe(404);
    });

    it('/c/:slug/tags lists the tags with counts', async () => {
      const res = await t.app.inject({ url: `/c/${c.slug}/tags` });
      expect(res.body).toContain(`href="/c/${c.slug}/tags/steel"`);
      expect(res.body).toContain('(2)');
    });

    it('shows the tags on the topic page, linked to their pages', async () => {
      const res = await t.app.inject({ url: `/c/${c.slug}/t/${tagged[0]}` });
      expect(res.body).toContain(`<a class="tag" href="/c/${c.slug}/tags/care">care</a>`);
    });

    it('tag pages and counts of a private community are 404 to outsiders', async () => {
      const s = await startTopicVia(t, w.as.member, w.secret.slug, { title: 'Secret tagged', tags: ['hush'] });
      expect(s.tags).toEqual(['hush']);
      for (const url of [`/c/${w.secret.slug}/tags/hush`, `/c/${w.secret.slug}/tags`, `/api/v1/communities/${w.secret.slug}/tags`]) {
        const res = await t.app.inject({ url, headers: { cookie: w.as.outsider.cookie } });
        expect(res.statusCode, url).toBe(404);
        expect(res.body).not.toContain('Secret tagged');
      }
    });
  });

  describe('changing tags', () => {
    it('an edit of the opening post replaces the tags; tags on a reply are a 400 naming tags', async () => {
      const topic = await startTopicVia(t, w.as.member, slug, { tags: ['old'] });
      const res = await api(t, 'PATCH', `/api/v1/posts/${topic.openingPostId}`, { tags: ['new', 'newer'] }, w.as.member);
      expect(res.statusCode).toBe(200);
      expect((await tagRows(topic.id)).map((r) => r.tag)).toEqual(['new', 'newer']);
      const reply = (await api(t, 'POST', `/api/v1/topics/${topic.id}/posts`, { body: 'Reply' }, w.as.steward)).json();
      const bad = await api(t, 'PATCH', `/api/v1/posts/${reply.id}`, { tags: ['x'] }, w.as.steward);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0].field).toBe('tags');
    });
  });
});
