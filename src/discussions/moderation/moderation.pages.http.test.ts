import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, postForm, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { makeCommunity } from '../../../test/helpers/factories.ts';
import { tickingClock } from '../discussions.fixtures.ts';
import { call, count, moderationWorld, topicVia, type ModerationWorld } from './moderation.fixtures.ts';

describeEachDialect('moderation pages', (dialect) => {
  let t: TestApp;
  let w: ModerationWorld;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await moderationWorld(t);
  });
  afterAll(async () => t.close());

  const page = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });
  const topicRow = (id: number) => t.deps.db.selectFrom('topics').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  describe('the topic page', () => {
    it('shows the Moderate section to stewards and moderators only', async () => {
      const id = await topicVia(t, w.as.member, w.pub.slug);
      const url = `/c/${w.pub.slug}/t/${id}`;
      for (const who of ['steward', 'moderator'] as const) expect((await page(url, w.as[who].cookie)).body).toContain('id="moderate-heading"');
      for (const cookie of [w.as.member.cookie, w.as.outsider.cookie, w.as.admin.cookie, undefined]) expect((await page(url, cookie)).body).not.toContain('id="moderate-heading"');
    });

    it('shows a closed banner with the reason, the note and a link to the duplicate', async () => {
      const original = await topicVia(t, w.as.member, w.pub.slug, { title: 'The original question' });
      const id = await topicVia(t, w.as.member, w.pub.slug);
      await call(t, 'POST', `/api/v1/topics/${id}/close`, { reason: 'duplicate', duplicateOf: original, note: 'Answered there <b>already</b>' }, w.as.moderator);
      const body = (await page(`/c/${w.pub.slug}/t/${id}`)).body;
      expect(body).toContain('Closed');
      expect(body).toContain('as a duplicate');
      expect(body).toContain(`href="/c/${w.pub.slug}/t/${original}">The original question</a>`);
      expect(body).toContain('Answered there &lt;b>already&lt;/b>');
    });

    it('does not name a duplicate the reader may not see', async () => {
      const hidden = await topicVia(t, w.as.member, w.priv.slug, { title: 'Quiet original Qz' });
      const id = await topicVia(t, w.as.member, w.pub.slug);
      expect((await call(t, 'POST', `/api/v1/topics/${id}/close`, { reason: 'duplicate', duplicateOf: hidden }, w.as.steward)).statusCode).toBe(200);
      const outsiderView = (await page(`/c/${w.pub.slug}/t/${id}`, w.as.outsider.cookie)).body;
      expect(outsiderView).toContain('a topic you cannot see');
      expect(outsiderView).not.toContain('Quiet original Qz');
      expect(outsiderView).not.toContain(w.priv.slug);
      expect((await page(`/c/${w.pub.slug}/t/${id}`, w.as.member.cookie)).body).toContain('Quiet original Qz');
    });

    it('refuses replies to a locked topic with 409, through the API and the reply form, and says it is locked', async () => {
      const id = await topicVia(t, w.as.member, w.pub.slug);
      await postForm(t, `/c/${w.pub.slug}/t/${id}/lock`, {}, w.as.steward);
      const before = await count(t.deps.db, 'posts', { column: 'topic_id', value: id });
      expect((await call(t, 'POST', `/api/v1/topics/${id}/posts`, { body: 'Sneaking in' }, w.as.member)).statusCode).toBe(409);
      expect((await postForm(t, `/c/${w.pub.slug}/t/${id}/reply`, { body: 'Sneaking in' }, w.as.member)).statusCode).toBe(409);
      expect(await count(t.deps.db, 'posts', { column: 'topic_id', value: id })).toBe(before);
      expect((await page(`/c/${w.pub.slug}/t/${id}`)).body).toContain('no new replies, answers, votes or edits');
    });
  });

  describe('the moderation forms', () => {
    it('pins from the topic page and comes back to it with a message', async () => {
      const id = await topicVia(t, w.as.member, w.pub.slug);
      const res = await postForm(t, `/c/${w.pub.slug}/t/${id}/pin`, {}, w.as.moderator);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/c/${w.pub.slug}/t/${id}`);
      expect((await topicRow(id)).pinned_at).not.toBeNull();
    });

    it('answers the forms as the API does: 401 anonymous, 403 member, 404 outsider of a private community or wrong address', async () => {
      const pub = await topicVia(t, w.as.member, w.pub.slug);
      const priv = await topicVia(t, w.as.member, w.priv.slug);
      expect((await postForm(t, `/c/${w.pub.slug}/t/${pub}/lock`, {})).statusCode).toBe(401);
      expect((await postForm(t, `/c/${w.pub.slug}/t/${pub}/lock`, {}, w.as.member)).statusCode).toBe(403);
      expect((await postForm(t, `/c/${w.priv.slug}/t/${priv}/lock`, {}, w.as.outsider)).statusCode).toBe(404);
      expect((await postForm(t, `/c/${w.other.slug}/t/${pub}/lock`, {}, w.as.steward)).statusCode).toBe(404);
      expect((await topicRow(pub)).locked_at).toBeNull();
    });

    it('shows the moderation page to moderators, sends anonymous visitors to sign in, and refuses others', async () => {
      const id = await topicVia(t, w.as.member, w.priv.slug, { title: 'Hush Qz' });
      const url = `/c/${w.priv.slug}/t/${id}/moderate`;
      const ok = await page(url, w.as.moderator.cookie);
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toContain('<h1>Moderate “Hush Qz”</h1>');
      expect(ok.body).toContain(`<option value="${w.other.slug}"`);
      expect((await page(url)).statusCode).toBe(303);
      expect((await page(url, w.as.member.cookie)).statusCode).toBe(403);
      const hidden = await page(url, w.as.outsider.cookie);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.body).not.toContain('Hush Qz');
    });

    it('re-renders the close form with 400 naming the duplicate field, writing nothing', async () => {
      const id = await topicVia(t, w.as.member, w.pub.slug);
      const before = await count(t.deps.db, 'activity');
      const res = await postForm(t, `/c/${w.pub.slug}/t/${id}/close`, { reason: 'duplicate', duplicateOf: '', closeNote: 'kept' }, w.as.moderator);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('There is a problem');
      expect(res.body).toContain('href="#f-duplicateOf">Duplicate of is required');
      expect(res.body).toContain('>kept</textarea>');
      expect((await topicRow(id)).closed_at).toBeNull();
      expect(await count(t.deps.db, 'activity')).toBe(before);
      const bad = await postForm(t, `/c/${w.pub.slug}/t/${id}/close`, { reason: 'whatever' }, w.as.moderator);
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('href="#f-reason">Reason must be one of');
    });

    it('closes as a duplicate given by the other topic’s address', async () => {
      const original = await topicVia(t, w.as.member, w.pub.slug);
      const id = await topicVia(t, w.as.member, w.pub.slug);
      const res = await postForm(t, `/c/${w.pub.slug}/t/${id}/close`, { reason: 'duplicate', duplicateOf: `http://localhost/c/${w.pub.slug}/t/${original}#post-1` }, w.as.moderator);
      expect(res.statusCode).toBe(303);
      expect(await topicRow(id)).toMatchObject({ close_reason: 'duplicate', duplicate_of: original });
      expect((await postForm(t, `/c/${w.pub.slug}/t/${id}/reopen`, {}, w.as.moderator)).statusCode).toBe(303);
      expect((await topicRow(id)).closed_at).toBeNull();
    });

    it('moves through the form to the topic’s new address', async () => {
      const id = await topicVia(t, w.as.member, w.pub.slug);
      const res = await postForm(t, `/c/${w.pub.slug}/t/${id}/move`, { community: w.other.slug, moveNote: 'tidy' }, w.as.steward);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/c/${w.other.slug}/t/${id}`);
    });

    it('merges through the form, and re-renders it with 400 for a target that is not a topic number', async () => {
      const target = await topicVia(t, w.as.member, w.pub.slug, { title: 'Keep me' });
      const id = await topicVia(t, w.as.member, w.pub.slug);
      const bad = await postForm(t, `/c/${w.pub.slug}/t/${id}/merge`, { targetId: 'the other one' }, w.as.steward);
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('href="#f-targetId">Merge target must be a topic number');
      expect((await topicRow(id)).merged_into).toBeNull();
      const hidden = await makeCommunity(t.deps.db, w.outsider.id, { visibility: 'private', join_policy: 'invite' });
      const secret = await topicVia(t, w.as.outsider, hidden.slug, { title: 'Vault Qz' });
      const refused = await postForm(t, `/c/${w.pub.slug}/t/${id}/merge`, { targetId: String(secret) }, w.as.steward);
      expect(refused.statusCode).toBe(400);
      expect(refused.body).not.toContain('Vault Qz');
      const ok = await postForm(t, `/c/${w.pub.slug}/t/${id}/merge`, { targetId: `#${target}`, mergeNote: 'same' }, w.as.steward);
      expect(ok.statusCode).toBe(303);
      expect(ok.headers.location).toBe(`/c/${w.pub.slug}/t/${target}`);
      expect((await topicRow(id)).merged_into).toBe(target);
    });
  });
});
