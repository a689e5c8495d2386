import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api, buildTestApp, postForm, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { apiDelete, makeAnswer, makeQuestion, qaCounts, qaWorld } from './answers.fixtures.ts';

describeEachDialect('accepted answers API', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof qaWorld>>;
  let q: { topicId: number; openingId: number };
  let first: number;
  let second: number;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    w = await qaWorld(t);
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    await t.deps.db.updateTable('communities').set({ accept_by: 'asker_or_steward' }).execute();
    q = await makeQuestion(t.deps.db, w.pub.id, w.asker.id);
    first = await makeAnswer(t.deps.db, q.topicId, w.answerer.id);
    second = await makeAnswer(t.deps.db, q.topicId, w.voter.id);
  });

  type Who = keyof typeof w.as;
  const accept = (postId: unknown, who: Who = 'asker', topicId = q.topicId) => api(t, 'PUT', `/api/v1/topics/${topicId}/accepted`, { postId }, w.as[who]);
  const unaccept = (who: Who = 'asker', topicId = q.topicId) => apiDelete(t, `/api/v1/topics/${topicId}/accepted`, w.as[who]);
  const acceptedOf = async (topicId = q.topicId) => (await t.deps.db.selectFrom('topics').select('accepted_post_id').where('id', '=', topicId).executeTakeFirstOrThrow()).accepted_post_id;
  const activity = (verb: string) => t.deps.db.selectFrom('activity').selectAll().where('verb', '=', verb).orderBy('id', 'desc').executeTakeFirst();

  async function refusedWritingNothing(call: () => Promise<{ statusCode: number; json(): unknown }>, status: number) {
    const before = await qaCounts(t.deps.db);
    const res = await call();
    expect(res.statusCode).toBe(status);
    expect(await qaCounts(t.deps.db)).toEqual(before);
    return res.json() as { error: { message: string; details: Array<{ field: string }> } };
  }

  describe('PUT /api/v1/topics/:id/accepted', () => {
    it('lets the asker accept an answer, records answer.accepted and keeps one accepted answer', async () => {
      const res = await accept(first);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ topicId: q.topicId, acceptedPostId: first });
      expect(await acceptedOf()).toBe(first);
      const act = await activity('answer.accepted');
      expect(act).toMatchObject({ actor_id: w.asker.id, community_id: w.pub.id, subject_type: 'post', subject_id: first });
      expect(JSON.parse(act!.data)).toEqual({ topicId: q.topicId, previous: null, answerAuthorId: w.answerer.id });
    });

    it('changes the accepted answer to another one (previous named), and accepting it again writes nothing', async () => {
      await accept(first);
      expect((await accept(second)).json()).toEqual({ topicId: q.topicId, acceptedPostId: second });
      expect(JSON.parse((await activity('answer.accepted'))!.data)).toMatchObject({ previous: first });
      await refusedWritingNothing(() => accept(second), 200);
      expect(await acceptedOf()).toBe(second);
    });

    it('refuses on a discussion with 400 "Only questions have accepted answers" and writes nothing', async () => {
      const d = await makeQuestion(t.deps.db, w.pub.id, w.asker.id, { kind: 'discussion' });
      const reply = await makeAnswer(t.deps.db, d.topicId, w.answerer.id, { kind: 'reply' });
      const body = await refusedWritingNothing(() => accept(reply, 'asker', d.topicId), 400);
      expect(body.error.message).toBe('Only questions have accepted answers');
    });

    it('refuses a post that is not an answer to this question with 400 naming postId', async () => {
      const other = await makeQuestion(t.deps.db, w.pub.id, w.asker.id);
      const elsewhere = await makeAnswer(t.deps.db, other.topicId, w.answerer.id);
      for (const postId of [q.openingId, elsewhere, 99_999_999]) {
        const body = await refusedWritingNothing(() => accept(postId), 400);
        expect(body.error.details).toEqual([{ field: 'postId', message: `Post ${postId} is not an answer to this question` }]);
      }
      await t.deps.db.updateTable('posts').set({ deleted_at: new Date().toISOString() }).where('id', '=', first).execute();
      await refusedWritingNothing(() => accept(first), 400);
    });

    it('refuses a missing or malformed postId with 400 naming postId', async () => {
      for (const body of [{}, { postId: 'x' }, { postId: 0 }]) {
        const res = await refusedWritingNothing(() => api(t, 'PUT', `/api/v1/topics/${q.topicId}/accepted`, body, w.as.asker), 400);
        expect(res.error.details[0]?.field).toBe('postId');
      }
    });

    it('refuses members who are not allowed with 403, non-members with 403, anonymous with 401, and writes nothing', async () => {
      expect((await refusedWritingNothing(() => accept(first, 'voter'), 403)).error.message).toMatch(/person who asked, or a steward or moderator/);
      await refusedWritingNothing(() => accept(first, 'answerer'), 403);
      expect((await refusedWritingNothing(() => accept(first, 'outsider'), 403)).error.message).toMatch(/Only members/);
      await refusedWritingNothing(() => accept(first, 'admin'), 403);
      await refusedWritingNothing(() => api(t, 'PUT', `/api/v1/topics/${q.topicId}/accepted`, { postId: first }), 401);
    });

    it('refuses in a locked topic with 409 and writes nothing', async () => {
      await t.deps.db.updateTable('topics').set({ locked_at: new Date().toISOString() }).where('id', '=', q.topicId).execute();
      await refusedWritingNothing(() => accept(first), 409);
      await refusedWritingNothing(() => unaccept(), 409);
    });

    it("answers 404 to non-members for a private community's question", async () => {
      const s = await makeQuestion(t.deps.db, w.secret.id, w.asker.id);
      const a = await makeAnswer(t.deps.db, s.topicId, w.answerer.id);
      for (const who of ['outsider', 'admin'] as const) {
        await refusedWritingNothing(() => accept(a, who, s.topicId), 404);
        await refusedWritingNothing(() => unaccept(who, s.topicId), 404);
      }
      expect((await accept(a, 'asker', s.topicId)).statusCode).toBe(200);
    });
  });

  describe('who may accept, by the community setting accept_by', () => {
    const cases: Array<[string, Record<Who, boolean>]> = [
      ['asker', { asker: true, steward: false, moderator: false, answerer: false, voter: false, outsider: false, admin: false }],
      ['steward', { asker: false, steward: true, moderator: true, answerer: false, voter: false, outsider: false, admin: false }],
      ['asker_or_steward', { asker: true, steward: true, moderator: true, answerer: false, voter: false, outsider: false, admin: false }],
    ];
    for (const [setting, allowed] of cases) {
      it(`accept_by=${setting}: ${Object.keys(allowed).filter((k) => allowed[k as Who]).join(', ')} may accept and unaccept; no one else`, async () => {
        const patch = await api(t, 'PATCH', `/api/v1/communities/${w.pub.slug}`, { acceptBy: setting }, w.as.steward);
        expect(patch.statusCode).toBe(200);
        expect(patch.json()).toMatchObject({ acceptBy: setting });
        const got: Record<string, [number, number]> = {};
        for (const who of Object.keys(allowed) as Who[]) {
          got[who] = [(await accept(first, who)).statusCode, (await unaccept(who)).statusCode];
        }
        expect(got).toEqual(Object.fromEntries(Object.entries(allowed).map(([who, ok]) => [who, ok ? [200, 200] : [403, 403]])));
      });
    }

    it('refuses an unknown accept_by with 400 naming acceptBy', async () => {
      const res = await api(t, 'PATCH', `/api/v1/communities/${w.pub.slug}`, { acceptBy: 'anyone' }, w.as.steward);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0]).toMatchObject({ field: 'acceptBy' });
    });

    it('is set from the community edit form too, which shows the current choice', async () => {
      const form = await t.app.inject({ url: `/c/${w.pub.slug}/edit`, headers: { cookie: w.as.steward.cookie } });
      expect(form.body).toMatch(/id="f-acceptBy-asker_or_steward"[^>]*checked/);
      const fields = { name: w.pub.name, slug: w.pub.slug, domainStatement: 'We share a craft.', formality: 'informal', locality: 'distributed', visibility: 'public', joinPolicy: 'open', acceptBy: 'asker' };
      expect((await postForm(t, `/c/${w.pub.slug}/edit`, fields, w.as.steward)).statusCode).toBe(303);
      expect((await t.deps.db.selectFrom('communities').select('accept_by').where('id', '=', w.pub.id).executeTakeFirstOrThrow()).accept_by).toBe('asker');
      expect((await accept(first, 'steward')).statusCode).toBe(403);
    });
  });

  describe('DELETE /api/v1/topics/:id/accepted', () => {
    it('unaccepts: no accepted answer, answer.unaccepted naming the answer', async () => {
      await accept(first);
      const res = await unaccept('steward');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ topicId: q.topicId, acceptedPostId: null });
      expect(await acceptedOf()).toBeNull();
      expect(await activity('answer.unaccepted')).toMatchObject({ actor_id: w.steward.id, subject_id: first });
    });

    it('without an accepted answer, writes nothing', async () => {
      await refusedWritingNothing(() => unaccept(), 200);
    });

    it('refuses on a discussion with 400', async () => {
      const d = await makeQuestion(t.deps.db, w.pub.id, w.asker.id, { kind: 'discussion' });
      await refusedWritingNothing(() => unaccept('asker', d.topicId), 400);
    });
  });
});
