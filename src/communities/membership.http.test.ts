import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { api, buildTestApp, type Browser, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { addMember } from '../../test/helpers/factories.ts';
import { countActivity, countRows, makeBystanders, makeWorld, memberCountIsRight } from './communities.fixtures.ts';

describeEachDialect('membership, requests and invitations (API)', (dialect) => {
  let t: TestApp;
  let by: Awaited<ReturnType<typeof makeBystanders>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    by = await makeBystanders(t);
  });
  afterAll(async () => t.close());

  const count = async (communityId: number) => (await t.deps.db.selectFrom('communities').select('member_count').where('id', '=', communityId).executeTakeFirstOrThrow()).member_count;
  const role = async (communityId: number, userId: number) =>
    (await t.deps.db.selectFrom('memberships').select('role').where('community_id', '=', communityId).where('user_id', '=', userId).executeTakeFirst())?.role ?? null;
  /** DELETE with a session needs the CSRF header (no JSON body exempts it). */
  const del = (url: string, b: Browser): Promise<LightMyRequestResponse> => t.app.inject({ method: 'DELETE', url, headers: { cookie: b.cookie, 'x-csrf-token': b.csrf } });

  describe('POST /api/v1/communities/:slug/join and /leave', () => {
    it('lets anyone join an open community, counts them and records community.joined; a second join is 409', async () => {
      const w = await makeWorld(t, 'public');
      const res = await api(t, 'POST', `/api/v1/communities/${w.community.slug}/join`, {}, by.as.outsider);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ role: 'member', memberCount: 4 });
      expect(await count(w.community.id)).toBe(4);
      expect(await countActivity(t.deps.db, w.community.id, 'community.joined')).toBe(1);
      expect((await api(t, 'POST', `/api/v1/communities/${w.community.slug}/join`, {}, by.as.outsider)).statusCode).toBe(409);
      expect(await memberCountIsRight(t.deps.db, w.community.id)).toBe(true);
    });

    it('refuses a direct join where a request is needed (403) and writes nothing', async () => {
      const w = await makeWorld(t, 'private-approval');
      const before = await countRows(t.deps.db, 'memberships');
      const res = await api(t, 'POST', `/api/v1/communities/${w.community.slug}/join`, {}, by.as.outsider);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toContain('request');
      expect(await countRows(t.deps.db, 'memberships')).toBe(before);
    });

    it('lets an org admin join even an invite-only private community, after which they read it', async () => {
      const w = await makeWorld(t, 'private-invite');
      const admin = (await makeBystanders(t)).as.admin;
      expect((await api(t, 'GET', `/api/v1/communities/${w.community.slug}`, undefined, admin)).json().description).toBeUndefined();
      expect((await api(t, 'POST', `/api/v1/communities/${w.community.slug}/join`, {}, admin)).statusCode).toBe(200);
      expect((await api(t, 'GET', `/api/v1/communities/${w.community.slug}`, undefined, admin)).json().description).toContain(w.tok);
    });

    it('lets a member leave, lowers the count and records community.left; leaving again is 409', async () => {
      const w = await makeWorld(t, 'public');
      const res = await api(t, 'POST', `/api/v1/communities/${w.community.slug}/leave`, {}, w.as.member);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ role: null, memberCount: 2 });
      expect(await countActivity(t.deps.db, w.community.id, 'community.left')).toBe(1);
      expect((await api(t, 'POST', `/api/v1/communities/${w.community.slug}/leave`, {}, w.as.member)).statusCode).toBe(409);
    });

    it('keeps the last steward from leaving (409, clear message, nothing written) until there is another', async () => {
      const w = await makeWorld(t, 'public');
      const activity = await countRows(t.deps.db, 'activity');
      const res = await api(t, 'POST', `/api/v1/communities/${w.community.slug}/leave`, {}, w.as.steward);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toContain('at least one steward');
      expect(await role(w.community.id, w.steward.id)).toBe('steward');
      expect(await countRows(t.deps.db, 'activity')).toBe(activity);
      await api(t, 'PATCH', `/api/v1/communities/${w.community.slug}/members/${w.moderator.username}`, { role: 'steward' }, w.as.steward);
      expect((await api(t, 'POST', `/api/v1/communities/${w.community.slug}/leave`, {}, w.as.steward)).statusCode).toBe(200);
      expect(await memberCountIsRight(t.deps.db, w.community.id)).toBe(true);
    });
  });

  describe('join requests', () => {
    it('records a request with its message (201, community.join_requested) and allows only one pending', async () => {
      const w = await makeWorld(t, 'private-approval');
      const res = await api(t, 'POST', `/api/v1/communities/${w.community.slug}/requests`, { message: 'I build kilns' }, by.as.outsider);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ status: 'pending', message: 'I build kilns', user: { username: by.outsider.username } });
      expect(await countActivity(t.deps.db, w.community.id, 'community.join_requested')).toBe(1);
      const before = await countRows(t.deps.db, 'join_requests');
      const again = await api(t, 'POST', `/api/v1/communities/${w.community.slug}/requests`, { message: 'again' }, by.as.outsider);
      expect(again.statusCode).toBe(409);
      expect(await countRows(t.deps.db, 'join_requests')).toBe(before);
    });

    it('refuses a message over 1000 characters with 400 naming message', async () => {
      const w = await makeWorld(t, 'private-approval');
      const res = await api(t, 'POST', `/api/v1/communities/${w.community.slug}/requests`, { message: 'm'.repeat(1001) }, by.as.outsider);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('message');
    });

    it('says to join directly for an open community (409) and refuses an invite-only one (403)', async () => {
      const open = await makeWorld(t, 'public');
      const invite = await makeWorld(t, 'private-invite');
      expect((await api(t, 'POST', `/api/v1/communities/${open.community.slug}/requests`, {}, by.as.outsider)).statusCode).toBe(409);
      expect((await api(t, 'POST', `/api/v1/communities/${invite.community.slug}/requests`, {}, by.as.admin)).statusCode).toBe(403);
    });

    it('lists pending requests for stewards and moderators only', async () => {
      const w = await makeWorld(t, 'private-approval');
      const res = await api(t, 'GET', `/api/v1/communities/${w.community.slug}/requests`, undefined, w.as.moderator);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ items: [expect.objectContaining({ id: w.requestId, message: `Please ${w.tok}` })], nextCursor: null });
      expect((await api(t, 'GET', `/api/v1/communities/${w.community.slug}/requests`, undefined, w.as.member)).statusCode).toBe(403);
    });

    it('approving makes the person a member (count, request_approved and joined rows); a second answer is 409', async () => {
      const w = await makeWorld(t, 'private-approval');
      const res = await api(t, 'POST', `/api/v1/communities/${w.community.slug}/requests/${w.requestId}/approve`, {}, w.as.moderator);
      expect(res.statusCode).toBe(200);
      expect(res.json().status).toBe('approved');
      expect(await role(w.community.id, w.requester.id)).toBe('member');
      expect(await count(w.community.id)).toBe(4);
      expect(await countActivity(t.deps.db, w.community.id, 'community.request_approved')).toBe(1);
      expect(await countActivity(t.deps.db, w.community.id, 'community.joined')).toBe(1);
      expect((await api(t, 'POST', `/api/v1/communities/${w.community.slug}/requests/${w.requestId}/reject`, {}, w.as.steward)).statusCode).toBe(409);
    });

    it('rejecting leaves the person outside and records community.request_rejected', async () => {
      const w = await makeWorld(t, 'private-approval');
      expect((await api(t, 'POST', `/api/v1/communities/${w.community.slug}/requests/${w.requestId}/reject`, {}, w.as.steward)).statusCode).toBe(200);
      expect(await role(w.community.id, w.requester.id)).toBeNull();
      expect(await count(w.community.id)).toBe(3);
      expect(await countActivity(t.deps.db, w.community.id, 'community.request_rejected')).toBe(1);
    });

    it('answers 404 for a request id of another community', async () => {
      const a = await makeWorld(t, 'private-approval');
      const b = await makeWorld(t, 'private-approval');
      expect((await api(t, 'POST', `/api/v1/communities/${a.community.slug}/requests/${b.requestId}/approve`, {}, a.as.steward)).statusCode).toBe(404);
    });
  });

  describe('invitations', () => {
    it('invites by username (201, community.invited); the invitee sees it, sees the secret community, and accepts', async () => {
      const w = await makeWorld(t, 'private-invite');
      const res = await api(t, 'POST', `/api/v1/communities/${w.community.slug}/invitations`, { username: w.free.username }, w.as.moderator);
      expect(res.statusCode).toBe(201);
      expect(await countActivity(t.deps.db, w.community.id, 'community.invited')).toBe(1);
      const free = (await makeBystanders(t)).as.outsider; // unrelated person: still 404
      expect((await api(t, 'GET', `/api/v1/communities/${w.community.slug}`, undefined, free)).statusCode).toBe(404);
      const mine = await api(t, 'GET', '/api/v1/me/invitations', undefined, w.as.invitee);
      expect(mine.json().items).toEqual([expect.objectContaining({ id: w.invitationId, community: expect.objectContaining({ slug: w.community.slug }) })]);
      const header = await api(t, 'GET', `/api/v1/communities/${w.community.slug}`, undefined, w.as.invitee);
      expect(header.statusCode).toBe(200);
      expect(header.json()).toMatchObject({ viewer: { canRead: false, invitationId: w.invitationId } });
      expect(header.json().description).toBeUndefined();
      const accept = await api(t, 'POST', `/api/v1/invitations/${w.invitationId}/accept`, {}, w.as.invitee);
      expect(accept.statusCode).toBe(200);
      expect(accept.json()).toEqual({ role: 'member', memberCount: 4 });
      expect((await api(t, 'POST', `/api/v1/invitations/${w.invitationId}/accept`, {}, w.as.invitee)).statusCode).toBe(409);
      expect(await memberCountIsRight(t.deps.db, w.community.id)).toBe(true);
    });

    it('lets an invitation open the join route under any policy', async () => {
      const w = await makeWorld(t, 'private-invite');
      expect((await api(t, 'POST', `/api/v1/communities/${w.community.slug}/join`, {}, w.as.invitee)).statusCode).toBe(200);
      const inv = await t.deps.db.selectFrom('invitations').select('status').where('id', '=', w.invitationId).executeTakeFirstOrThrow();
      expect(inv.status).toBe('accepted');
    });

    it('declining closes the invitation, and the secret community is hidden again', async () => {
      const w = await makeWorld(t, 'private-invite');
      const res = await api(t, 'POST', `/api/v1/invitations/${w.invitationId}/decline`, {}, w.as.invitee);
      expect(res.statusCode).toBe(200);
      expect(res.json().status).toBe('declined');
      expect(await role(w.community.id, w.invitee.id)).toBeNull();
      expect((await api(t, 'GET', `/api/v1/communities/${w.community.slug}`, undefined, w.as.invitee)).statusCode).toBe(404);
    });

    it("answers 404 to anyone accepting someone else's invitation, and writes nothing", async () => {
      const w = await makeWorld(t, 'public');
      const before = await countRows(t.deps.db, 'memberships');
      expect((await api(t, 'POST', `/api/v1/invitations/${w.invitationId}/accept`, {}, by.as.outsider)).statusCode).toBe(404);
      expect(await countRows(t.deps.db, 'memberships')).toBe(before);
    });

    it('rejects an unknown username with 400 naming username, and members or the already invited with 409', async () => {
      const w = await makeWorld(t, 'public');
      const unknown = await api(t, 'POST', `/api/v1/communities/${w.community.slug}/invitations`, { username: 'nobody-here' }, w.as.steward);
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.details).toEqual([{ field: 'username', message: expect.stringContaining('nobody-here') }]);
      expect((await api(t, 'POST', `/api/v1/communities/${w.community.slug}/invitations`, { username: w.member.username }, w.as.steward)).statusCode).toBe(409);
      expect((await api(t, 'POST', `/api/v1/communities/${w.community.slug}/invitations`, { username: w.invitee.username }, w.as.steward)).statusCode).toBe(409);
    });
  });

  describe('members and roles', () => {
    it('lists members with roles, a page at a time, each once', async () => {
      const w = await makeWorld(t, 'public');
      for (let i = 0; i < 3; i += 1) await addMember(t.deps.db, w.community.id, (await makeBystanders(t)).outsider.id);
      const seen: Array<{ username: string; role: string }> = [];
      let cursor: string | null = null;
      do {
        const res: LightMyRequestResponse = await api(t, 'GET', `/api/v1/communities/${w.community.slug}/members?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.statusCode).toBe(200);
        const page = res.json() as { items: Array<{ username: string; role: string }>; nextCursor: string | null };
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(6);
      expect(new Set(seen.map((m) => m.username)).size).toBe(6);
      expect(seen.find((m) => m.username === w.steward.username)?.role).toBe('steward');
      expect(seen.find((m) => m.username === w.moderator.username)?.role).toBe('moderator');
    });

    it('rejects a malformed cursor with 400 naming cursor', async () => {
      const w = await makeWorld(t, 'public');
      const res = await api(t, 'GET', `/api/v1/communities/${w.community.slug}/members?cursor=garbage`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('cursor');
    });

    it('lets a steward change roles (community.role_changed) but not a moderator', async () => {
      const w = await makeWorld(t, 'public');
      const url = `/api/v1/communities/${w.community.slug}/members/${w.member.username}`;
      expect((await api(t, 'PATCH', url, { role: 'moderator' }, w.as.moderator)).statusCode).toBe(403);
      const res = await api(t, 'PATCH', url, { role: 'moderator' }, w.as.steward);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ username: w.member.username, role: 'moderator' });
      expect(await countActivity(t.deps.db, w.community.id, 'community.role_changed')).toBe(1);
      expect((await api(t, 'PATCH', url, { role: 'owner' }, w.as.steward)).statusCode).toBe(400);
    });

    it('refuses to demote or remove the last steward (409), even for an org admin', async () => {
      const w = await makeWorld(t, 'public');
      const url = `/api/v1/communities/${w.community.slug}/members/${w.steward.username}`;
      expect((await api(t, 'PATCH', url, { role: 'member' }, w.as.steward)).statusCode).toBe(409);
      expect((await del(url, by.as.admin)).statusCode).toBe(409);
      expect(await role(w.community.id, w.steward.id)).toBe('steward');
    });

    it('lets a moderator remove a member (204, count, community.member_removed) but never a steward', async () => {
      const w = await makeWorld(t, 'public');
      expect((await del(`/api/v1/communities/${w.community.slug}/members/${w.steward.username}`, w.as.moderator)).statusCode).toBe(403);
      expect((await del(`/api/v1/communities/${w.community.slug}/members/${w.member.username}`, w.as.moderator)).statusCode).toBe(204);
      expect(await role(w.community.id, w.member.id)).toBeNull();
      expect(await count(w.community.id)).toBe(2);
      expect(await countActivity(t.deps.db, w.community.id, 'community.member_removed')).toBe(1);
      expect((await del(`/api/v1/communities/${w.community.slug}/members/${w.member.username}`, w.as.moderator)).statusCode).toBe(404);
    });

    it('needs the CSRF header for a cookie-authenticated DELETE', async () => {
      const w = await makeWorld(t, 'public');
      const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/communities/${w.community.slug}/members/${w.member.username}`, headers: { cookie: w.as.steward.cookie } });
      expect(res.statusCode).toBe(403);
      expect(await role(w.community.id, w.member.id)).toBe('member');
    });
  });
});
