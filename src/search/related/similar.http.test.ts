import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymousBrowser, api, buildTestApp, postForm, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { pageFindings, parsePage } from '../../../test/helpers/html-safety.ts';
import { countRows, tickingClock } from '../../discussions/discussions.fixtures.ts';
import { relatedWorld } from './related.fixtures.ts';

type Item = { type: string; id: number; title: string };

describeEachDialect('POST /api/v1/communities/:slug/similar', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof relatedWorld>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await relatedWorld(t);
  });
  afterAll(async () => t.close());

  const similar = (body: unknown, slug = w.pub.slug, as = w.as.member) => api(t, 'POST', `/api/v1/communities/${slug}/similar`, body, as);

  it('returns likely duplicates in that community only (topics, at most 5), best first', async () => {
    const res = await similar({ title: 'Sharpening a dull kitchen knife on a whetstone', body: 'What grit?', tags: ['knives'] });
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: Item[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(5);
    expect(items.every((i) => i.type === 'topic')).toBe(true);
    expect(items.slice(0, 2).map((i) => i.id).sort()).toEqual([w.knife.id, w.grit.id].sort());
    expect(items.some((i) => i.id === w.hidden.id)).toBe(false);
  });

  it('answers 404 to non-members of a private community, 401 to anonymous, and results to members', async () => {
    const q = { title: 'whetstone kitchen knife' };
    expect((await similar(q, w.secret.slug, w.as.outsider)).statusCode).toBe(404);
    expect((await similar(q, w.secret.slug, w.as.admin)).statusCode).toBe(404);
    expect((await similar(q, w.secret.slug, anonymousBrowser() as typeof w.as.member)).statusCode).toBe(401);
    expect((await similar(q, 'no-such-community')).statusCode).toBe(404);
    const res = await similar(q, w.secret.slug, w.as.member);
    expect(res.statusCode).toBe(200);
    expect((res.json() as { items: Item[] }).items.map((i) => i.id)).toEqual([w.hidden.id]);
  });

  it('rejects an empty or blank title with 400 naming the field', async () => {
    for (const body of [{ title: '' }, { title: '   ' }, {}, { title: 'x'.repeat(1001) }]) {
      const res = await similar(body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 40)).toBe(400);
      const e = (res.json() as { error: { code: string; details: { field: string }[] } }).error;
      expect(e.details.length).toBeGreaterThan(0);
      expect(e.details[0]?.field).toMatch(/title|tags/);
    }
  });

  it('never fails on long text or full-text syntax characters', async () => {
    const nasty = ['x'.repeat(1000), '"', '"unbalanced', '*', 'knife*', 'NEAR(knife whetstone)', 'NEAR/2', '((((', ')', 'title:knife', 'body : x', '^knife', '-knife', 'knife OR', 'AND NOT', "'; drop table topics; --", '\\', '!@#$%^&*()', '\u0000', '🔪 whetstone', 'a & b | c', ':*', '<->'];
    for (const title of nasty) {
      const res = await similar({ title, body: title, tags: [title.slice(0, 60)] });
      expect([200, 400], title).toContain(res.statusCode);
    }
    expect((await similar({ title: 'x'.repeat(1000) })).statusCode).toBe(200);
  });
});

describeEachDialect('the new-topic form’s similar questions (no JavaScript)', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof relatedWorld>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await relatedWorld(t);
  });
  afterAll(async () => t.close());

  it('renders the form with a check button, the aria-live region and similar.js (no inline script)', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/c/${w.pub.slug}/t/new`, headers: { cookie: w.as.member.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('name="checkSimilar"');
    expect(res.body).toMatch(/id="similar-results" aria-live="polite"/);
    expect(res.body).toMatch(/src="\/static\/similar\.js\?v=[0-9a-f]{12}"/);
    expect(pageFindings(parsePage(res.body))).toEqual([]);
    const js = await t.app.inject({ method: 'GET', url: '/static/similar.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.body).toContain('/similar');
  });

  it('"Check for similar questions" lists them under the form, keeps what was typed, and posts nothing', async () => {
    const before = await countRows(t.deps.db, 'topics');
    const res = await postForm(t, `/c/${w.pub.slug}/t/new`, { kind: 'question', title: 'Whetstone grit for a dull knife', body: 'My typed <draft> text', tags: 'knives, whetstones', checkSimilar: '1' }, w.as.member);
    expect(res.statusCode).toBe(200);
    expect(await countRows(t.deps.db, 'topics')).toBe(before);
    const list = /<div id="similar-results"[^>]*>([\s\S]*?)<\/div>/.exec(res.body)?.[1] ?? '';
    expect(list).toContain(`href="/c/${w.pub.slug}/t/${w.grit.id}"`);
    expect(list).not.toContain('Secret whetstone');
    expect(res.body).toContain('value="Whetstone grit for a dull knife"');
    expect(res.body).toContain('>My typed &lt;draft> text</textarea>');
    expect(res.body).toContain('value="knives, whetstones"');
    expect(res.body).toMatch(/id="f-kind-question"[^>]*checked|checked[^>]*id="f-kind-question"/);
    expect(pageFindings(parsePage(res.body))).toEqual([]);
  });

  it('with an empty form says nothing was found instead of failing, and the normal submit still posts', async () => {
    const empty = await postForm(t, `/c/${w.pub.slug}/t/new`, { title: '', body: '', checkSimilar: '1' }, w.as.member);
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('No similar questions found.');
    const posted = await postForm(t, `/c/${w.pub.slug}/t/new`, { kind: 'question', title: 'A fresh whetstone question', body: 'Body.', tags: '' }, w.as.member);
    expect(posted.statusCode).toBe(303);
  });

  it('is refused to non-members of a private community like the form itself', async () => {
    const res = await postForm(t, `/c/${w.secret.slug}/t/new`, { title: 'whetstone', body: '', checkSimilar: '1' }, w.as.outsider);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Secret whetstone');
  });
});
