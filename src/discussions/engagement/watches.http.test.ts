import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, postForm, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { tickingClock } from '../discussions.fixtures.ts';
import { call, count, moderationWorld, replyVia, topicVia, type ModerationWorld } from '../moderation/moderation.fixtures.ts';

describeEachDialect('watching topics and communities', (dialect) => {
  let t: TestApp;
  let w: ModerationWorld;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await moderationWorld(t);
  });
  afterAll(async () => t.close());

  describe('PUT, GET and DELETE /api/v1/topics/:id/watch', () => {
    it('sets, reads and resets a level; the topic’s level wins over the community’s', async () => {
      const topic = await topicVia(t, w.as.member, w.pub.slug);
      const url = `/api/v1/topics/${topic}/watch`;
      expect((await call(t, 'GET', url, undefined, w.as.outsider)).json()).toEqual({ level: null, effective: 'track' });
      expect((await call(t, 'PUT', `/api/v1/communities/${w.pub.slug}/watch`, { level: 'watch' }, w.as.outsider)).json()).toEqual({ level: 'watch', effective: 'watch' });
      expect((await call(t, 'GET', url, undefined, w.as.outsider)).json()).toEqual({ level: null, effective: 'watch' });
      expect((await call(t, 'PUT', url, { level: 'mute' }, w.as.outsider)).json()).toEqual({ level: 'mute', effective: 'mute' });
      expect((await call(t, 'DELETE', url, undefined, w.as.outsider)).json()).toEqual({ level: null, effective: 'watch' });
      expect((await call(t, 'DELETE', `/api/v1/communities/${w.pub.slug}/watch`, undefined, w.as.outsider)).json()).toEqual({ level: null, effective: 'track' });
    });

    it('makes a topic’s author watch it and a replier track it, without overriding a choice', async () => {
      const topic = await topicVia(t, w.as.member, w.pub.slug);
      expect((await call(t, 'GET', `/api/v1/topics/${topic}/watch`, undefined, w.as.member)).json().level).toBe('watch');
      await replyVia(t, w.as.steward, topic);
      expect((await call(t, 'GET', `/api/v1/topics/${topic}/watch`, undefined, w.as.steward)).json().level).toBe('track');
      await call(t, 'PUT', `/api/v1/topics/${topic}/watch`, { level: 'mute' }, w.as.moderator);
      await replyVia(t, w.as.moderator, topic);
      expect((await call(t, 'GET', `/api/v1/topics/${topic}/watch`, undefined, w.as.moderator)).json().level).toBe('mute');
    });

    it('rejects an unknown level with 400 naming level, and writes nothing', async () => {
      const topic = await topicVia(t, w.as.member, w.pub.slug);
      const before = await count(t.deps.db, 'watches');
      for (const body of [{ level: 'loud' }, {}, { level: 3 }]) {
        const res = await call(t, 'PUT', `/api/v1/topics/${topic}/watch`, body, w.as.outsider);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.details[0].field).toBe('level');
      }
      expect((await call(t, 'PUT', `/api/v1/communities/${w.pub.slug}/watch`, { level: 'loud' }, w.as.outsider)).statusCode).toBe(400);
      expect(await count(t.deps.db, 'watches')).toBe(before);
    });

    it('refuses anonymous (401) and outsiders of a private community (404), writing nothing', async () => {
      const topic = await topicVia(t, w.as.member, w.priv.slug, { title: 'Hush Qz' });
      const before = await count(t.deps.db, 'watches');
      expect((await call(t, 'PUT', `/api/v1/topics/${topic}/watch`, { level: 'watch' })).statusCode).toBe(401);
      const hidden = await call(t, 'PUT', `/api/v1/topics/${topic}/watch`, { level: 'watch' }, w.as.outsider);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.body).not.toContain('Hush');
      expect((await call(t, 'PUT', `/api/v1/communities/${w.priv.slug}/watch`, { level: 'watch' }, w.as.admin)).statusCode).toBe(404);
      expect((await call(t, 'PUT', `/api/v1/communities/no-such-place/watch`, { level: 'watch' }, w.as.member)).statusCode).toBe(404);
      expect(await count(t.deps.db, 'watches')).toBe(before);
    });
  });

  describe('the watch forms', () => {
    it('saves a topic level from the topic page and shows it selected', async () => {
      const topic = await topicVia(t, w.as.member, w.pub.slug);
      const url = `/c/${w.pub.slug}/t/${topic}`;
      const res = await postForm(t, `${url}/watch`, { level: 'watch', next: url }, w.as.outsider);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(url);
      const body = (await t.app.inject({ url, headers: { cookie: w.as.outsider.cookie } })).body;
      expect(body).toContain('<label for="watch-level-topic">Notifications for this topic</label>');
      expect(body).toMatch(/<option value="watch" selected/);
      expect((await postForm(t, `${url}/watch`, { level: 'default' }, w.as.outsider)).statusCode).toBe(303);
      expect((await call(t, 'GET', `/api/v1/topics/${topic}/watch`, undefined, w.as.outsider)).json().level).toBeNull();
      expect((await postForm(t, `${url}/watch`, { level: 'shout' }, w.as.outsider)).statusCode).toBe(400);
      expect((await postForm(t, `/c/${w.other.slug}/t/${topic}/watch`, { level: 'watch' }, w.as.outsider)).statusCode).toBe(404);
    });

    it('offers a community’s level on its own page and saves it', async () => {
      const page = await t.app.inject({ url: `/c/${w.priv.slug}/watch`, headers: { cookie: w.as.member.cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Notifications from Quiet Forge');
      const res = await postForm(t, `/c/${w.priv.slug}/watch`, { level: 'mute', next: `/c/${w.priv.slug}` }, w.as.member);
      expect(res.statusCode).toBe(303);
      expect((await call(t, 'GET', `/api/v1/communities/${w.priv.slug}/watch`, undefined, w.as.member)).json().level).toBe('mute');
      expect((await t.app.inject({ url: `/c/${w.priv.slug}/watch`, headers: { cookie: w.as.outsider.cookie } })).statusCode).toBe(404);
      expect((await t.app.inject({ url: `/c/${w.priv.slug}/watch` })).statusCode).toBe(303);
    });
  });
});
