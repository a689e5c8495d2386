import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousBrowser, api, buildTestApp, postForm, type Browser, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { addMember, makeCommunity } from '../../test/helpers/factories.ts';
import { countRows, discussionsWorld, newMember, startTopicVia, tickingClock } from './discussions.fixtures.ts';

describeEachDialect('cross-posting', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof discussionsWorld>>;
  let other: { id: number; slug: string };
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await discussionsWorld(t);
    other = await makeCommunity(t.deps.db, w.steward.id, { name: 'Other Bench', visibility: 'public', join_policy: 'open' });
    await addMember(t.deps.db, other.id, w.member.id);
  });
  afterAll(async () => t.close());

  const listIds = async (slug: string, who?: Omit<Browser, 'userId'>, query = '') =>
    ((await api(t, 'GET', `/api/v1/communities/${slug}/topics?limit=100${query}`, undefined, who)).json().items as Array<{ id: number }>).map((i) => i.id);
  const links = (topicId: number) => t.deps.db.selectFrom('topic_crossposts').select('community_id').where('topic_id', '=', topicId).execute();

  describe('when starting a topic', () => {
    it('shows the topic in the other community’s lists as one thread living in its home community', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug, { title: 'Shared bench tips', crossPostTo: [other.slug] });
      expect(await listIds(other.slug)).toContain(topic.id);
      const api1 = (await api(t, 'GET', `/api/v1/topics/${topic.id}`)).json();
      expect(api1.community.slug).toBe(w.pub.slug);
      expect(api1.crosspostedTo).toEqual([{ id: other.id, slug: other.slug, name: 'Other Bench' }]);
      const page = (await t.app.inject({ url: `/c/${other.slug}/topics` })).body;
      expect(page).toContain(`href="/c/${w.pub.slug}/t/${topic.id}"`);
      expect(page).toContain('Cross-posted from Open Kitchen');
      expect((await t.app.inject({ url: `/c/${w.pub.slug}/t/${topic.id}` })).body).toContain(`Also listed in <a href="/c/${other.slug}/topics">Other Bench</a>`);
    });

    it('sends the other community’s address of the topic to its one address', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug, { crossPostTo: [other.slug] });
      const res = await t.app.inject({ url: `/c/${other.slug}/t/${topic.id}` });
      expect(res.statusCode).toBe(301);
      expect(res.headers.location).toBe(`/c/${w.pub.slug}/t/${topic.id}`);
    });

    const bad: Array<[string, () => string]> = [
      ['a community the author is not a member of', () => 'not-mine'],
      ['a community that does not exist', () => 'no-such-community'],
      ['the home community itself', () => w.pub.slug],
    ];
    for (const [what, slugOf] of bad) {
      it(`rejects ${what} with 400 naming crossPostTo and writes nothing`, async () => {
        await makeCommunity(t.deps.db, w.steward.id, { slug: `not-mine-${dialect}` }).catch(() => undefined);
        const slug = slugOf() === 'not-mine' ? `not-mine-${dialect}` : slugOf();
        const before = [await countRows(t.deps.db, 'topics'), await countRows(t.deps.db, 'topic_crossposts')];
        const res = await api(t, 'POST', `/api/v1/communities/${w.pub.slug}/topics`, { title: 'X', body: 'Y', crossPostTo: [other.slug, slug] }, w.as.member);
        expect(res.statusCode).toBe(400);
        const detail = res.json().error.details[0];
        expect(detail.field).toBe('crossPostTo');
        expect(detail.message).toContain(slug);
        expect(detail.message).not.toContain(other.slug);
        expect([await countRows(t.deps.db, 'topics'), await countRows(t.deps.db, 'topic_crossposts')]).toEqual(before);
      });
    }

    it('offers the communities the author is a member of on the new-topic form, and takes them', async () => {
      const form = (await t.app.inject({ url: `/c/${w.pub.slug}/t/new`, headers: { cookie: w.as.member.cookie } })).body;
      expect(form).toContain(`value="${other.slug}"`);
      expect(form).not.toContain(`value="${w.pub.slug}"`);
      const res = await postForm(t, `/c/${w.pub.slug}/t/new`, { title: 'From the form', body: 'Body', crossPostTo: other.slug }, w.as.member);
      expect(res.statusCode).toBe(303);
      const id = Number(/\/t\/(\d+)$/.exec(String(res.headers.location))?.[1]);
      expect(await links(id)).toEqual([{ community_id: other.id }]);
    });
  });

  describe('a private community’s topic cross-posted into a public one', () => {
    let topic: { id: number };
    beforeAll(async () => {
      topic = await startTopicVia(t, w.as.member, w.secret.slug, { title: 'Private plans Zq91', tags: ['zq-tag'], crossPostTo: [w.pub.slug] });
    });

    const outsiders = () => [['anonymous', anonymousBrowser()], ['a non-member', w.as.outsider], ['an admin who is not a member', w.as.admin]] as const;

    it('never shows in the public community’s lists, tag pages or tag counts to people who may not read its home', async () => {
      for (const [who, b] of outsiders()) {
        expect(await listIds(w.pub.slug, b), who).not.toContain(topic.id);
        expect(await listIds(w.pub.slug, b, '&tag=zq-tag'), who).toEqual([]);
        for (const url of [`/c/${w.pub.slug}/topics`, `/c/${w.pub.slug}/tags/zq-tag`, `/c/${w.pub.slug}/tags`, `/api/v1/communities/${w.pub.slug}/tags`, `/c/${w.pub.slug}/topics?view=unanswered`]) {
          const res = await t.app.inject({ url, headers: { cookie: b.cookie } });
          expect(res.statusCode, `${who} ${url}`).toBe(200);
          expect(res.body, `${who} ${url}`).not.toMatch(/Private plans Zq91|Quiet Room/);
          if (!url.includes('/tags/')) expect(res.body, `${who} ${url}`).not.toContain('zq-tag');
        }
      }
    });

    it('is 404 under either community’s address to them (no redirect that would reveal it)', async () => {
      for (const [who, b] of outsiders()) {
        for (const slug of [w.pub.slug, w.secret.slug]) {
          const res = await t.app.inject({ url: `/c/${slug}/t/${topic.id}`, headers: { cookie: b.cookie } });
          expect(res.statusCode, `${who} ${slug}`).toBe(404);
          expect(res.body).not.toContain('Private plans');
        }
      }
    });

    it('shows in the public list to members of its home, marked as cross-posted from it', async () => {
      expect(await listIds(w.pub.slug, w.as.member)).toContain(topic.id);
      const page = (await t.app.inject({ url: `/c/${w.pub.slug}/topics`, headers: { cookie: w.as.member.cookie } })).body;
      expect(page).toContain('Private plans Zq91');
      expect(page).toContain('Cross-posted from Quiet Room');
    });
  });

  it('does not name a private community a public topic is cross-posted into to people who cannot read it', async () => {
    const topic = await startTopicVia(t, w.as.member, w.pub.slug, { crossPostTo: [w.secret.slug] });
    const seen = (await api(t, 'GET', `/api/v1/topics/${topic.id}`, undefined, w.as.outsider)).json();
    expect(seen.crosspostedTo).toEqual([]);
    expect((await t.app.inject({ url: `/c/${w.pub.slug}/t/${topic.id}` })).body).not.toContain('Quiet Room');
    expect((await api(t, 'GET', `/api/v1/topics/${topic.id}`, undefined, w.as.member)).json().crosspostedTo.map((c: { slug: string }) => c.slug)).toEqual([w.secret.slug]);
  });

  describe('POST /api/v1/topics/:id/crossposts and DELETE …/crossposts/:slug', () => {
    it('lets the author link a topic later (409 when already linked) and unlink it, recording both', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug);
      const res = await api(t, 'POST', `/api/v1/topics/${topic.id}/crossposts`, { community: other.slug }, w.as.member);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toEqual({ topicId: topic.id, community: { id: other.id, slug: other.slug, name: 'Other Bench' } });
      expect((await api(t, 'POST', `/api/v1/topics/${topic.id}/crossposts`, { community: other.slug }, w.as.member)).statusCode).toBe(409);
      const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/topics/${topic.id}/crossposts/${other.slug}`, headers: { cookie: w.as.member.cookie, 'x-csrf-token': w.as.member.csrf } });
      expect(del.statusCode).toBe(204);
      expect(await listIds(other.slug)).not.toContain(topic.id);
      const verbs = await t.deps.db.selectFrom('activity').select('verb').where('subject_id', '=', topic.id).where('verb', 'like', 'topic.%crossposted').orderBy('id').execute();
      expect(verbs.map((v) => v.verb)).toEqual(['topic.crossposted', 'topic.uncrossposted']);
    });

    it('refuses members who are neither the author nor a steward with 403, and a target they do not belong to with 400 naming community', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug);
      const bystander = await newMember(t, [w.pub.id, other.id]);
      expect((await api(t, 'POST', `/api/v1/topics/${topic.id}/crossposts`, { community: other.slug }, bystander.as)).statusCode).toBe(403);
      const bad = await api(t, 'POST', `/api/v1/topics/${topic.id}/crossposts`, { community: 'nowhere-at-all' }, w.as.member);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0].field).toBe('community');
      expect(await links(topic.id)).toEqual([]);
    });

    it('lets the home steward link it, and the other community’s moderator unlink it', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug);
      expect((await api(t, 'POST', `/api/v1/topics/${topic.id}/crossposts`, { community: other.slug }, w.as.steward)).statusCode).toBe(201);
      const mod = await newMember(t, [other.id], {}, 'moderator');
      const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/topics/${topic.id}/crossposts/${other.slug}`, headers: { cookie: mod.as.cookie, 'x-csrf-token': mod.as.csrf } });
      expect(res.statusCode).toBe(204);
      expect(await links(topic.id)).toEqual([]);
    });

    it('answers 404 for unlinking a community the topic is not cross-posted to', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug);
      const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/topics/${topic.id}/crossposts/${other.slug}`, headers: { cookie: w.as.member.cookie, 'x-csrf-token': w.as.member.csrf } });
      expect(res.statusCode).toBe(404);
    });
  });

  describe('the topic page’s cross-post panel', () => {
    it('is offered to the author and works without JavaScript', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug);
      const base = `/c/${w.pub.slug}/t/${topic.id}`;
      expect((await t.app.inject({ url: base, headers: { cookie: w.as.member.cookie } })).body).toContain(`action="${base}/crossposts"`);
      expect((await t.app.inject({ url: base, headers: { cookie: w.as.outsider.cookie } })).body).not.toContain(`action="${base}/crossposts"`);
      const add = await postForm(t, `${base}/crossposts`, { community: other.slug }, w.as.member);
      expect(add.statusCode).toBe(303);
      expect(await links(topic.id)).toEqual([{ community_id: other.id }]);
      const remove = await postForm(t, `${base}/crossposts/${other.slug}/remove`, {}, w.as.member);
      expect(remove.statusCode).toBe(303);
      expect(await links(topic.id)).toEqual([]);
    });
  });
});
