import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, fakeClock, signInAs, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { sweepReviews, REVIEW_INTERVAL_REASON } from './lifecycle.sweep.ts';
import { endorse, expectStatus, lifecycleCounts, lifecycleWorld, stateOf, transition, writeTagged } from './lifecycle.fixtures.ts';

const DAY = 24 * 3600 * 1000;

describeEachDialect('knowledge settings and the review interval', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof lifecycleWorld>>;
  const clock = fakeClock();
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock });
    w = await lifecycleWorld(t);
  });
  afterAll(async () => t.close());

  const settingsUrl = () => `/api/v1/communities/${w.pub.slug}/knowledge-settings`;
  const defaults = { wikiDefault: false, membersEditAll: false, stewardEndorsement: true, endorsementsRequired: 3, reviewIntervalDays: 180 };
  const put = (body: Record<string, unknown>, as = w.as.steward) => api(t, 'PUT', settingsUrl(), { ...defaults, ...body }, as);
  /** Moves the clock on; sessions expire meanwhile, so everyone signs in again. */
  const advance = async (ms: number) => {
    clock.advance(ms);
    w.as.member = await signInAs(t, w.member.id);
    w.as.steward = await signInAs(t, w.steward.id);
    for (const [i, u] of w.expertUsers.entries()) w.experts[i] = await signInAs(t, u.id);
  };
  const endorsedArticle = async () => {
    const id = await writeTagged(t, w.as.member, w.pub.slug);
    expectStatus(await transition(t, id, { to: 'proposed' }, w.as.member), 200);
    expectStatus(await endorse(t, id, w.as.steward), 201);
    return id;
  };

  describe('settings', () => {
    it('gives stewards the defaults, and refuses members (403) and outsiders of a private community (404)', async () => {
      expect(expectStatus(await api(t, 'GET', settingsUrl(), undefined, w.as.steward), 200).json()).toEqual(defaults);
      expect((await api(t, 'GET', settingsUrl(), undefined, w.as.member)).statusCode).toBe(403);
      expect((await api(t, 'GET', `/api/v1/communities/${w.priv.slug}/knowledge-settings`, undefined, w.as.outsider)).statusCode).toBe(404);
    });

    it('refuses values out of range with 400 naming each field, and writes nothing', async () => {
      for (const bad of [{ endorsementsRequired: 0 }, { endorsementsRequired: 21 }, { reviewIntervalDays: 6 }, { reviewIntervalDays: 1826 }, { endorsementsRequired: 2.5 }, { stewardEndorsement: 'yes' }, { reviewIntervalDays: '30 days' }]) {
        const before = await lifecycleCounts(t.deps.db);
        const res = await put(bad);
        expect(res.statusCode, JSON.stringify(bad)).toBe(400);
        const field = Object.keys(bad)[0] ?? '';
        expect(JSON.stringify((res.json() as { error: { details: unknown } }).error.details)).toContain(field);
        expect(await lifecycleCounts(t.deps.db)).toEqual(before);
      }
    });

    it('with N = 1 one endorsement by a member with expertise endorses; with steward endorsement off a steward needs expertise', async () => {
      expectStatus(await put({ endorsementsRequired: 1, stewardEndorsement: false }), 200);
      const a = await writeTagged(t, w.as.member, w.pub.slug);
      expectStatus(await transition(t, a, { to: 'proposed' }, w.as.member), 200);
      expect((await endorse(t, a, w.as.steward)).statusCode).toBe(403);
      expectStatus(await endorse(t, a, w.experts[0]), 201);
      expect(await stateOf(t.deps.db, a)).toBe('endorsed');
      expectStatus(await put({}), 200);
    });

    it('lets every member edit every article when the community says so, and starts new articles as wiki by default', async () => {
      const id = await writeTagged(t, w.as.member, w.pub.slug);
      expect((await api(t, 'PATCH', `/api/v1/articles/${id}`, { body: 'Edited by Cat.' }, w.as.other)).statusCode).toBe(403);
      expectStatus(await put({ membersEditAll: true, wikiDefault: true }), 200);
      expect((await api(t, 'PATCH', `/api/v1/articles/${id}`, { body: 'Edited by Cat.' }, w.as.other)).statusCode).toBe(200);
      expect((await api(t, 'PATCH', `/api/v1/articles/${id}`, { body: 'Edited by an outsider.' }, w.as.outsider)).statusCode).toBe(403);
      const created = expectStatus(await api(t, 'POST', `/api/v1/communities/${w.pub.slug}/articles`, { type: 'how-to', title: 'Wiki by default', body: 'Text.' }, w.as.member), 201).json() as { wiki: boolean };
      expect(created.wiki).toBe(true);
      expectStatus(await put({}), 200);
    });
  });

  describe('review interval', () => {
    it('moves an endorsed article to needs_review when the interval passes, on read, with the system as actor', async () => {
      const id = await endorsedArticle();
      await advance(179 * DAY);
      expect(((await api(t, 'GET', `/api/v1/articles/${id}`)).json() as { state: string }).state).toBe('endorsed');
      await advance(2 * DAY);
      const body = expectStatus(await api(t, 'GET', `/api/v1/articles/${id}/lifecycle`), 200).json() as { state: string; transitions: Array<{ to: string; actor: unknown; reason: string }> };
      expect(body.state).toBe('needs_review');
      expect(body.transitions.at(-1)).toEqual(expect.objectContaining({ to: 'needs_review', actor: null, reason: REVIEW_INTERVAL_REASON }));
      const act = await t.deps.db.selectFrom('activity').select(['verb', 'actor_id']).where('subject_id', '=', id).where('subject_type', '=', 'article').orderBy('id', 'desc').executeTakeFirstOrThrow();
      expect(act).toEqual({ verb: 'article.needs_review', actor_id: null });
    });

    it('moves due articles when the community’s list is read, and sweepReviews moves the rest', async () => {
      const listed = await endorsedArticle();
      const swept = await endorsedArticle();
      await advance(181 * DAY);
      await api(t, 'GET', `/c/${w.pub.slug}/articles`);
      expect(await stateOf(t.deps.db, listed)).toBe('needs_review');
      expect(await stateOf(t.deps.db, swept)).toBe('needs_review');
      const inPrivate = await writeTagged(t, w.as.member, w.priv.slug);
      expectStatus(await transition(t, inPrivate, { to: 'proposed' }, w.as.member), 200);
      expectStatus(await endorse(t, inPrivate, w.as.steward), 201);
      await advance(181 * DAY);
      expect(await sweepReviews(t.deps)).toBeGreaterThanOrEqual(1);
      expect(await stateOf(t.deps.db, inPrivate)).toBe('needs_review');
      expect(await sweepReviews(t.deps)).toBe(0);
    });

    it('re-confirmation resets the review clock; a shorter interval brings the review forward', async () => {
      const id = await endorsedArticle();
      await advance(200 * DAY);
      await sweepReviews(t.deps);
      expectStatus(await transition(t, id, { to: 'endorsed', reason: 'Still good' }, w.as.steward), 200);
      await advance(100 * DAY);
      await sweepReviews(t.deps);
      expect(await stateOf(t.deps.db, id)).toBe('endorsed');
      expectStatus(await put({ reviewIntervalDays: 30 }), 200);
      await sweepReviews(t.deps);
      expect(await stateOf(t.deps.db, id)).toBe('needs_review');
      expectStatus(await put({}), 200);
    });

    it('collects a fresh round of endorsements in needs_review', async () => {
      const id = await writeTagged(t, w.as.member, w.pub.slug);
      expectStatus(await transition(t, id, { to: 'proposed' }, w.as.member), 200);
      for (const e of w.experts) expectStatus(await endorse(t, id, e), 201);
      expect(await stateOf(t.deps.db, id)).toBe('endorsed');
      await advance(181 * DAY);
      const body = expectStatus(await api(t, 'GET', `/api/v1/articles/${id}/lifecycle`, undefined, w.experts[0]), 200).json() as { state: string; endorsements: Array<{ current: boolean }>; viewer: { mayEndorse: boolean } };
      expect(body.state).toBe('needs_review');
      expect(body.endorsements.filter((e) => e.current)).toEqual([]);
      expect(body.viewer.mayEndorse).toBe(true);
      expectStatus(await endorse(t, id, w.experts[0]), 201);
      expectStatus(await endorse(t, id, w.experts[1]), 201);
      expect(await stateOf(t.deps.db, id)).toBe('needs_review');
      expectStatus(await endorse(t, id, w.experts[2]), 201);
      expect(await stateOf(t.deps.db, id)).toBe('endorsed');
    });
  });
});
