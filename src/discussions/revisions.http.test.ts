import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, postForm, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { countRows, discussionsWorld, newMember, replyVia, startTopicVia, tickingClock } from './discussions.fixtures.ts';

describeEachDialect('editing posts and their history', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof discussionsWorld>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await discussionsWorld(t);
  });
  afterAll(async () => t.close());

  const db = () => t.deps.db;
  const patch = (postId: number, body: unknown, who = w.as.member) => api(t, 'PATCH', `/api/v1/posts/${postId}`, body, who);
  const revisions = (postId: number) => db().selectFrom('post_revisions').selectAll().where('post_id', '=', postId).orderBy('revision').execute();

  describe('PATCH /api/v1/posts/:id', () => {
    it('keeps the replaced version as revision 1, re-renders the body, sets edited_at and records post.edited', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug, { title: 'Honing angles', body: 'Use a *20 degree* angle.' });
      const res = await patch(topic.openingPostId, { body: 'Use a **15 degree** angle.', reason: 'Sharper' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ changed: true, revision: 1, post: { body: 'Use a **15 degree** angle.', bodyHtml: '<p>Use a <strong>15 degree</strong> angle.</p>\n', editedAt: expect.any(String) } });
      expect(await revisions(topic.openingPostId)).toMatchObject([{ revision: 1, editor_id: w.member.id, title: 'Honing angles', body: 'Use a *20 degree* angle.', reason: 'Sharper' }]);
      const act = await db().selectFrom('activity').selectAll().where('verb', '=', 'post.edited').where('subject_id', '=', topic.openingPostId).execute();
      expect(act).toHaveLength(1);
      expect(act[0]?.community_id).toBe(w.pub.id);
    });

    it('numbers revisions 1..n and edits the title of a topic through its opening post', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug, { title: 'First title', body: 'v1' });
      await patch(topic.openingPostId, { body: 'v2' });
      await patch(topic.openingPostId, { title: 'Second title' });
      await patch(topic.openingPostId, { title: 'Third title', body: 'v3' });
      expect((await revisions(topic.openingPostId)).map((r) => [r.revision, r.title, r.body])).toEqual([
        [1, 'First title', 'v1'],
        [2, 'First title', 'v2'],
        [3, 'Second title', 'v2'],
      ]);
      expect((await api(t, 'GET', `/api/v1/topics/${topic.id}`)).json()).toMatchObject({ title: 'Third title', body: 'v3' });
    });

    it('stores no revision when nothing changes', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug, { body: 'Same' });
      const res = await patch(topic.openingPostId, { body: 'Same' });
      expect(res.json()).toMatchObject({ changed: false, revision: null });
      expect(await revisions(topic.openingPostId)).toEqual([]);
    });

    it('numbers concurrent edits without gaps or clashes', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug, { body: 'start' });
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => patch(topic.openingPostId, { body: `edit ${i}` })));
      expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
      expect((await revisions(topic.openingPostId)).map((r) => r.revision)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    });

    it('lets community moderators and stewards edit others’ posts, but not other members (403)', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug);
      expect((await patch(topic.openingPostId, { body: 'Steward fixed it' }, w.as.steward)).statusCode).toBe(200);
      const mod = await newMember(t, [w.pub.id], {}, 'moderator');
      expect((await patch(topic.openingPostId, { body: 'Moderator fixed it' }, mod.as)).statusCode).toBe(200);
      const other = await newMember(t, [w.pub.id]);
      const before = await countRows(db(), 'post_revisions');
      expect((await patch(topic.openingPostId, { body: 'Vandal' }, other.as)).statusCode).toBe(403);
      expect((await patch(topic.openingPostId, { body: 'Outsider' }, w.as.outsider)).statusCode).toBe(403);
      expect((await api(t, 'PATCH', `/api/v1/posts/${topic.openingPostId}`, { body: 'Anon' })).statusCode).toBe(401);
      expect(await countRows(db(), 'post_revisions')).toBe(before);
    });

    const bad: Array<[string, string, Record<string, unknown>]> = [
      ['an empty body', 'body', { body: '' }],
      ['a body of only spaces', 'body', { body: '   ' }],
      ['an oversized body', 'body', { body: 'x'.repeat(50_001) }],
      ['a blank title', 'title', { title: '  ' }],
      ['nothing to change', 'body', {}],
      ['an oversized reason', 'reason', { body: 'ok', reason: 'r'.repeat(301) }],
    ];
    for (const [what, field, body] of bad) {
      it(`rejects ${what} with 400 naming ${field}, keeping the post as it was`, async () => {
        const topic = await startTopicVia(t, w.as.member, w.pub.slug, { body: 'Untouched' });
        const res = await patch(topic.openingPostId, body);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
        expect(await revisions(topic.openingPostId)).toEqual([]);
        expect((await db().selectFrom('posts').select(['body', 'edited_at']).where('id', '=', topic.openingPostId).executeTakeFirstOrThrow())).toEqual({ body: 'Untouched', edited_at: null });
      });
    }

    it('refuses a title for a reply with 400 naming title', async () => {
      const reply = await replyVia(t, w.as.member, (await startTopicVia(t, w.as.member, w.pub.slug)).id);
      const res = await patch(reply.id, { title: 'No', body: 'x' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('title');
    });
  });

  describe('GET /api/v1/posts/:id/revisions', () => {
    it('lists each edit with a word-level diff from the version it replaced to the next', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug, { title: 'Diff me', body: 'the quick fox' });
      await patch(topic.openingPostId, { body: 'the slow fox', reason: 'accuracy' });
      await patch(topic.openingPostId, { title: 'Diffed', body: 'the slow brown fox' });
      const res = await api(t, 'GET', `/api/v1/posts/${topic.openingPostId}/revisions`);
      expect(res.statusCode).toBe(200);
      const [e1, e2] = res.json().items;
      expect(e1).toMatchObject({ revision: 1, reason: 'accuracy', editor: { id: w.member.id }, title: null, body: { before: 'the quick fox', after: 'the slow fox' } });
      expect(e1.body.diff).toEqual([
        { op: 'same', text: 'the ' },
        { op: 'removed', text: 'quick' },
        { op: 'added', text: 'slow' },
        { op: 'same', text: ' fox' },
      ]);
      expect(e2.title).toMatchObject({ before: 'Diff me', after: 'Diffed' });
      expect(e2.body.diff.filter((d: { op: string }) => d.op !== 'same')).toEqual([{ op: 'added', text: 'brown ' }]);
    });

    it('is 404 for a post in a private community to outsiders', async () => {
      const topic = await startTopicVia(t, w.as.member, w.secret.slug);
      expect((await api(t, 'GET', `/api/v1/posts/${topic.openingPostId}/revisions`, undefined, w.as.outsider)).statusCode).toBe(404);
    });
  });

  describe('pages', () => {
    it('the revisions page shows each edit as <ins>/<del> with words a screen reader announces, and the post links to it', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug, { body: 'old words here' });
      await patch(topic.openingPostId, { body: 'new words here', reason: 'Clearer' });
      const base = `/c/${w.pub.slug}/t/${topic.id}`;
      expect((await t.app.inject({ url: base })).body).toContain(`href="${base}/posts/${topic.openingPostId}/revisions"`);
      const res = await t.app.inject({ url: `${base}/posts/${topic.openingPostId}/revisions` });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<del><span class="visually-hidden">[removed: </span>old<span class="visually-hidden">]</span></del>');
      expect(res.body).toContain('<ins><span class="visually-hidden">[added: </span>new<span class="visually-hidden">]</span></ins>');
      expect(res.body).toContain('Clearer');
      expect(res.body.match(/<h1[ >]/g)).toHaveLength(1);
      expect((await t.app.inject({ url: `/c/${w.pub.slug}/t/${topic.id + 1000}/posts/${topic.openingPostId}/revisions` })).statusCode).toBe(404);
    });

    it('the edit form shows title, text and tags of an opening post, and saves through a form post', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug, { title: 'Form edit', body: 'Before', tags: ['one'] });
      const url = `/c/${w.pub.slug}/t/${topic.id}/posts/${topic.openingPostId}/edit`;
      const form = await t.app.inject({ url, headers: { cookie: w.as.member.cookie } });
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain('value="Form edit"');
      expect(form.body).toContain('>Before</textarea>');
      expect(form.body).toContain('value="one"');
      const res = await postForm(t, url, { title: 'Form edited', body: 'After', tags: 'one, two', reason: 'form' }, w.as.member);
      expect(res.statusCode).toBe(303);
      expect((await api(t, 'GET', `/api/v1/topics/${topic.id}`)).json()).toMatchObject({ title: 'Form edited', body: 'After', tags: ['one', 'two'] });
    });

    it('re-renders the edit form with 400 and what was typed when the text is empty', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug, { body: 'Keep me' });
      const url = `/c/${w.pub.slug}/t/${topic.id}/posts/${topic.openingPostId}/edit`;
      const res = await postForm(t, url, { title: 'Still here', body: '', reason: 'oops' }, w.as.member);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Body must not be empty');
      expect(res.body).toContain('value="Still here"');
      expect(await revisions(topic.openingPostId)).toEqual([]);
    });

    it('shows Edit and Delete only to those who may use them', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug);
      const url = `/c/${w.pub.slug}/t/${topic.id}`;
      const edit = `${url}/posts/${topic.openingPostId}/edit`;
      expect((await t.app.inject({ url, headers: { cookie: w.as.member.cookie } })).body).toContain(edit);
      expect((await t.app.inject({ url, headers: { cookie: w.as.steward.cookie } })).body).toContain(edit);
      expect((await t.app.inject({ url, headers: { cookie: w.as.outsider.cookie } })).body).not.toContain(edit);
    });
  });
});
