import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, postForm, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { pageFindings } from '../../../test/helpers/html-safety.ts';
import { tickingClock } from '../../discussions/discussions.fixtures.ts';
import { articleCounts, articlesWorld, writeArticleVia } from '../articles/articles.fixtures.ts';
import { composeStory, storyKeys, type Story } from './story-template.ts';

const story: Story = {
  context: 'Saturday service, two cooks short.',
  challenge: 'Sixty covers booked and the fryer down.',
  actions: 'We moved fried dishes to the oven and told guests early.',
  outcome: 'Nobody complained; tips were up.',
  lesson: 'Tell guests **early** and they forgive a lot.',
};
const formFields = (s: Partial<Story>) => Object.fromEntries(Object.entries(s).map(([k, v]) => [`story_${k}`, v]));

describeEachDialect('stories: the story template on pages and API', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof articlesWorld>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await articlesWorld(t);
  });
  afterAll(async () => t.close());

  const get = (url: string, who = w.as.member) => t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });

  describe('GET /c/:slug/stories/new and POST /c/:slug/articles/new with template=story', () => {
    it('shows five labelled section fields, without JavaScript, and is clean HTML', async () => {
      const res = await get(`/c/${w.pub.slug}/stories/new`);
      expect(res.statusCode).toBe(200);
      for (const label of ['Context', 'Challenge', 'What we did', 'What happened', 'Lesson']) expect(res.body).toMatch(new RegExp(`<label for="f-story_\\w+">${label}</label>`));
      expect(res.body).toContain('name="template" value="story"');
      expect(res.body).toContain(`action="/c/${w.pub.slug}/articles/new"`);
      expect(res.body).not.toContain('name="body"');
      expect(pageFindings(res.body)).toEqual([]);
    });

    it('composes the sections into the body under fixed headings and shows them on the article', async () => {
      const res = await postForm(t, `/c/${w.pub.slug}/articles/new`, { template: 'story', type: 'story', title: 'Fryer down on a Saturday', tags: 'service', ...formFields(story) }, w.as.member);
      expect(res.statusCode).toBe(303);
      const id = Number(/\/a\/(\d+)$/.exec(res.headers.location as string)?.[1]);
      const json = (await api(t, 'GET', `/api/v1/articles/${id}`, undefined, w.as.member)).json();
      expect(json.type).toBe('story');
      expect(json.body).toBe(composeStory(story));
      expect(json.story).toEqual(story);
      const page = await get(res.headers.location as string);
      expect(page.body).toMatch(/<h3[^>]*>What we did<\/h3>/);
      expect(page.body).toContain('<strong>early</strong>');
    });

    for (const missing of storyKeys) {
      it(`refuses a story without ${missing} with 400 naming story_${missing}, and writes nothing`, async () => {
        const before = await articleCounts(t.deps.db);
        const res = await postForm(t, `/c/${w.pub.slug}/articles/new`, { template: 'story', type: 'story', title: 'Half a story', ...formFields({ ...story, [missing]: '  ' }) }, w.as.member);
        expect(res.statusCode).toBe(400);
        expect(res.body).toContain(`href="#f-story_${missing}"`);
        expect(res.body).toContain('aria-invalid="true"');
        expect(res.body).toContain('Half a story');
        expect(await articleCounts(t.deps.db)).toEqual(before);
      });
    }

    it('sends anonymous visitors to sign in and refuses outsiders (403) and private non-members (404)', async () => {
      expect((await t.app.inject({ method: 'GET', url: `/c/${w.pub.slug}/stories/new` })).statusCode).toBe(303);
      expect((await get(`/c/${w.pub.slug}/stories/new`, w.as.outsider)).statusCode).toBe(403);
      expect((await get(`/c/${w.priv.slug}/stories/new`, w.as.outsider)).statusCode).toBe(404);
    });
  });

  describe('editing a story on its edit page', () => {
    it('shows the parsed sections and saves them as a new revision', async () => {
      const a = await writeArticleVia(t, w.as.member, w.pub.slug, { type: 'story', body: undefined, story, title: 'Editable story' });
      const edit = await get(`/c/${w.pub.slug}/a/${a.id}/edit`);
      expect(edit.body).toContain('Nobody complained; tips were up.</textarea>');
      expect(edit.body).not.toContain('name="body"');
      const res = await postForm(t, `/c/${w.pub.slug}/a/${a.id}/edit`, { template: 'story', type: 'story', title: 'Editable story', reason: 'sharper lesson', ...formFields({ ...story, lesson: 'Warn guests early.' }) }, w.as.member);
      expect(res.statusCode).toBe(303);
      const json = (await api(t, 'GET', `/api/v1/articles/${a.id}`, undefined, w.as.member)).json();
      expect(json.story.lesson).toBe('Warn guests early.');
      expect(json.revision).toBe(2);
    });

    it('refuses an emptied section with 400 and keeps the story as it was', async () => {
      const a = await writeArticleVia(t, w.as.member, w.pub.slug, { type: 'story', body: undefined, story, title: 'Keep me' });
      const res = await postForm(t, `/c/${w.pub.slug}/a/${a.id}/edit`, { template: 'story', type: 'story', title: 'Keep me', ...formFields({ ...story, challenge: '' }) }, w.as.member);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('href="#f-story_challenge"');
      expect((await api(t, 'GET', `/api/v1/articles/${a.id}`, undefined, w.as.member)).json().revision).toBe(1);
    });

    it('edits a story body changed by hand out of the template as plain Markdown', async () => {
      const a = await writeArticleVia(t, w.as.member, w.pub.slug, { type: 'story', body: 'Just a tale told freely.', title: 'Free tale' });
      expect(a).toMatchObject({ type: 'story', story: null });
      const edit = await get(`/c/${w.pub.slug}/a/${a.id}/edit`);
      expect(edit.body).toContain('Just a tale told freely.</textarea>');
      expect(edit.body).toContain('name="body"');
      expect(edit.body).not.toContain('name="template"');
    });
  });

  describe('POST /api/v1/communities/:slug/articles and PATCH /api/v1/articles/:id with story', () => {
    it('creates a story from sections and returns them parsed', async () => {
      const res = await api(t, 'POST', `/api/v1/communities/${w.pub.slug}/articles`, { type: 'story', title: 'API story', story }, w.as.member);
      expect(res.statusCode).toBe(201);
      expect(res.json().story).toEqual(story);
      expect(res.json().body).toContain('## What happened\n\nNobody complained');
    });

    for (const missing of storyKeys) {
      it(`answers 400 naming story.${missing} when it is missing, and writes nothing`, async () => {
        const before = await articleCounts(t.deps.db);
        const { [missing]: _gone, ...rest } = story;
        const res = await api(t, 'POST', `/api/v1/communities/${w.pub.slug}/articles`, { type: 'story', title: 'API story', story: rest }, w.as.member);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.details).toEqual([expect.objectContaining({ field: `story.${missing}` })]);
        expect(await articleCounts(t.deps.db)).toEqual(before);
      });
    }

    it('refuses story sections on another type, together with body, and neither body nor story', async () => {
      const post = (b: unknown) => api(t, 'POST', `/api/v1/communities/${w.pub.slug}/articles`, b, w.as.member);
      expect((await post({ type: 'how-to', title: 'x', story })).json().error.details[0].field).toBe('story');
      expect((await post({ type: 'story', title: 'x', story, body: 'both' })).json().error.details[0].field).toBe('body');
      const none = await post({ type: 'story', title: 'x' });
      expect(none.statusCode).toBe(400);
      expect(none.json().error.details[0].field).toBe('body');
    });

    it('edits sections with PATCH (type known from the article) and refuses a blank one', async () => {
      const a = await writeArticleVia(t, w.as.member, w.pub.slug, { type: 'story', body: undefined, story, title: 'Patch me' });
      const ok = await api(t, 'PATCH', `/api/v1/articles/${a.id}`, { story: { ...story, outcome: 'It went fine.' }, reason: 'clearer' }, w.as.member);
      expect(ok.statusCode).toBe(200);
      expect(ok.json().story.outcome).toBe('It went fine.');
      const bad = await api(t, 'PATCH', `/api/v1/articles/${a.id}`, { story: { ...story, lesson: '' } }, w.as.member);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0].field).toBe('story.lesson');
      expect((await api(t, 'GET', `/api/v1/articles/${a.id}`, undefined, w.as.member)).json().story.outcome).toBe('It went fine.');
      const howTo = await writeArticleVia(t, w.as.member, w.pub.slug);
      expect((await api(t, 'PATCH', `/api/v1/articles/${howTo.id}`, { story }, w.as.member)).json().error.details[0].field).toBe('story');
    });

    it('keeps non-story articles with story: null', async () => {
      expect((await writeArticleVia(t, w.as.member, w.pub.slug)).story).toBeNull();
    });
  });

  it('documents the story field and the stories routes in the OpenAPI document', async () => {
    const doc = (await t.app.inject('/api/v1/openapi.json')).json();
    const create = doc.paths['/api/v1/communities/{slug}/articles'].post;
    expect(JSON.stringify(create.requestBody)).toContain('"lesson"');
    expect(doc.paths['/api/v1/topics/{id}/promote'].post.tags).toEqual(['stories']);
    expect(Object.keys(doc.paths['/api/v1/articles/{id}/story-links']).sort()).toEqual(['get', 'post']);
    expect(doc.paths['/api/v1/articles/{id}/story-links/{linkId}'].delete.tags).toEqual(['stories']);
    expect(doc.paths['/api/v1/topics/{id}/captures'].get).toBeDefined();
  });

  describe('GET /c/:slug/stories', () => {
    it('lists the community’s stories with their lesson, not other articles; private ones only to members', async () => {
      await writeArticleVia(t, w.as.member, w.priv.slug, { type: 'story', body: undefined, story: { ...story, lesson: 'A private lesson.' }, title: 'Secret story' });
      await writeArticleVia(t, w.as.member, w.priv.slug, { title: 'Not a story at all' });
      const page = await get(`/c/${w.priv.slug}/stories`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Secret story');
      expect(page.body).toContain('Lesson: A private lesson.');
      expect(page.body).not.toContain('Not a story at all');
      expect(page.body).toContain(`href="/c/${w.priv.slug}/stories/new"`);
      expect((await get(`/c/${w.priv.slug}/articles`)).body).toContain(`href="/c/${w.priv.slug}/stories"`);
      expect(pageFindings(page.body)).toEqual([]);
      const outsider = await get(`/c/${w.priv.slug}/stories`, w.as.outsider);
      expect(outsider.statusCode).toBe(404);
      expect(outsider.body).not.toContain('Secret story');
    });
  });
});
