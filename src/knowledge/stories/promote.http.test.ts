import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousBrowser, api, buildTestApp, postForm, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { pageFindings } from '../../../test/helpers/html-safety.ts';
import { apiDelete, makeAnswer, makeQuestion, qaWorld } from '../../discussions/answers/answers.fixtures.ts';
import { newMember, tickingClock } from '../../discussions/discussions.fixtures.ts';
import { deletePost, solvedThread, storyCounts } from './stories.fixtures.ts';

describeEachDialect('promote a thread to an article', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof qaWorld>>;
  let extra: { a: Awaited<ReturnType<typeof newMember>>; deletedOnly: Awaited<ReturnType<typeof newMember>>; twice: Awaited<ReturnType<typeof newMember>> };
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await qaWorld(t);
    const both = [w.pub.id, w.secret.id];
    extra = {
      a: await newMember(t, both, { display_name: 'Abe Extra' }),
      deletedOnly: await newMember(t, both, { display_name: 'Del Onlydeleted' }),
      twice: await newMember(t, both, { display_name: 'Tess Twice' }),
    };
  });
  afterAll(async () => t.close());

  const get = (url: string, who?: Omit<Browser, 'userId'>) => t.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });
  const thread = (communityId: number, title?: string) =>
    solvedThread(t.deps.db, communityId, { asker: w.asker.id, accepted: w.answerer.id, a: extra.a.user.id, b: w.steward.id, c: w.moderator.id, low: w.voter.id, deletedOnly: extra.deletedOnly.user.id, twice: extra.twice.user.id }, title);
  const credited = () => [w.asker, w.answerer, extra.a.user, w.steward, w.moderator, w.voter, extra.twice.user];

  describe('POST /api/v1/topics/:id/promote', () => {
    it('creates a draft how-to quoting the question, the accepted answer and the top 3 other answers, crediting every contributor', async () => {
      const th = await thread(w.pub.id);
      const res = await api(t, 'POST', `/api/v1/topics/${th.topicId}/promote`, {}, w.as.voter);
      expect(res.statusCode).toBe(201);
      const a = res.json();
      expect(a).toMatchObject({ type: 'how-to', state: 'draft', title: 'How do I true a chisel?', community: w.pub.slug });
      expect(a.body).toContain(`(/c/${w.pub.slug}/t/${th.topicId})`);
      expect(a.body).toContain('> The back of my chisel is not flat.');
      expect(a.body).toContain('## Accepted answer');
      expect(a.body).toContain('> Lap the back on a coarse diamond plate until it is flat.');
      for (const key of ['Use a marker', 'Only the first inch', 'A granite slab']) expect(a.body).toContain(`> ${key}`);
      for (const not of ['Buy a new chisel', 'SPAM that was removed', 'A removed first try']) expect(a.body).not.toContain(not);
      const contributors = a.body.slice(a.body.indexOf('## Contributors'));
      for (const u of credited()) expect(contributors).toContain(`](/u/${u.username})`);
      expect(contributors).not.toContain(extra.deletedOnly.user.username);

      const captures = (await api(t, 'GET', `/api/v1/topics/${th.topicId}/captures`, undefined, w.as.outsider)).json().items;
      expect(captures).toHaveLength(1);
      expect(captures[0].article).toMatchObject({ id: a.id, url: `/c/${w.pub.slug}/a/${a.id}` });
      expect(captures[0].by.id).toBe(w.voter.id);
      expect(captures[0].contributors.map((p: { id: number }) => p.id).sort()).toEqual(credited().map((u) => u.id).sort());
      const back = (await api(t, 'GET', `/api/v1/articles/${a.id}/captures`, undefined, w.as.outsider)).json().items;
      expect(back[0].topic).toMatchObject({ id: th.topicId, title: 'How do I true a chisel?' });

      const activity = await t.deps.db.selectFrom('activity').select(['verb', 'actor_id']).where('subject_type', '=', 'article').where('subject_id', '=', a.id).execute();
      expect(activity.map((r) => r.verb).sort()).toEqual(['article.created', 'article.promoted']);
    });

    it('credits a contributor whose only post is deleted once they post again', async () => {
      const th = await thread(w.pub.id, 'Credit after a new post');
      await makeAnswer(t.deps.db, th.topicId, extra.deletedOnly.user.id, { body: 'Sorry about before: hone at 30 degrees.' });
      const a = (await api(t, 'POST', `/api/v1/topics/${th.topicId}/promote`, {}, w.as.asker)).json();
      const ids = (await api(t, 'GET', `/api/v1/articles/${a.id}/captures`, undefined, w.as.asker)).json().items[0].contributors.map((p: { id: number }) => p.id);
      expect(ids).toContain(extra.deletedOnly.user.id);
      expect(ids).toHaveLength(credited().length + 1);
    });

    it('makes a discussion a reference by default, takes a chosen title and type, and allows promoting again (a second capture)', async () => {
      const { topicId } = await makeQuestion(t.deps.db, w.pub.id, w.asker.id, { kind: 'discussion', title: 'Favourite sharpening angles', body: 'What do you use?' });
      await makeAnswer(t.deps.db, topicId, w.answerer.id, { kind: 'reply', body: '25 degrees for most.' });
      const first = await api(t, 'POST', `/api/v1/topics/${topicId}/promote`, {}, w.as.answerer);
      expect(first.json()).toMatchObject({ type: 'reference', title: 'Favourite sharpening angles' });
      expect(first.json().body).toContain('## The discussion');
      const second = await api(t, 'POST', `/api/v1/topics/${topicId}/promote`, { title: 'Sharpening angles', type: 'best-practice' }, w.as.asker);
      expect(second.statusCode).toBe(201);
      expect(second.json()).toMatchObject({ type: 'best-practice', title: 'Sharpening angles' });
      expect((await api(t, 'GET', `/api/v1/topics/${topicId}/captures`, undefined, w.as.asker)).json().items).toHaveLength(2);
    });

    it('drops the capture when the promoted draft is deleted', async () => {
      const th = await thread(w.pub.id, 'Deleted draft');
      const a = (await api(t, 'POST', `/api/v1/topics/${th.topicId}/promote`, {}, w.as.voter)).json();
      expect((await apiDelete(t, `/api/v1/articles/${a.id}`, w.as.voter)).statusCode).toBe(204);
      expect((await api(t, 'GET', `/api/v1/topics/${th.topicId}/captures`, undefined, w.as.voter)).json().items).toEqual([]);
      expect((await get(`/c/${w.pub.slug}/t/${th.topicId}`, w.as.voter)).body).not.toContain('Captured in');
    });

    it('keeps a private thread’s article private', async () => {
      const th = await thread(w.secret.id, 'A private chisel question');
      const a = (await api(t, 'POST', `/api/v1/topics/${th.topicId}/promote`, {}, w.as.asker)).json();
      expect(a.community).toBe(w.secret.slug);
      expect((await api(t, 'GET', `/api/v1/articles/${a.id}`, undefined, w.as.outsider)).statusCode).toBe(404);
      expect((await api(t, 'GET', `/api/v1/articles/${a.id}/captures`, undefined, w.as.outsider)).statusCode).toBe(404);
      const captures = await api(t, 'GET', `/api/v1/topics/${th.topicId}/captures`, undefined, w.as.admin);
      expect(captures.statusCode).toBe(404);
      expect(captures.body).not.toContain('private chisel');
    });

    it('refuses anonymous (401), outsiders (403 public, 404 private), unsolved questions (409), deleted threads (404) and bad input (400), writing nothing', async () => {
      const pub = await thread(w.pub.id, 'Refusals public');
      const priv = await thread(w.secret.id, 'Refusals private');
      const unsolved = await makeQuestion(t.deps.db, w.pub.id, w.asker.id, { title: 'Still open' });
      const deleted = await thread(w.pub.id, 'Deleted thread');
      await deletePost(t.deps.db, deleted.openingId);
      await t.deps.db.updateTable('topics').set({ deleted_at: '2026-11-03T10:00:00.000Z' }).where('id', '=', deleted.topicId).execute();
      const before = await storyCounts(t.deps.db);
      const cases: Array<[number, unknown, Omit<Browser, 'userId'>, number, string?]> = [
        [pub.topicId, {}, anonymousBrowser(), 401],
        [pub.topicId, {}, w.as.outsider, 403],
        [pub.topicId, {}, w.as.admin, 403],
        [priv.topicId, {}, w.as.outsider, 404],
        [unsolved.topicId, {}, w.as.asker, 409],
        [deleted.topicId, {}, w.as.asker, 404],
        [pub.topicId, { type: 'poem' }, w.as.asker, 400, 'type'],
        [pub.topicId, { title: '   ' }, w.as.asker, 400, 'title'],
        [999999, {}, w.as.asker, 404],
      ];
      for (const [id, body, who, status, field] of cases) {
        const res = await api(t, 'POST', `/api/v1/topics/${id}/promote`, body, who);
        expect(res.statusCode, JSON.stringify([id, body, status])).toBe(status);
        if (field) expect(JSON.stringify(res.json().error.details)).toContain(field);
        if (status === 404) expect(res.body).not.toContain('Refusals private');
      }
      expect(await storyCounts(t.deps.db)).toEqual(before);
    });
  });

  describe('the promote pages and both-way links', () => {
    it('offers "Promote to article" on the thread to members only', async () => {
      const th = await thread(w.pub.id, 'Link visibility');
      const url = `/c/${w.pub.slug}/t/${th.topicId}`;
      expect((await get(url, w.as.voter)).body).toContain(`href="${url}/promote"`);
      expect((await get(url, w.as.outsider)).body).not.toContain(`${url}/promote`);
      expect((await get(url)).body).not.toContain(`${url}/promote`);
      const unsolved = await makeQuestion(t.deps.db, w.pub.id, w.asker.id, { title: 'Not solved yet' });
      expect((await get(`/c/${w.pub.slug}/t/${unsolved.topicId}`, w.as.voter)).body).not.toContain('/promote');
    });

    it('prefills the form, saves a draft on POST, and links thread and article both ways with contributors', async () => {
      const th = await thread(w.pub.id, 'Page promote');
      const url = `/c/${w.pub.slug}/t/${th.topicId}/promote`;
      const form = await get(url, w.as.voter);
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain('value="Page promote"');
      expect(form.body).toContain('<option value="how-to" selected');
      expect(form.body).toContain('Lap the back on a coarse diamond plate');
      expect(form.body).toContain('credits its 7 contributors');
      expect(pageFindings(form.body)).toEqual([]);
      const body = `Our summary.\n\n${'> quoted'}`;
      const res = await postForm(t, url, { type: 'reference', title: 'Truing chisels', body, tags: 'chisels' }, w.as.voter);
      expect(res.statusCode).toBe(303);
      const articleUrl = res.headers.location as string;
      const id = Number(/\/a\/(\d+)$/.exec(articleUrl)?.[1]);
      const json = (await api(t, 'GET', `/api/v1/articles/${id}`, undefined, w.as.voter)).json();
      expect(json).toMatchObject({ type: 'reference', title: 'Truing chisels', state: 'draft', tags: ['chisels'] });
      const articlePage = (await get(articleUrl, w.as.outsider)).body;
      expect(articlePage).toContain('Captured from');
      expect(articlePage).toContain(`href="/c/${w.pub.slug}/t/${th.topicId}"`);
      expect(articlePage).toMatch(/<h2 id="contributors-title">Contributors<\/h2>/);
      for (const u of credited()) expect(articlePage).toContain(`href="/u/${u.username}"`);
      expect(articlePage).not.toContain(`/u/${extra.deletedOnly.user.username}"`);
      expect(pageFindings(articlePage)).toEqual([]);
      const topicPage = (await get(`/c/${w.pub.slug}/t/${th.topicId}`, w.as.outsider)).body;
      expect(topicPage).toContain('Captured in');
      expect(pageFindings(topicPage)).toEqual([]);
      expect(topicPage).toContain(`<a href="/c/${w.pub.slug}/a/${id}">Truing chisels</a>`);
    });

    it('re-renders the form with 400 naming the field for an empty title or body, writing nothing', async () => {
      const th = await thread(w.pub.id, 'Page refusals');
      const url = `/c/${w.pub.slug}/t/${th.topicId}/promote`;
      const before = await storyCounts(t.deps.db);
      for (const [fields, field] of [
        [{ type: 'how-to', title: '', body: 'x' }, 'title'],
        [{ type: 'how-to', title: 'x', body: '  ' }, 'body'],
        [{ type: 'nonsense', title: 'x', body: 'x' }, 'type'],
      ] as const) {
        const res = await postForm(t, url, fields, w.as.voter);
        expect(res.statusCode).toBe(400);
        expect(res.body).toContain(`href="#f-${field}"`);
      }
      expect(await storyCounts(t.deps.db)).toEqual(before);
    });

    it('sends anonymous visitors to sign in, refuses outsiders (403) and hides private threads (404)', async () => {
      const pub = await thread(w.pub.id, 'Page authz public');
      const priv = await thread(w.secret.id, 'Page authz private');
      expect((await get(`/c/${w.pub.slug}/t/${pub.topicId}/promote`)).statusCode).toBe(303);
      expect((await get(`/c/${w.pub.slug}/t/${pub.topicId}/promote`, w.as.outsider)).statusCode).toBe(403);
      const hidden = await get(`/c/${w.secret.slug}/t/${priv.topicId}/promote`, w.as.outsider);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.body).not.toContain('Page authz private');
      expect((await get(`/c/${w.secret.slug}/t/${pub.topicId}/promote`, w.as.voter)).statusCode).toBe(404);
      expect((await postForm(t, `/c/${w.pub.slug}/t/${pub.topicId}/promote`, { type: 'how-to', title: 'x', body: 'x' })).statusCode).toBe(401);
    });
  });
});
