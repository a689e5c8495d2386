import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordActivity } from '../core/activity.ts';
import { api, buildTestApp, signInAs, type Browser, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { addMember, makeCommunity, makeUser } from '../../test/helpers/factories.ts';
import { discussionsWorld, startTopicVia, tickingClock } from '../discussions/discussions.fixtures.ts';

interface FeedItem {
  id: number;
  verb: string;
  text: string;
  url: string;
  community: { slug: string };
}

describeEachDialect('home and activity feed', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof discussionsWorld>>;
  let approvalSlug: string;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await discussionsWorld(t);
    const approval = await makeCommunity(t.deps.db, w.steward.id, { name: 'Listed Private', visibility: 'private', join_policy: 'approval' });
    await addMember(t.deps.db, approval.id, w.member.id);
    approvalSlug = approval.slug;
    const open = await startTopicVia(t, w.as.member, w.pub.slug, { title: 'Knife skills', kind: 'question' });
    await api(t, 'POST', `/api/v1/topics/${open.id}/posts`, { body: 'Claw grip.' }, w.as.steward);
    const secret = await startTopicVia(t, w.as.member, w.secret.slug, { title: 'Secret reorg plan' });
    await api(t, 'POST', `/api/v1/topics/${secret.id}/posts`, { body: 'Hush.' }, w.as.steward);
    await startTopicVia(t, w.as.member, approvalSlug, { title: 'Listed but private plan' });
    // An act in a public community that is nobody else's business.
    await recordActivity(t.deps.db, { actorId: w.outsider.id, verb: 'community.join_requested', communityId: w.pub.id, subjectType: 'join_request', subjectId: 1, at: new Date().toISOString() });
  });
  afterAll(async () => t.close());

  const feed = async (who?: Browser, query = 'limit=100') => (await api(t, 'GET', `/api/v1/activity?${query}`, undefined, who)).json().items as FeedItem[];
  const privateSlugs = () => [w.secret.slug, approvalSlug];

  describe('GET /api/v1/activity', () => {
    it('never shows private-community activity to anonymous callers, non-members or non-member admins', async () => {
      for (const who of [undefined, w.as.outsider, w.as.admin]) {
        const items = await feed(who);
        expect(items.length).toBeGreaterThan(0);
        expect(items.some((i) => privateSlugs().includes(i.community.slug))).toBe(false);
        expect(JSON.stringify(items)).not.toMatch(/Secret reorg|Listed but private|Hush/);
      }
    });

    it('shows members the activity of their private communities', async () => {
      const items = await feed(w.as.member);
      expect(items.some((i) => i.text === `Ben Member started “Secret reorg plan” in Quiet Room`)).toBe(true);
      expect(items.some((i) => i.community.slug === approvalSlug)).toBe(true);
    });

    it('describes acts in sentences that link to the thing', async () => {
      const items = await feed();
      const asked = items.find((i) => i.verb === 'topic.created' && i.text.includes('Knife skills'))!;
      expect(asked.text).toBe('Ben Member asked “Knife skills” in Open Kitchen');
      expect(asked.url).toMatch(new RegExp(`^/c/${w.pub.slug}/t/\\d+$`));
      const replied = items.find((i) => i.verb === 'post.created' && i.text.includes('Knife skills'))!;
      expect(replied.text).toBe('Ana Steward replied to “Knife skills” in Open Kitchen');
      expect(replied.url).toMatch(/#post-\d+$/);
    });

    it('tells of new articles and glossary terms, and keeps private ones to members', async () => {
      const a = await api(t, 'POST', `/api/v1/communities/${w.pub.slug}/articles`, { type: 'how-to', title: 'Hone a blade', body: 'Steel, then stone.' }, w.as.member);
      const g = await api(t, 'POST', `/api/v1/communities/${w.pub.slug}/glossary`, { term: 'Mise en place', definition: 'Everything in its place.' }, w.as.member);
      await api(t, 'POST', `/api/v1/communities/${w.secret.slug}/articles`, { type: 'how-to', title: 'Secret recipe', body: 'Hush.' }, w.as.member);
      const items = await feed();
      expect(items.find((i) => i.verb === 'article.created')).toMatchObject({ text: 'Ben Member wrote “Hone a blade” in Open Kitchen', url: `/c/${w.pub.slug}/a/${a.json().id}` });
      expect(items.find((i) => i.verb === 'glossary.term_created')).toMatchObject({ text: 'Ben Member defined “Mise en place” in Open Kitchen', url: `/c/${w.pub.slug}/glossary/${g.json().id}` });
      const c = await api(t, 'POST', `/api/v1/communities/${w.pub.slug}/collections`, { title: 'Knife basics' }, w.as.member);
      expect(c.statusCode, c.body).toBe(201);
      expect((await feed()).find((i) => i.verb === 'collection.created')).toMatchObject({ text: 'Ben Member put together “Knife basics” in Open Kitchen', url: `/c/${w.pub.slug}/collections/${c.json().id}` });
      expect((await api(t, 'POST', `/api/v1/articles/${a.json().id}/transitions`, { to: 'proposed' }, w.as.member)).statusCode).toBe(200);
      expect((await api(t, 'POST', `/api/v1/articles/${a.json().id}/endorsements`, {}, w.as.steward)).statusCode).toBe(201);
      expect((await feed()).find((i) => i.verb === 'article.endorsed')).toMatchObject({ text: 'Ana Steward endorsed “Hone a blade” in Open Kitchen', url: `/c/${w.pub.slug}/a/${a.json().id}` });
      expect(JSON.stringify(items)).not.toContain('Secret recipe');
      expect((await feed(w.as.member)).some((i) => i.text.includes('Secret recipe'))).toBe(true);
    });

    it('leaves out acts that are not for the feed, such as join requests', async () => {
      expect((await feed(w.as.steward)).some((i) => i.verb === 'community.join_requested')).toBe(false);
    });

    it('filters to one community, and answers 404 for a community the caller may not read', async () => {
      const items = await feed(w.as.member, `community=${w.secret.slug}`);
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((i) => i.community.slug === w.secret.slug)).toBe(true);
      for (const who of [undefined, w.as.outsider, w.as.admin]) {
        const res = await api(t, 'GET', `/api/v1/activity?community=${w.secret.slug}`, undefined, who);
        expect(res.statusCode).toBe(404);
      }
      expect((await api(t, 'GET', '/api/v1/activity?community=no-such-place')).statusCode).toBe(404);
    });

    it('pages newest first without duplicates', async () => {
      const all = await feed(w.as.member);
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const res = await api(t, 'GET', `/api/v1/activity?limit=2${cursor ? `&cursor=${cursor}` : ''}`, undefined, w.as.member);
        const body = res.json() as { items: FeedItem[]; nextCursor: string | null };
        seen.push(...body.items.map((i) => i.id));
        cursor = body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all.map((i) => i.id));
    });

    it('rejects a cursor it did not give out with 400 naming cursor', async () => {
      const res = await api(t, 'GET', '/api/v1/activity?cursor=%%%');
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('cursor');
    });
  });

  describe('GET /', () => {
    it('welcomes visitors, explains Guildhall and lists public communities only', async () => {
      const res = await t.app.inject('/');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('communities of practice');
      expect(res.body).toContain('href="/signup"');
      expect(res.body).toContain('Open Kitchen');
      expect(res.body).not.toContain('Quiet Room');
      expect(res.body).not.toContain('Listed Private');
    });

    it('shows a member their communities and the latest activity they may read', async () => {
      const res = await t.app.inject({ url: '/', headers: { cookie: w.as.member.cookie } });
      expect(res.body).toContain('Your communities');
      expect(res.body).toContain('Quiet Room');
      expect(res.body).toContain('Latest activity');
      expect(res.body).toContain('“Secret reorg plan”');
    });

    it('links a member to their topics, bookmarks, notifications and profile', async () => {
      const body = (await t.app.inject({ url: '/', headers: { cookie: w.as.member.cookie } })).body;
      for (const href of ['/me/topics', '/bookmarks', '/notifications']) expect(body).toContain(`href="${href}"`);
      expect(body).toMatch(/<nav aria-label="Your things">[\s\S]*href="\/u\/[a-z0-9_-]+"/);
    });

    it('never shows an outsider private-community activity', async () => {
      const res = await t.app.inject({ url: '/', headers: { cookie: w.as.outsider.cookie } });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('“Knife skills”');
      expect(res.body).not.toMatch(/Secret reorg|Listed but private|Quiet Room/);
    });

    it('points someone with no communities to the directory', async () => {
      const res = await t.app.inject({ url: '/', headers: { cookie: w.as.outsider.cookie } });
      expect(res.body).toContain('You have not joined a community yet');
      expect(res.body).toContain('href="/communities"');
    });

    it('counts pending invitations and links to them', async () => {
      const invitee = await makeUser(t.deps.db);
      const b = await signInAs(t, invitee.id);
      expect((await t.app.inject({ url: '/', headers: { cookie: b.cookie } })).body).not.toContain('href="/invitations"');
      for (const c of [w.pub, w.secret]) {
        await t.deps.db.insertInto('invitations').values({ community_id: c.id, invitee_id: invitee.id, invited_by: w.steward.id, status: 'pending', created_at: new Date().toISOString(), decided_at: null }).execute();
      }
      const body = (await t.app.inject({ url: '/', headers: { cookie: b.cookie } })).body;
      expect(body).toContain('href="/invitations"');
      expect(body).toContain('You have 2 invitations waiting');
    });
  });
});
