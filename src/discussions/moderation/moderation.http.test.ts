import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { makeCommunity } from '../../../test/helpers/factories.ts';
import { tickingClock } from '../discussions.fixtures.ts';
import { call, count, moderationWorld, topicVia, type ModerationWorld } from './moderation.fixtures.ts';

describeEachDialect('topic moderation API', (dialect) => {
  let t: TestApp;
  let w: ModerationWorld;
  let pubTopic: number;
  let privTopic: number;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await moderationWorld(t);
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    pubTopic = await topicVia(t, w.as.member, w.pub.slug, { title: 'How do I temper steel?' });
    privTopic = await topicVia(t, w.as.member, w.priv.slug, { title: 'Quiet question' });
  });

  const activity = (verb: string, subjectId: number) =>
    t.deps.db.selectFrom('activity').selectAll().where('verb', '=', verb).where('subject_id', '=', subjectId).execute();
  const topicRow = (id: number) => t.deps.db.selectFrom('topics').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  describe('POST /api/v1/topics/:id/pin and /unpin', () => {
    it('lets a moderator pin and unpin, recording who did it and why', async () => {
      const pin = await call(t, 'POST', `/api/v1/topics/${pubTopic}/pin`, { note: 'Canonical answer' }, w.as.moderator);
      expect(pin.statusCode).toBe(200);
      expect(pin.json().pinnedAt).toEqual(expect.any(String));
      const [row] = await activity('topic.pinned', pubTopic);
      expect(row).toMatchObject({ actor_id: w.moderator.id, community_id: w.pub.id, subject_type: 'topic' });
      expect(JSON.parse(row!.data)).toMatchObject({ note: 'Canonical answer' });
      const unpin = await call(t, 'POST', `/api/v1/topics/${pubTopic}/unpin`, undefined, w.as.steward);
      expect(unpin.statusCode).toBe(200);
      expect(unpin.json().pinnedAt).toBeNull();
      expect(await activity('topic.unpinned', pubTopic)).toHaveLength(1);
    });

    it('changes and records nothing when the topic already is pinned', async () => {
      await call(t, 'POST', `/api/v1/topics/${pubTopic}/pin`, {}, w.as.moderator);
      const before = (await topicRow(pubTopic)).pinned_at;
      const again = await call(t, 'POST', `/api/v1/topics/${pubTopic}/pin`, {}, w.as.steward);
      expect(again.statusCode).toBe(200);
      expect((await topicRow(pubTopic)).pinned_at).toBe(before);
      expect(await activity('topic.pinned', pubTopic)).toHaveLength(1);
    });

    it('lets an admin moderate once they are a member, but not before', async () => {
      expect((await call(t, 'POST', `/api/v1/topics/${pubTopic}/pin`, {}, w.as.admin)).statusCode).toBe(403);
      const c = await makeCommunity(t.deps.db, w.steward.id, { visibility: 'private', join_policy: 'invite' });
      const id = await topicVia(t, w.as.steward, c.slug);
      expect((await call(t, 'POST', `/api/v1/topics/${id}/pin`, {}, w.as.admin)).statusCode).toBe(404);
      await t.deps.db.insertInto('memberships').values({ community_id: c.id, user_id: w.admin.id, role: 'member', created_at: new Date().toISOString() }).execute();
      expect((await call(t, 'POST', `/api/v1/topics/${id}/pin`, {}, w.as.admin)).statusCode).toBe(200);
    });
  });

  describe('who may moderate', () => {
    const acts: Array<[string, unknown]> = [
      ['pin', {}], ['unpin', {}], ['lock', {}], ['unlock', {}], ['close', { reason: 'off_domain' }], ['reopen', {}],
      ['move', { community: 'x' }], ['merge', { targetId: 1 }],
    ];
    for (const [action, body] of acts) {
      it(`POST /api/v1/topics/:id/${action} answers a member 403, an outsider of a private community 404, anonymous 401, and writes nothing`, async () => {
        const before = await count(t.deps.db, 'activity');
        const topicsBefore = await t.deps.db.selectFrom('topics').selectAll().orderBy('id').execute();
        expect((await call(t, 'POST', `/api/v1/topics/${pubTopic}/${action}`, body, w.as.member)).statusCode).toBe(403);
        expect((await call(t, 'POST', `/api/v1/topics/${privTopic}/${action}`, body, w.as.member)).statusCode).toBe(403);
        const hidden = await call(t, 'POST', `/api/v1/topics/${privTopic}/${action}`, body, w.as.outsider);
        expect(hidden.statusCode).toBe(404);
        expect(hidden.body).not.toContain('Quiet question');
        expect((await call(t, 'POST', `/api/v1/topics/${pubTopic}/${action}`, body, w.as.outsider)).statusCode).toBe(403);
        expect((await call(t, 'POST', `/api/v1/topics/${pubTopic}/${action}`, body)).statusCode).toBe(401);
        expect((await call(t, 'POST', `/api/v1/topics/999999/${action}`, body, w.as.steward)).statusCode).toBe(404);
        expect(await count(t.deps.db, 'activity')).toBe(before);
        expect(await t.deps.db.selectFrom('topics').selectAll().orderBy('id').execute()).toEqual(topicsBefore);
      });
    }
  });

  describe('POST /api/v1/topics/:id/lock and /unlock', () => {
    it('locks and unlocks, recording topic.locked and topic.unlocked', async () => {
      const res = await call(t, 'POST', `/api/v1/topics/${privTopic}/lock`, undefined, w.as.steward);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ topicId: privTopic, lockedAt: expect.any(String) });
      expect(await activity('topic.locked', privTopic)).toHaveLength(1);
      expect((await call(t, 'POST', `/api/v1/topics/${privTopic}/unlock`, {}, w.as.moderator)).json().lockedAt).toBeNull();
      expect(await activity('topic.unlocked', privTopic)).toHaveLength(1);
    });

    it('rejects a note over 500 characters with 400 naming note, and writes nothing', async () => {
      const res = await call(t, 'POST', `/api/v1/topics/${pubTopic}/lock`, { note: 'x'.repeat(501) }, w.as.steward);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'note' })]);
      expect((await topicRow(pubTopic)).locked_at).toBeNull();
    });
  });

  describe('POST /api/v1/topics/:id/close and /reopen', () => {
    it('closes with a reason and a note, records topic.closed, and reopens', async () => {
      const res = await call(t, 'POST', `/api/v1/topics/${pubTopic}/close`, { reason: 'solved_elsewhere', note: 'See the wiki.' }, w.as.moderator);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ closedAt: expect.any(String), closeReason: 'solved_elsewhere', closeNote: 'See the wiki.', duplicateOf: null });
      const [row] = await activity('topic.closed', pubTopic);
      expect(JSON.parse(row!.data)).toMatchObject({ reason: 'solved_elsewhere', note: 'See the wiki.' });
      const reopened = await call(t, 'POST', `/api/v1/topics/${pubTopic}/reopen`, {}, w.as.steward);
      expect(reopened.json()).toMatchObject({ closedAt: null, closeReason: null, closeNote: '' });
      expect(await activity('topic.reopened', pubTopic)).toHaveLength(1);
    });

    it('closes as a duplicate of a readable topic', async () => {
      const res = await call(t, 'POST', `/api/v1/topics/${pubTopic}/close`, { reason: 'duplicate', duplicateOf: privTopic }, w.as.moderator);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ closeReason: 'duplicate', duplicateOf: privTopic });
    });

    const bad: Array<[string, Record<string, unknown>, string]> = [
      ['an unknown reason', { reason: 'boring' }, 'reason'],
      ['a missing reason', {}, 'reason'],
      ['a duplicate without duplicateOf', { reason: 'duplicate' }, 'duplicateOf'],
      ['a duplicate of itself', { reason: 'duplicate', duplicateOf: -1 }, 'duplicateOf'],
      ['a duplicate of a topic that does not exist', { reason: 'duplicate', duplicateOf: 999999 }, 'duplicateOf'],
      ['duplicateOf with another reason', { reason: 'off_domain', duplicateOf: -2 }, 'duplicateOf'],
      ['duplicateOf that is not a number', { reason: 'duplicate', duplicateOf: 'seven' }, 'duplicateOf'],
      ['a note over 500 characters', { reason: 'off_domain', note: 'n'.repeat(501) }, 'note'],
    ];
    for (const [what, body, field] of bad) {
      it(`rejects ${what} with 400 naming ${field}, and writes nothing`, async () => {
        const fixed = { ...body, ...(body.duplicateOf === -1 ? { duplicateOf: pubTopic } : {}), ...(body.duplicateOf === -2 ? { duplicateOf: privTopic } : {}) };
        const before = await count(t.deps.db, 'activity');
        const res = await call(t, 'POST', `/api/v1/topics/${pubTopic}/close`, fixed, w.as.steward);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
        expect((await topicRow(pubTopic)).closed_at).toBeNull();
        expect(await count(t.deps.db, 'activity')).toBe(before);
      });
    }

    it('refuses duplicateOf naming a topic in a private community the moderator cannot read, without revealing it', async () => {
      const hidden = await makeCommunity(t.deps.db, w.outsider.id, { name: 'Hidden Vault', visibility: 'private', join_policy: 'invite' });
      const secretTopic = await topicVia(t, w.as.outsider, hidden.slug, { title: 'Vault secrets' });
      const res = await call(t, 'POST', `/api/v1/topics/${pubTopic}/close`, { reason: 'duplicate', duplicateOf: secretTopic }, w.as.moderator);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('duplicateOf');
      expect(res.body).not.toContain('Vault');
      expect((await topicRow(pubTopic)).closed_at).toBeNull();
    });

    it('answers 409 to closing a closed topic and keeps the first reason', async () => {
      await call(t, 'POST', `/api/v1/topics/${pubTopic}/close`, { reason: 'off_domain' }, w.as.moderator);
      const again = await call(t, 'POST', `/api/v1/topics/${pubTopic}/close`, { reason: 'solved_elsewhere' }, w.as.steward);
      expect(again.statusCode).toBe(409);
      expect((await topicRow(pubTopic)).close_reason).toBe('off_domain');
      expect(await activity('topic.closed', pubTopic)).toHaveLength(1);
    });
  });

  describe('GET /api/v1/topics/:id/moderation', () => {
    it('shows the state to readers and 404s to outsiders of a private community', async () => {
      await call(t, 'POST', `/api/v1/topics/${privTopic}/lock`, {}, w.as.steward);
      expect((await call(t, 'GET', `/api/v1/topics/${privTopic}/moderation`, undefined, w.as.member)).json()).toMatchObject({ lockedAt: expect.any(String), community: { slug: w.priv.slug } });
      expect((await call(t, 'GET', `/api/v1/topics/${privTopic}/moderation`, undefined, w.as.outsider)).statusCode).toBe(404);
      expect((await call(t, 'GET', `/api/v1/topics/${pubTopic}/moderation`)).statusCode).toBe(200);
    });

    it('hides a deleted topic’s state from all but its moderators', async () => {
      await t.deps.db.updateTable('topics').set({ deleted_at: new Date().toISOString(), deleted_reason: 'spam' }).where('id', '=', pubTopic).execute();
      const hidden = await call(t, 'GET', `/api/v1/topics/${pubTopic}/moderation`, undefined, w.as.member);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.body).not.toContain('temper steel');
      expect((await call(t, 'GET', `/api/v1/topics/${pubTopic}/moderation`, undefined, w.as.moderator)).statusCode).toBe(200);
    });
  });
});
