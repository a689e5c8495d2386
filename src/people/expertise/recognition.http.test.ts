import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, fakeClock, signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { apiDelete } from '../../discussions/answers/answers.fixtures.ts';
import { answeredQuestion, expertiseWorld } from './expertise.fixtures.ts';

describeEachDialect('expertise and recognition through the API', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof expertiseWorld>>;
  const as: Record<string, Browser> = {};
  let pubQ: Awaited<ReturnType<typeof answeredQuestion>>;
  let secretQ: Awaited<ReturnType<typeof answeredQuestion>>;
  const badgeRows = (badge: string) => t.deps.db.selectFrom('user_badges').selectAll().where('user_id', '=', w.expert.id).where('badge', '=', badge).execute();

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: fakeClock(new Date('2026-11-01T09:00:00Z')) });
    w = await expertiseWorld(t.deps.db);
    for (const [k, u] of Object.entries({ steward: w.steward, expert: w.expert, asker: w.asker, v1: w.v1, v2: w.v2, v3: w.v3, outsider: w.outsider })) as[k] = await signInAs(t, u.id);
    pubQ = await answeredQuestion(t.deps.db, w.pub.id, w.asker.id, w.expert.id, ['chisels']);
    secretQ = await answeredQuestion(t.deps.db, w.secret.id, w.asker.id, w.expert.id, ['chisels'], 'A back-room question');
    for (const v of ['v1', 'v2', 'v3']) expect((await api(t, 'PUT', `/api/v1/posts/${pubQ.answerId}/vote`, { value: 1 }, as[v])).statusCode).toBe(200);
    expect((await api(t, 'PUT', `/api/v1/topics/${pubQ.topicId}/accepted`, { postId: pubQ.answerId }, as.asker)).statusCode).toBe(200);
    expect((await api(t, 'PUT', `/api/v1/topics/${secretQ.topicId}/accepted`, { postId: secretQ.answerId }, as.asker)).statusCode).toBe(200);
  });
  afterAll(async () => t.close());

  it('keeps expertise up to date as votes and acceptances happen, with the evidence linked', async () => {
    const res = await api(t, 'GET', `/api/v1/users/${w.expert.username}/expertise?tag=chisels`);
    expect(res.statusCode).toBe(200);
    const [chisels] = res.json().items;
    // Public only (anonymous): accepted 10 + 3 upvotes × 2 = 16, undecayed (all happened now).
    expect(chisels.score).toBe(16);
    expect(chisels.evidence.map((e: { kind: string }) => e.kind).sort()).toEqual(['accepted_answer', 'answer_votes']);
    expect(chisels.evidence[0].url).toBe(`/c/${w.pub.slug}/t/${pubQ.topicId}#post-${pubQ.answerId}`);
  });

  it('shows private-community evidence and reputation to its members only', async () => {
    const outsider = (await api(t, 'GET', `/api/v1/users/${w.expert.username}/expertise`, undefined, as.outsider)).json();
    expect(JSON.stringify(outsider)).not.toContain('back-room');
    expect(outsider.items[0].score).toBe(16);
    const member = (await api(t, 'GET', `/api/v1/users/${w.expert.username}/expertise`, undefined, as.v1)).json();
    expect(member.items[0].score).toBe(26);
    expect(JSON.stringify(member)).toContain('A back-room question');
    const repOut = (await api(t, 'GET', `/api/v1/users/${w.expert.username}/recognition`, undefined, as.outsider)).json();
    expect(repOut.reputation).toBe(3 * 10 + 15);
    expect(repOut.communities.map((c: { slug: string }) => c.slug)).toEqual([w.pub.slug]);
    const repIn = (await api(t, 'GET', `/api/v1/users/${w.expert.username}/recognition`, undefined, as.v1)).json();
    expect(repIn.reputation).toBe(3 * 10 + 15 + 15);
    const page = await t.app.inject({ method: 'GET', url: `/u/${w.expert.username}/expertise/chisels`, headers: { cookie: as.outsider!.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('back-room');
  });

  it('awards the first accepted answer once, with one badge.awarded activity row', async () => {
    expect(await badgeRows('first_accepted_answer')).toHaveLength(1);
    expect((await apiDelete(t, `/api/v1/topics/${pubQ.topicId}/accepted`, as.asker)).statusCode).toBe(200);
    expect((await api(t, 'GET', `/api/v1/users/${w.expert.username}/recognition`)).json().reputation).toBe(3 * 10);
    expect((await api(t, 'PUT', `/api/v1/topics/${pubQ.topicId}/accepted`, { postId: pubQ.answerId }, as.asker)).statusCode).toBe(200);
    expect(await badgeRows('first_accepted_answer')).toHaveLength(1);
    const acts = await t.deps.db.selectFrom('activity').select('data').where('verb', '=', 'badge.awarded').where('actor_id', '=', w.expert.id).execute();
    expect(acts.filter((a) => a.data.includes('first_accepted_answer'))).toHaveLength(1);
    const rec = (await api(t, 'GET', `/api/v1/users/${w.expert.username}/recognition`)).json();
    expect(rec.badges.map((b: { badge: string }) => b.badge)).toContain('first_accepted_answer');
  });

  it('takes a vote back out of reputation and expertise', async () => {
    expect((await apiDelete(t, `/api/v1/posts/${pubQ.answerId}/vote`, as.v3)).statusCode).toBe(200);
    const rec = (await api(t, 'GET', `/api/v1/users/${w.expert.username}/recognition`)).json();
    expect(rec.reputation).toBe(2 * 10 + 15);
    await api(t, 'PUT', `/api/v1/posts/${pubQ.answerId}/vote`, { value: 1 }, as.v3);
  });

  it('stops counting a deleted answer in reputation and expertise, and counts it again when restored', async () => {
    await t.deps.db.updateTable('posts').set({ deleted_at: '2026-11-01T09:00:00.000Z' }).where('id', '=', pubQ.answerId).execute();
    expect((await api(t, 'GET', `/api/v1/users/${w.expert.username}/recognition`)).json().reputation).toBe(0);
    expect((await api(t, 'GET', `/api/v1/communities/${w.pub.slug}/leaderboard`)).json().items).toEqual([]);
    expect((await api(t, 'GET', `/api/v1/users/${w.expert.username}/expertise`)).json().items).toEqual([]);
    await t.deps.db.updateTable('posts').set({ deleted_at: null }).where('id', '=', pubQ.answerId).execute();
    expect((await api(t, 'GET', `/api/v1/users/${w.expert.username}/recognition`)).json().reputation).toBe(45);
  });

  it('follows a retagged question: its answer’s expertise moves to the new tag', async () => {
    const res = await api(t, 'PATCH', `/api/v1/posts/${pubQ.openingId}`, { tags: ['planes'], reason: 'retag' }, as.asker);
    expect(res.statusCode).toBe(200);
    const items = (await api(t, 'GET', `/api/v1/users/${w.expert.username}/expertise`)).json().items;
    expect(items.map((i: { tag: string }) => i.tag)).toEqual(['planes']);
    expect((await api(t, 'PATCH', `/api/v1/posts/${pubQ.openingId}`, { tags: ['chisels'], reason: 'retag back' }, as.asker)).statusCode).toBe(200);
  });

  it('shows demonstrated expertise, reputation and badges on the profile page', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/u/${w.expert.username}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Demonstrated expertise');
    expect(res.body).toContain(`/u/${w.expert.username}/expertise/chisels`);
    expect(res.body).toContain('First accepted answer');
    expect(res.body).toContain(`/c/${w.pub.slug}/leaderboard`);
  });

  describe('leaderboard', () => {
    it('ranks members by reputation in the community', async () => {
      const res = await api(t, 'GET', `/api/v1/communities/${w.pub.slug}/leaderboard`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items[0]).toMatchObject({ rank: 1, username: w.expert.username, reputation: 45 });
      const page = await t.app.inject({ method: 'GET', url: `/c/${w.pub.slug}/leaderboard` });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(w.expert.display_name);
    });

    it('is 404 for outsiders of a private community', async () => {
      expect((await api(t, 'GET', `/api/v1/communities/${w.secret.slug}/leaderboard`, undefined, as.outsider)).statusCode).toBe(404);
      expect((await api(t, 'GET', `/api/v1/communities/${w.secret.slug}/leaderboard`, undefined, as.v1)).statusCode).toBe(200);
    });

    it('refuses members who are not stewards (403) and writes nothing', async () => {
      const res = await api(t, 'PUT', `/api/v1/communities/${w.pub.slug}/leaderboard/settings`, { leaderboardEnabled: false }, as.v1);
      expect(res.statusCode).toBe(403);
      expect(await t.deps.db.selectFrom('community_recognition_settings').selectAll().execute()).toEqual([]);
    });

    it('rejects a non-boolean setting with 400 naming the field', async () => {
      const res = await api(t, 'PUT', `/api/v1/communities/${w.pub.slug}/leaderboard/settings`, { leaderboardEnabled: 'maybe' }, as.steward);
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json())).toContain('leaderboardEnabled');
    });

    it('can be turned off by a steward: page and API 404, link gone from profiles; and on again', async () => {
      const off = await api(t, 'PUT', `/api/v1/communities/${w.pub.slug}/leaderboard/settings`, { leaderboardEnabled: false }, as.steward);
      expect(off.statusCode).toBe(200);
      expect((await api(t, 'GET', `/api/v1/communities/${w.pub.slug}/leaderboard`)).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'GET', url: `/c/${w.pub.slug}/leaderboard` })).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'GET', url: `/u/${w.expert.username}` })).body).not.toContain(`/c/${w.pub.slug}/leaderboard`);
      const act = await t.deps.db.selectFrom('activity').select('data').where('verb', '=', 'community.leaderboard_changed').execute();
      expect(act).toHaveLength(1);
      const settings = await t.app.inject({ method: 'GET', url: `/c/${w.pub.slug}/leaderboard/settings`, headers: { cookie: as.steward!.cookie } });
      expect(settings.statusCode).toBe(200);
      expect(settings.body).toContain('Turn the leaderboard on');
      expect((await api(t, 'PUT', `/api/v1/communities/${w.pub.slug}/leaderboard/settings`, { leaderboardEnabled: true }, as.steward)).statusCode).toBe(200);
      expect((await api(t, 'GET', `/api/v1/communities/${w.pub.slug}/leaderboard`)).statusCode).toBe(200);
    });
  });
});
