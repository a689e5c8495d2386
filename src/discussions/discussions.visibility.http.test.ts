import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousBrowser, api, buildTestApp, postForm, type Browser, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { addMember, makeCommunity } from '../../test/helpers/factories.ts';
import { countRows, discussionsWorld, startTopicVia } from './discussions.fixtures.ts';

describeEachDialect('discussions visibility', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof discussionsWorld>>;
  let secretTopic: { id: number };
  let approvalSlug: string;
  let approvalTopic: { id: number };
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    w = await discussionsWorld(t);
    secretTopic = await startTopicVia(t, w.as.member, w.secret.slug, { title: 'Salary bands draft', body: 'Confidential numbers' });
    // A private community that is listed (join by approval): still members-only content.
    const approval = await makeCommunity(t.deps.db, w.steward.id, { visibility: 'private', join_policy: 'approval' });
    await addMember(t.deps.db, approval.id, w.member.id);
    approvalSlug = approval.slug;
    approvalTopic = await startTopicVia(t, w.as.member, approvalSlug, { title: 'Listed but private', body: 'Members only' });
  });
  afterAll(async () => t.close());

  const outsiders: Array<[string, 'outsider' | 'admin' | null]> = [
    ['anonymous', null],
    ['a signed-in non-member', 'outsider'],
    ['an admin who is not a member', 'admin'],
  ];

  describe('a topic in a locked-down private community', () => {
    for (const [name, key] of outsiders) {
      it(`is 404 to ${name} on the page, the topic API, the posts list and the topic list`, async () => {
        const who: Browser | undefined = key ? w.as[key] : undefined;
        const cookie = who ? { cookie: who.cookie } : {};
        const page = await t.app.inject({ url: `/c/${w.secret.slug}/t/${secretTopic.id}`, headers: cookie });
        expect(page.statusCode).toBe(404);
        expect(page.body).not.toContain('Salary bands');
        for (const url of [`/api/v1/topics/${secretTopic.id}`, `/api/v1/topics/${secretTopic.id}/posts`, `/api/v1/communities/${w.secret.slug}/topics`]) {
          const res = await api(t, 'GET', url, undefined, who);
          expect(res.statusCode, url).toBe(404);
          expect(res.body).not.toContain('Salary bands');
        }
      });
    }

    it('is 404 to non-members who try to reply or start a topic, and nothing is written', async () => {
      const before = await countRows(t.deps.db, 'posts');
      expect((await api(t, 'POST', `/api/v1/topics/${secretTopic.id}/posts`, { body: 'Hi' }, w.as.outsider)).statusCode).toBe(404);
      expect((await postForm(t, `/c/${w.secret.slug}/t/${secretTopic.id}/reply`, { body: 'Hi' }, w.as.outsider)).statusCode).toBe(404);
      expect((await postForm(t, `/c/${w.secret.slug}/t/new`, { title: 'Hi', body: 'Hi' }, w.as.outsider)).statusCode).toBe(404);
      expect((await t.app.inject({ url: `/c/${w.secret.slug}/t/new`, headers: { cookie: w.as.outsider.cookie } })).statusCode).toBe(404);
      expect(await countRows(t.deps.db, 'posts')).toBe(before);
    });

    it('is readable by its members', async () => {
      expect((await api(t, 'GET', `/api/v1/topics/${secretTopic.id}`, undefined, w.as.member)).json().title).toBe('Salary bands draft');
      const page = await t.app.inject({ url: `/c/${w.secret.slug}/t/${secretTopic.id}`, headers: { cookie: w.as.member.cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Confidential numbers');
    });

    it('is 404 under another community\'s address to non-members, and sends members to its one home address', async () => {
      for (const who of [undefined, w.as.outsider]) {
        const res = await t.app.inject({ url: `/c/${w.pub.slug}/t/${secretTopic.id}`, headers: who ? { cookie: who.cookie } : {} });
        expect(res.statusCode).toBe(404);
        expect(res.headers.location).toBeUndefined();
      }
      const res = await t.app.inject({ url: `/c/${w.pub.slug}/t/${secretTopic.id}`, headers: { cookie: w.as.member.cookie } });
      expect(res.statusCode).toBe(301);
      expect(res.headers.location).toBe(`/c/${w.secret.slug}/t/${secretTopic.id}`);
    });
  });

  describe('a topic in a listed private community (join by approval)', () => {
    it('is 404 to non-members on every read route', async () => {
      for (const who of [undefined, w.as.outsider]) {
        for (const url of [`/api/v1/topics/${approvalTopic.id}`, `/api/v1/topics/${approvalTopic.id}/posts`, `/api/v1/communities/${approvalSlug}/topics`]) {
          expect((await api(t, 'GET', url, undefined, who)).statusCode, url).toBe(404);
        }
        const page = await t.app.inject({ url: `/c/${approvalSlug}/t/${approvalTopic.id}`, headers: who ? { cookie: who.cookie } : {} });
        expect(page.statusCode).toBe(404);
      }
    });
  });

  describe('a topic in a public community', () => {
    it('is readable by anyone, signed in or not', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug, { title: 'Open to all' });
      for (const who of [undefined, w.as.outsider, anonymousBrowser()]) {
        expect((await api(t, 'GET', `/api/v1/topics/${topic.id}`, undefined, who)).statusCode).toBe(200);
        expect((await api(t, 'GET', `/api/v1/topics/${topic.id}/posts`, undefined, who)).statusCode).toBe(200);
      }
    });
  });
});
