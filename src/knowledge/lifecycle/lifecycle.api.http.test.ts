import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { tickingClock } from '../../discussions/discussions.fixtures.ts';
import { endorse, expectStatus, lifecycleCounts, lifecycleWorld, stateOf, transition, writeTagged } from './lifecycle.fixtures.ts';

interface LifecycleJson {
  state: string;
  reviewDueAt: string | null;
  successor: { id: number; title: string } | null;
  supersedes: Array<{ id: number }>;
  transitions: Array<{ from: string; to: string; actor: { username: string } | null; reason: string; successor: { id: number } | null }>;
  endorsements: Array<{ user: { username: string }; note: string; current: boolean }>;
  viewer: { transitions: string[]; mayEndorse: boolean; hasEndorsed: boolean; mayDelete: boolean };
}

describeEachDialect('article lifecycle API', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof lifecycleWorld>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await lifecycleWorld(t);
  });
  afterAll(async () => t.close());

  const lifecycle = async (id: number) => expectStatus(await api(t, 'GET', `/api/v1/articles/${id}/lifecycle`, undefined, w.as.member), 200).json() as LifecycleJson;
  const verbs = async (id: number) => (await t.deps.db.selectFrom('activity').select('verb').where('subject_type', '=', 'article').where('subject_id', '=', id).orderBy('id').execute()).map((r) => r.verb);
  const proposed = async () => {
    const id = await writeTagged(t, w.as.member, w.pub.slug);
    expectStatus(await transition(t, id, { to: 'proposed', reason: 'Ready for review' }, w.as.member), 200);
    return id;
  };
  /** Expects a refusal with this status that writes nothing; returns the error body. */
  const refused = async (status: number, call: () => ReturnType<typeof api>) => {
    const before = await lifecycleCounts(t.deps.db);
    const res = await call();
    expect(res.statusCode, res.body).toBe(status);
    expect(await lifecycleCounts(t.deps.db)).toEqual(before);
    return (res.json() as { error: { code: string; message: string; details: Array<{ field: string }> } }).error;
  };

  describe('proposing and withdrawing', () => {
    it('lets an owner propose a draft, recording who and why, with an activity row', async () => {
      const id = await writeTagged(t, w.as.member, w.pub.slug);
      const res = expectStatus(await transition(t, id, { to: 'proposed', reason: 'Ready for review' }, w.as.member), 200);
      const body = res.json() as LifecycleJson;
      expect(body.state).toBe('proposed');
      expect(body.transitions).toMatchObject([{ from: 'draft', to: 'proposed', actor: { username: w.member.username }, reason: 'Ready for review' }]);
      expect(await verbs(id)).toEqual(['article.created', 'article.proposed']);
      expect((await api(t, 'GET', `/api/v1/articles/${id}`, undefined, w.as.other)).json()).toMatchObject({ state: 'proposed' });
    });

    it('lets an owner withdraw a proposal back to draft', async () => {
      const id = await proposed();
      expect((expectStatus(await transition(t, id, { to: 'draft' }, w.as.member), 200).json() as LifecycleJson).state).toBe('draft');
      expect(await verbs(id)).toContain('article.proposal_withdrawn');
    });

    it('refuses a member who is not an owner with 403 and writes nothing', async () => {
      const id = await writeTagged(t, w.as.member, w.pub.slug);
      const e = await refused(403, () => transition(t, id, { to: 'proposed' }, w.as.other));
      expect(e.message).toMatch(/owners/);
    });

    it('refuses an impossible transition with 409 naming the field and writes nothing', async () => {
      const id = await writeTagged(t, w.as.member, w.pub.slug);
      const e = await refused(409, () => transition(t, id, { to: 'endorsed' }, w.as.member));
      expect(e.details).toEqual([{ field: 'to', message: expect.stringMatching(/draft article cannot become endorsed/) }]);
      await refused(409, () => transition(t, id, { to: 'draft' }, w.as.member));
    });

    it('refuses a proposed → endorsed state change, pointing to endorsements', async () => {
      const id = await proposed();
      expect((await refused(409, () => transition(t, id, { to: 'endorsed' }, w.as.steward))).message).toMatch(/endorsements/);
    });

    it('refuses an unknown state or an overlong reason with 400 naming the field', async () => {
      const id = await writeTagged(t, w.as.member, w.pub.slug);
      const e = await refused(400, () => transition(t, id, { to: 'published' }, w.as.member));
      expect(e.details.map((d) => d.field)).toContain('to');
      await refused(400, () => transition(t, id, { to: 'proposed', reason: 'x'.repeat(501) }, w.as.member));
    });
  });

  describe('endorsing', () => {
    it('endorses after three endorsements by members with expertise, and schedules the review', async () => {
      const id = await proposed();
      expect((expectStatus(await endorse(t, id, w.experts[0], 'Works for me'), 201).json() as LifecycleJson).state).toBe('proposed');
      expectStatus(await endorse(t, id, w.experts[1]), 201);
      expect(await stateOf(t.deps.db, id)).toBe('proposed');
      const body = expectStatus(await endorse(t, id, w.experts[2]), 201).json() as LifecycleJson;
      expect(body.state).toBe('endorsed');
      expect(body.endorsements).toHaveLength(3);
      expect(body.endorsements[0]).toMatchObject({ user: { username: w.expertUsers[0]?.username }, note: 'Works for me', current: true });
      expect(body.transitions.at(-1)).toMatchObject({ from: 'proposed', to: 'endorsed', actor: { username: w.expertUsers[2]?.username } });
      const row = await t.deps.db.selectFrom('articles').select(['reviewed_at', 'review_due_at']).where('id', '=', id).executeTakeFirstOrThrow();
      expect(Date.parse(row.review_due_at ?? '') - Date.parse(row.reviewed_at ?? '')).toBe(180 * 24 * 3600 * 1000);
      expect((await verbs(id)).filter((v) => v.startsWith('article.endorse'))).toEqual(['article.endorsement_added', 'article.endorsement_added', 'article.endorsement_added', 'article.endorsed']);
    });

    it('endorses at once when a steward endorses', async () => {
      const id = await proposed();
      const body = expectStatus(await endorse(t, id, w.as.steward), 201).json() as LifecycleJson;
      expect(body.state).toBe('endorsed');
      expect(body.transitions.at(-1)?.reason).toMatch(/steward/);
    });

    it('refuses endorsing your own article with 403 and writes nothing', async () => {
      const id = await proposed();
      expect((await refused(403, () => endorse(t, id, w.as.member))).message).toMatch(/own/);
    });

    it('refuses a co-owner who is a steward too', async () => {
      const id = await proposed();
      expectStatus(await api(t, 'PUT', `/api/v1/articles/${id}/owners/${w.steward.username}`, {}, w.as.member), 200);
      expect((await refused(403, () => endorse(t, id, w.as.steward))).message).toMatch(/own/);
    });

    it('refuses endorsing without demonstrated expertise, explaining why', async () => {
      const id = await proposed();
      expect((await refused(403, () => endorse(t, id, w.as.other))).message).toMatch(/expertise/);
    });

    it('refuses endorsing a draft or an endorsed article with 409', async () => {
      const draft = await writeTagged(t, w.as.member, w.pub.slug);
      expect((await refused(409, () => endorse(t, draft, w.experts[0]))).message).toMatch(/proposed/);
      const id = await proposed();
      expectStatus(await endorse(t, id, w.as.steward), 201);
      await refused(409, () => endorse(t, id, w.experts[0]));
    });

    it('refuses a second endorsement by the same member with 409', async () => {
      const id = await proposed();
      expectStatus(await endorse(t, id, w.experts[0]), 201);
      await refused(409, () => endorse(t, id, w.experts[0]));
    });

    it('lets an endorsement be withdrawn while proposed, not after the article is endorsed', async () => {
      const id = await proposed();
      expectStatus(await endorse(t, id, w.experts[0]), 201);
      const body = expectStatus(await api(t, 'DELETE', `/api/v1/articles/${id}/endorsements/me`, {}, w.experts[0]), 200).json() as LifecycleJson;
      expect(body.endorsements).toEqual([]);
      await refused(409, () => api(t, 'DELETE', `/api/v1/articles/${id}/endorsements/me`, {}, w.experts[0]));
      expectStatus(await endorse(t, id, w.experts[1]), 201);
      expectStatus(await endorse(t, id, w.as.steward), 201);
      await refused(409, () => api(t, 'DELETE', `/api/v1/articles/${id}/endorsements/me`, {}, w.experts[1]));
    });

    it('does not count expertise from another community', async () => {
      // Cat has expertise only in the private community; the article is in the public one.
      const { giveExpertise } = await import('./lifecycle.fixtures.ts');
      await giveExpertise(t.deps.db, w.priv.id, w.other.id, 'knives');
      const id = await proposed();
      await refused(403, () => endorse(t, id, w.as.other));
    });
  });

  describe('review, superseding and archiving', () => {
    const endorsed = async () => {
      const id = await proposed();
      expectStatus(await endorse(t, id, w.as.steward), 201);
      return id;
    };

    it('lets any member flag an endorsed article outdated with a reason, and an owner re-confirm it', async () => {
      const id = await endorsed();
      await refused(400, () => transition(t, id, { to: 'needs_review' }, w.as.other));
      const flagged = expectStatus(await transition(t, id, { to: 'needs_review', reason: 'The stone grit advice is outdated' }, w.as.other), 200).json() as LifecycleJson;
      expect(flagged).toMatchObject({ state: 'needs_review', reviewDueAt: null });
      await refused(403, () => transition(t, id, { to: 'endorsed' }, w.as.other));
      const again = expectStatus(await transition(t, id, { to: 'endorsed', reason: 'Checked: still right' }, w.as.member), 200).json() as LifecycleJson;
      expect(again.state).toBe('endorsed');
      expect(again.reviewDueAt).not.toBeNull();
      expect(await verbs(id)).toEqual(expect.arrayContaining(['article.needs_review', 'article.reconfirmed']));
    });

    it('supersedes with a successor in the same community; both articles say so', async () => {
      const id = await endorsed();
      const successor = await writeTagged(t, w.as.other, w.pub.slug, { title: 'Sharpen a knife, better' });
      const body = expectStatus(await transition(t, id, { to: 'superseded', successorId: successor, reason: 'New method' }, w.as.steward), 200).json() as LifecycleJson;
      expect(body).toMatchObject({ state: 'superseded', successor: { id: successor, title: 'Sharpen a knife, better' } });
      expect(body.transitions.at(-1)).toMatchObject({ to: 'superseded', successor: { id: successor } });
      expect((await lifecycle(successor)).supersedes).toEqual([{ id, title: 'Sharpen a knife' }]);
    });

    it('refuses a successor that is itself, in another community, missing or archived with 400 naming successorId', async () => {
      const id = await endorsed();
      const elsewhere = await writeTagged(t, w.as.member, w.priv.slug);
      const archived = await writeTagged(t, w.as.member, w.pub.slug);
      expectStatus(await transition(t, archived, { to: 'archived', reason: 'Old' }, w.as.member), 200);
      for (const successorId of [id, elsewhere, 999999, archived, undefined]) {
        const e = await refused(400, () => transition(t, id, { to: 'superseded', ...(successorId ? { successorId } : {}) }, w.as.steward));
        expect(e.details.map((d) => d.field)).toEqual(['successorId']);
      }
      // The message for another community's article is the same as for a missing one.
      const a = await refused(400, () => transition(t, id, { to: 'superseded', successorId: elsewhere }, w.as.steward));
      const b = await refused(400, () => transition(t, id, { to: 'superseded', successorId: 999999 }, w.as.steward));
      expect(a.message).toBe(b.message);
    });

    it('archives with a reason from any state, hides archived and superseded articles from the default list, and shows them by state', async () => {
      const id = await writeTagged(t, w.as.member, w.pub.slug, { title: 'To be archived' });
      await refused(400, () => transition(t, id, { to: 'archived' }, w.as.member));
      await refused(403, () => transition(t, id, { to: 'archived', reason: 'Not mine' }, w.as.other));
      expectStatus(await transition(t, id, { to: 'archived', reason: 'Wrong approach' }, w.as.member), 200);
      await refused(409, () => transition(t, id, { to: 'draft' }, w.as.steward));
      const list = async (qs: string) => ((await api(t, 'GET', `/api/v1/communities/${w.pub.slug}/articles?limit=100${qs}`)).json() as { items: Array<{ id: number; state: string }> }).items;
      expect((await list('')).map((a) => a.id)).not.toContain(id);
      expect((await list('')).every((a) => a.state !== 'archived' && a.state !== 'superseded')).toBe(true);
      expect((await list('&state=archived')).map((a) => a.id)).toContain(id);
      expect((await list('&state=archived')).every((a) => a.state === 'archived')).toBe(true);
      expect((await api(t, 'GET', `/api/v1/communities/${w.pub.slug}/articles?state=gone`)).statusCode).toBe(400);
    });
  });

  describe('deleting', () => {
    it('lets an owner delete a draft that was never proposed, with everything attached and an activity row', async () => {
      const id = await writeTagged(t, w.as.member, w.pub.slug);
      const res = await api(t, 'DELETE', `/api/v1/articles/${id}`, {}, w.as.member);
      expect(res.statusCode).toBe(204);
      expect(await stateOf(t.deps.db, id)).toBeUndefined();
      expect(await t.deps.db.selectFrom('article_tags').select('tag').where('article_id', '=', id).execute()).toEqual([]);
      expect(await verbs(id)).toEqual(['article.created', 'article.deleted']);
      expect((await api(t, 'GET', `/api/v1/articles/${id}/lifecycle`, undefined, w.as.member)).statusCode).toBe(404);
    });

    it('refuses an owner once the draft was proposed, and a member; lets a steward delete anything', async () => {
      const id = await proposed();
      expectStatus(await transition(t, id, { to: 'draft' }, w.as.member), 200);
      expect((await refused(403, () => api(t, 'DELETE', `/api/v1/articles/${id}`, {}, w.as.member))).message).toMatch(/never proposed/);
      await refused(403, () => api(t, 'DELETE', `/api/v1/articles/${id}`, {}, w.as.other));
      expectStatus(await endorse(t, await proposed(), w.as.steward), 201);
      expect((await api(t, 'DELETE', `/api/v1/articles/${id}`, {}, w.as.steward)).statusCode).toBe(204);
    });

    it('keeps the successor when the superseded article is deleted, and forgets the link', async () => {
      const id = await proposed();
      const successor = await writeTagged(t, w.as.member, w.pub.slug);
      expectStatus(await transition(t, id, { to: 'superseded', successorId: successor }, w.as.member), 200);
      expect((await api(t, 'DELETE', `/api/v1/articles/${successor}`, {}, w.as.steward)).statusCode).toBe(204);
      const body = await lifecycle(id);
      expect(body.successor).toBeNull();
      expect(body.transitions.at(-1)?.successor).toBeNull();
    });
  });

  it('documents every lifecycle API route in the OpenAPI document with a summary, the state enum and its error answers', async () => {
    const doc = (await t.app.inject('/api/v1/openapi.json')).json();
    const ops: Array<[string, string]> = [
      ['/api/v1/articles/{id}/lifecycle', 'get'], ['/api/v1/articles/{id}/transitions', 'post'], ['/api/v1/articles/{id}/endorsements', 'post'], ['/api/v1/articles/{id}/endorsements/me', 'delete'],
      ['/api/v1/articles/{id}', 'delete'], ['/api/v1/communities/{slug}/knowledge-settings', 'get'], ['/api/v1/communities/{slug}/knowledge-settings', 'put'],
    ];
    for (const [path, method] of ops) {
      const op = doc.paths[path]?.[method];
      expect(op?.tags, `${method} ${path}`).toEqual(['articles']);
      expect(op.summary).toEqual(expect.any(String));
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(method === 'get' && path.endsWith('lifecycle') ? ['200', '404'] : ['401', '403', '404']));
    }
    expect(JSON.stringify(doc.paths['/api/v1/articles/{id}/transitions'].post)).toContain('needs_review');
    expect(JSON.stringify(doc.paths['/api/v1/communities/{slug}/articles'].get)).toContain('superseded');
  });
});
