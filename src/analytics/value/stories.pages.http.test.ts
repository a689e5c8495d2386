import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, fakeClock, postForm, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { makeCommunity } from '../../../test/helpers/factories.ts';
import { recordStoryVia, storyCounts, VALUE_NOW, valueWorld } from './value.fixtures.ts';

describeEachDialect('value story pages', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof valueWorld>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: fakeClock(VALUE_NOW) });
    w = await valueWorld(t);
  });
  afterAll(async () => t.close());
  const get = (url: string, cookie = '') => t.app.inject({ method: 'GET', url, headers: { cookie } });

  it('shows an empty list with a call to record the first story, to members only', async () => {
    const c = await makeCommunity(t.deps.db, w.member.id, { name: 'Quiet Guild' });
    const member = await get(`/c/${c.slug}/value-stories`, w.as.member.cookie);
    expect(member.statusCode).toBe(200);
    expect(member.body).toContain('No value stories yet — record the first');
    expect(member.body).toContain(`href="/c/${c.slug}/value-stories/new"`);
    const anon = await get(`/c/${c.slug}/value-stories`);
    expect(anon.body).not.toContain(`href="/c/${c.slug}/value-stories/new"`);
  });

  it('sends an anonymous visitor of the form to sign in, and refuses a non-member with 403', async () => {
    const anon = await get(`/c/${w.pub.slug}/value-stories/new`);
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toMatch(/^\/signin\?next=/);
    expect((await get(`/c/${w.pub.slug}/value-stories/new`, w.as.outsider.cookie)).statusCode).toBe(403);
  });

  it('shows the form again with each problem beside its field, keeping what was typed, and writes nothing', async () => {
    const before = await storyCounts(t.deps.db);
    const res = await postForm(t, `/c/${w.pub.slug}/value-stories/new`, { title: 'Kept title', happened: '', gained: 'Something', topics: 'not-a-link' }, w.as.member);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('id="f-topics-error"');
    expect(res.body).toContain('not-a-link is not a thread link or number');
    expect(res.body).toContain('value="Kept title"');
    expect(await storyCounts(t.deps.db)).toEqual(before);
    const res2 = await postForm(t, `/c/${w.pub.slug}/value-stories/new`, { title: 'Kept title', happened: '', gained: 'Something', topics: '' }, w.as.member);
    expect(res2.statusCode).toBe(400);
    expect(res2.body).toMatch(/id="f-happened-error">must not be empty/);
    expect(await storyCounts(t.deps.db)).toEqual(before);
  });

  it('records a story from the form with a pasted thread link, shows it, and lets the author edit it', async () => {
    const res = await postForm(t, `/c/${w.pub.slug}/value-stories/new`, {
      title: 'Sway solved', happened: 'Otto answered on damping.\r\n\r\nThen Sam sent the drawings.', gained: 'A method.', valueKind: 'potential', applied: 'We tuned the damper.',
      topics: `http://localhost/c/${w.pub.slug}/t/${w.ids.pubTopic}`, articles: `#${w.ids.pubArticle}`,
    }, w.as.member);
    expect(res.statusCode).toBe(303);
    const url = res.headers.location as string;
    expect(url).toMatch(new RegExp(`^/c/${w.pub.slug}/value-stories/\\d+$`));
    const page = await get(url, w.as.other.cookie);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 id="story-title">Sway solved</h1>');
    expect(page.body).toContain('<p>Otto answered on damping.</p><p>Then Sam sent the drawings.</p>');
    expect(page.body).toContain('What I did differently');
    expect(page.body).toContain(`href="/c/${w.pub.slug}/t/${w.ids.pubTopic}"`);
    expect(page.body).toContain('Potential value');
    expect(page.body).toContain('Applied value');
    expect(page.body).not.toContain(`${url}/edit`);
    const edit = await get(`${url}/edit`, w.as.member.cookie);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain(`/c/${w.pub.slug}/t/${w.ids.pubTopic}`);
    expect((await get(`${url}/edit`, w.as.other.cookie)).statusCode).toBe(403);
    const saved = await postForm(t, `${url}/edit`, { title: 'Sway solved for good', happened: 'Otto answered.', gained: 'A method.', valueKind: 'both', realized: 'No complaints since.', topics: '', articles: '' }, w.as.member);
    expect(saved.statusCode).toBe(303);
    const after = await get(url);
    expect(after.body).toContain('Sway solved for good');
    expect(after.body).toContain('Realized value');
    expect(after.body).not.toContain('Applied value');
    expect(after.body).toContain('No links.');
  });

  it('lets a steward delete a member’s story from its page; another member sees no delete button', async () => {
    const s = await recordStoryVia(t, w.as.member, w.pub.slug, { title: 'To be removed' });
    const url = `/c/${w.pub.slug}/value-stories/${s.id}`;
    expect((await get(url, w.as.other.cookie)).body).not.toContain('Delete this story');
    expect((await get(url, w.as.steward.cookie)).body).toContain('Delete this story');
    expect((await postForm(t, `${url}/delete`, {}, w.as.other)).statusCode).toBe(403);
    const del = await postForm(t, `${url}/delete`, {}, w.as.steward);
    expect(del.statusCode).toBe(303);
    expect((await get(url)).statusCode).toBe(404);
  });

  it('answers a story under another community’s address, a private one for outsiders, or a bad id with 404', async () => {
    const s = await recordStoryVia(t, w.as.member, w.priv.slug, { title: 'Whispered win' });
    expect((await get(`/c/${w.pub.slug}/value-stories/${s.id}`, w.as.member.cookie)).statusCode).toBe(404);
    for (const url of [`/c/${w.priv.slug}/value-stories/${s.id}`, `/c/${w.priv.slug}/value-stories/${s.id}/edit`]) {
      const res = await get(url, w.as.outsider.cookie);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('Whispered win');
    }
    expect((await get(`/c/${w.pub.slug}/value-stories/abc`)).statusCode).toBe(404);
    expect((await get(`/c/${w.priv.slug}/value-stories/${s.id}`, w.as.other.cookie)).body).toContain('Whispered win');
  });
});
