import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, fakeClock, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { makeAnswer } from '../../discussions/answers/answers.fixtures.ts';
import { ROUTING_NOW, routingCounts, routingWorld, taggedQuestion } from './routing.fixtures.ts';

describeEachDialect('question routing API', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof routingWorld>>;
  let pubQ: number;
  let secretQ: number;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: fakeClock(ROUTING_NOW) });
    w = await routingWorld(t);
    pubQ = (await taggedQuestion(t.deps.db, w.pub.id, w.asker.id, ['sql'])).topicId;
    secretQ = (await taggedQuestion(t.deps.db, w.secret.id, w.asker.id, ['sql'], 'SecretQuestionQz')).topicId;
  });
  afterAll(async () => t.close());

  const url = (id: number, q = '') => `/api/v1/topics/${id}/suggested-answerers${q}`;

  describe('GET /api/v1/topics/{id}/suggested-answerers', () => {
    it('gives the asker ranked members with their reasons', async () => {
      const res = await api(t, 'GET', url(pubQ, '?limit=2'), undefined, w.as.asker);
      expect(res.statusCode).toBe(200);
      const items = (res.json() as { items: Array<{ user: { username: string }; reasons: Array<{ text: string }>; invited: boolean }> }).items;
      expect(items.map((i) => i.user.username)).toEqual([w.eve.username, w.fay.username]);
      expect(items[0]?.reasons[0]?.text).toBe('2 accepted answers in #sql');
      expect(items[0]?.invited).toBe(false);
    });

    it('answers stewards and moderators too, and refuses other members (403), outsiders of a private community (404) and anonymous callers (401)', async () => {
      expect((await api(t, 'GET', url(pubQ), undefined, w.as.steward)).statusCode).toBe(200);
      expect((await api(t, 'GET', url(pubQ), undefined, w.as.moderator)).statusCode).toBe(200);
      expect((await api(t, 'GET', url(pubQ), undefined, w.as.answerer)).statusCode).toBe(403);
      expect((await api(t, 'GET', url(pubQ))).statusCode).toBe(401);
      const hidden = await api(t, 'GET', url(secretQ), undefined, w.as.outsider);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.body).not.toContain('SecretQuestionQz');
      expect((await api(t, 'GET', url(secretQ), undefined, w.as.admin)).statusCode).toBe(404);
    });

    it.each(['?limit=0', '?limit=51', '?limit=ten', '?limit=2.5'])('rejects %s with 400 naming limit', async (q) => {
      const res = await api(t, 'GET', url(pubQ, q), undefined, w.as.asker);
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json())).toContain('limit');
    });

    it('answers 409 for a discussion, a question with an accepted answer and a closed question', async () => {
      const db = t.deps.db;
      const discussion = await taggedQuestion(db, w.pub.id, w.asker.id, ['sql']);
      await db.updateTable('topics').set({ kind: 'discussion' }).where('id', '=', discussion.topicId).execute();
      const solved = await taggedQuestion(db, w.pub.id, w.asker.id, ['sql']);
      await db.updateTable('topics').set({ accepted_post_id: await makeAnswer(db, solved.topicId, w.answerer.id) }).where('id', '=', solved.topicId).execute();
      const closed = await taggedQuestion(db, w.pub.id, w.asker.id, ['sql']);
      await db.updateTable('topics').set({ closed_at: ROUTING_NOW.toISOString(), close_reason: 'off_domain' }).where('id', '=', closed.topicId).execute();
      for (const id of [discussion.topicId, solved.topicId, closed.topicId]) {
        expect((await api(t, 'GET', url(id), undefined, w.as.asker)).statusCode).toBe(409);
        const before = await routingCounts(db);
        const res = await api(t, 'POST', `/api/v1/topics/${id}/invitations`, { username: w.eve.username }, w.as.asker);
        expect(res.statusCode).toBe(409);
        expect(await routingCounts(db)).toEqual(before);
      }
    });
  });

  describe('POST /api/v1/topics/{id}/invitations', () => {
    it('invites a member: 201, an "invited" notification on the opening post and an activity row; the suggestion then shows invited', async () => {
      const db = t.deps.db;
      const q = await taggedQuestion(db, w.pub.id, w.asker.id, ['sql']);
      const res = await api(t, 'POST', `/api/v1/topics/${q.topicId}/invitations`, { username: w.fay.username }, w.as.asker);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ topicId: q.topicId, invitee: { username: w.fay.username }, state: 'open' });
      const n = await db.selectFrom('notifications').select(['user_id', 'kind', 'topic_id', 'post_id', 'actor_id']).where('topic_id', '=', q.topicId).execute();
      expect(n).toEqual([{ user_id: w.fay.id, kind: 'invited', topic_id: q.topicId, post_id: q.openingId, actor_id: w.asker.id }]);
      const a = await db.selectFrom('activity').select('verb').where('verb', '=', 'question.invited').where('subject_id', '=', q.topicId).execute();
      expect(a).toHaveLength(1);
      const list = (await api(t, 'GET', url(q.topicId), undefined, w.as.asker)).json() as { items: Array<{ user: { id: number }; invited: boolean }> };
      expect(list.items.find((i) => i.user.id === w.fay.id)?.invited).toBe(true);
      const mine = await api(t, 'GET', '/api/v1/me/answer-invitations', undefined, w.as.fay);
      expect((mine.json() as { items: Array<{ topic: { id: number } }> }).items.map((i) => i.topic.id)).toContain(q.topicId);
    });

    it('refuses yourself, the asker, an unknown name and an empty name with 400 naming username; a second invitation with 409; nothing written', async () => {
      const db = t.deps.db;
      const q = await taggedQuestion(db, w.pub.id, w.asker.id, ['sql']);
      expect((await api(t, 'POST', `/api/v1/topics/${q.topicId}/invitations`, { username: w.eve.username }, w.as.steward)).statusCode).toBe(201);
      const before = await routingCounts(db);
      const cases: Array<[typeof w.as.asker, string, number]> = [
        [w.as.asker, w.asker.username, 400],
        [w.as.steward, w.steward.username, 400],
        [w.as.steward, w.asker.username, 400],
        [w.as.asker, 'nobody-by-this-name', 400],
        [w.as.asker, '   ', 400],
        [w.as.asker, w.eve.username, 409],
      ];
      for (const [as, username, status] of cases) {
        const res = await api(t, 'POST', `/api/v1/topics/${q.topicId}/invitations`, { username }, as);
        expect([username, res.statusCode]).toEqual([username, status]);
        if (status === 400) expect((res.json() as { error: { details: Array<{ field: string }> } }).error.details[0]?.field).toBe('username');
      }
      expect((await api(t, 'POST', `/api/v1/topics/${q.topicId}/invitations`, {}, w.as.asker)).statusCode).toBe(400);
      expect(await routingCounts(db)).toEqual(before);
    });

    it('refuses to invite a non-member to a private question (400) and writes nothing', async () => {
      const before = await routingCounts(t.deps.db);
      const res = await api(t, 'POST', `/api/v1/topics/${secretQ}/invitations`, { username: w.outsider.username }, w.as.asker);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toBeTruthy();
      expect(await routingCounts(t.deps.db)).toEqual(before);
    });
  });

  describe('POST /api/v1/answer-invitations/{id}/decline', () => {
    it('lets only the invitee decline (others 404), once (then 409)', async () => {
      const q = await taggedQuestion(t.deps.db, w.pub.id, w.asker.id, ['sql']);
      const inv = (await api(t, 'POST', `/api/v1/topics/${q.topicId}/invitations`, { username: w.gus.username }, w.as.asker)).json() as { id: number };
      expect((await api(t, 'POST', `/api/v1/answer-invitations/${inv.id}/decline`, {}, w.as.asker)).statusCode).toBe(404);
      expect((await api(t, 'POST', `/api/v1/answer-invitations/${inv.id}/decline`, {}, w.as.gus)).statusCode).toBe(204);
      expect((await api(t, 'POST', `/api/v1/answer-invitations/${inv.id}/decline`, {}, w.as.gus)).statusCode).toBe(409);
      const list = (await api(t, 'GET', url(q.topicId), undefined, w.as.asker)).json() as { items: Array<{ user: { id: number } }> };
      expect(list.items.map((i) => i.user.id)).not.toContain(w.gus.id);
    });
  });

  describe('response target', () => {
    it('reads the default, lets stewards set it (1–720 hours) and refuses members', async () => {
      const path = `/api/v1/communities/${w.pub.slug}/routing`;
      expect((await api(t, 'GET', path)).json()).toEqual({ responseTargetHours: 48, isDefault: true });
      expect((await api(t, 'PUT', path, { responseTargetHours: 12 }, w.as.answerer)).statusCode).toBe(403);
      expect((await api(t, 'PUT', path, { responseTargetHours: 0 }, w.as.steward)).statusCode).toBe(400);
      expect((await api(t, 'PUT', path, { responseTargetHours: 721 }, w.as.steward)).statusCode).toBe(400);
      expect((await api(t, 'GET', path)).json()).toEqual({ responseTargetHours: 48, isDefault: true });
      const ok = await api(t, 'PUT', path, { responseTargetHours: 12 }, w.as.steward);
      expect(ok.json()).toEqual({ responseTargetHours: 12, isDefault: false });
      expect((await api(t, 'GET', `/api/v1/communities/${w.secret.slug}/routing`, undefined, w.as.outsider)).statusCode).toBe(404);
    });
  });

  it('documents every routing API route in the OpenAPI with its tag and a summary', async () => {
    const doc = (await t.app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, { tags?: string[]; summary?: string }>> };
    const ops: Array<[string, string]> = [
      ['/api/v1/topics/{id}/suggested-answerers', 'get'], ['/api/v1/topics/{id}/invitations', 'post'], ['/api/v1/me/answer-invitations', 'get'],
      ['/api/v1/answer-invitations/{id}/decline', 'post'], ['/api/v1/communities/{slug}/routing', 'get'], ['/api/v1/communities/{slug}/routing', 'put'],
    ];
    for (const [path, method] of ops) {
      const op = doc.paths[path]?.[method];
      expect(op?.tags, `${method} ${path}`).toEqual(['question routing']);
      expect(op?.summary, `${method} ${path}`).toBeTruthy();
    }
  });
});
