import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api, buildTestApp, postForm, signInAs, type Browser, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { makeCommunity, makeUser } from '../../test/helpers/factories.ts';
import { countRows, startTopicVia } from '../discussions/discussions.fixtures.ts';

const roleOf = async (t: TestApp, id: number) => (await t.deps.db.selectFrom('users').select('role').where('id', '=', id).executeTakeFirstOrThrow()).role;
const roleChanges = (t: TestApp) => t.deps.db.selectFrom('activity').selectAll().where('verb', '=', 'user.role_changed').execute();

describeEachDialect('admin', (dialect) => {
  describe('guards and lists', () => {
    let t: TestApp;
    let admin: Browser;
    let member: Browser;
    let memberId: number;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
      const a = await makeUser(t.deps.db, { role: 'admin', display_name: 'Root Admin' });
      const m = await makeUser(t.deps.db, { username: `ziggy_${dialect}`, display_name: 'Ziggy Stardust', email: `ziggy.${dialect}@mars.test` });
      memberId = m.id;
      await makeUser(t.deps.db, { display_name: 'Odile Other' });
      admin = await signInAs(t, a.id);
      member = await signInAs(t, m.id);
      const secret = await makeCommunity(t.deps.db, m.id, { name: 'Hidden Guild', visibility: 'private', join_policy: 'invite' });
      await startTopicVia(t, member, secret.slug, { title: 'Very private matter', body: 'Nobody else' });
    });
    afterAll(async () => t.close());

    const routes: Array<[string, string, unknown]> = [
      ['GET', '/admin', undefined],
      ['GET', '/admin/users', undefined],
      ['GET', '/admin/communities', undefined],
      ['GET', '/api/v1/admin/stats', undefined],
      ['GET', '/api/v1/admin/users', undefined],
      ['GET', '/api/v1/admin/communities', undefined],
      ['PATCH', '/api/v1/admin/users/1', { role: 'nonsense' }],
    ];
    for (const [method, url, body] of routes) {
      it(`${method} ${url} answers 401 to anonymous, 403 to members and lets admins in`, async () => {
        const call = (b?: Browser) => api(t, method as 'GET' | 'PATCH', url, body, b);
        expect((await call()).statusCode).toBe(401);
        expect((await call(member)).statusCode).toBe(403);
        expect((await call(admin)).statusCode).toBe(method === 'PATCH' ? 400 : 200);
      });
    }

    it('POST /admin/users/:id/role answers 401 to anonymous and 403 to members, changing nothing', async () => {
      expect((await postForm(t, `/admin/users/${memberId}/role`, { role: 'admin' })).statusCode).toBe(401);
      expect((await postForm(t, `/admin/users/${memberId}/role`, { role: 'admin' }, member)).statusCode).toBe(403);
      expect(await roleOf(t, memberId)).toBe('member');
    });

    it('counts users, communities, topics and posts, private ones included', async () => {
      const stats = (await api(t, 'GET', '/api/v1/admin/stats', undefined, admin)).json();
      expect(stats).toEqual({ users: 3, communities: 1, topics: 1, posts: 1 });
      const page = await t.app.inject({ url: '/admin', headers: { cookie: admin.cookie } });
      expect(page.body).toContain('<h1>Admin</h1>');
    });

    it('searches users by name or email, case-insensitively, and treats % literally', async () => {
      const search = async (q: string) => (await api(t, 'GET', `/api/v1/admin/users?q=${encodeURIComponent(q)}`, undefined, admin)).json().items as Array<{ id: number }>;
      expect((await search('STARDUST')).map((u) => u.id)).toEqual([memberId]);
      expect((await search('@mars')).map((u) => u.id)).toEqual([memberId]);
      expect(await search('%')).toEqual([]);
      const page = await t.app.inject({ url: '/admin/users?q=ziggy', headers: { cookie: admin.cookie } });
      expect(page.body).toContain('Ziggy Stardust');
      expect(page.body).not.toContain('Odile Other');
    });

    it('pages through users without duplicates', async () => {
      for (let i = 0; i < 3; i++) await makeUser(t.deps.db);
      const p1 = (await api(t, 'GET', '/api/v1/admin/users?limit=3', undefined, admin)).json();
      const p2 = (await api(t, 'GET', `/api/v1/admin/users?limit=3&cursor=${p1.nextCursor}`, undefined, admin)).json();
      const ids = [...p1.items, ...p2.items].map((u: { id: number }) => u.id);
      expect(new Set(ids).size).toBe(6);
      expect(p2.nextCursor).toBeNull();
    });

    it('lists every community with its settings but none of its content', async () => {
      const res = await api(t, 'GET', '/api/v1/admin/communities', undefined, admin);
      expect(res.json().items).toEqual([expect.objectContaining({ name: 'Hidden Guild', visibility: 'private', joinPolicy: 'invite', memberCount: 1 })]);
      const page = await t.app.inject({ url: '/admin/communities', headers: { cookie: admin.cookie } });
      expect(page.body).toContain('Hidden Guild');
      expect(page.body).not.toContain('Very private matter');
    });

    it('rejects an unknown role with 400 naming role, and an unknown user with 404', async () => {
      const bad = await api(t, 'PATCH', `/api/v1/admin/users/${memberId}`, { role: 'owner' }, admin);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0].field).toBe('role');
      expect((await api(t, 'PATCH', '/api/v1/admin/users/999999', { role: 'admin' }, admin)).statusCode).toBe(404);
      expect(await roleOf(t, memberId)).toBe('member');
    });
  });

  describe('changing organisation roles', () => {
    let t: TestApp;
    let first: { id: number };
    let firstB: Browser;
    beforeEach(async () => {
      t = await buildTestApp(dialect);
      first = await makeUser(t.deps.db, { role: 'admin', display_name: 'First Admin' });
      firstB = await signInAs(t, first.id);
    });
    afterEach(async () => t.close());

    it('makes a member an admin and records user.role_changed', async () => {
      const m = await makeUser(t.deps.db);
      const res = await api(t, 'PATCH', `/api/v1/admin/users/${m.id}`, { role: 'admin' }, firstB);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: m.id, role: 'admin' });
      const acts = await roleChanges(t);
      expect(acts).toHaveLength(1);
      expect(acts[0]).toMatchObject({ actor_id: first.id, subject_type: 'user', subject_id: m.id, community_id: null });
      expect(JSON.parse(acts[0]!.data)).toEqual({ from: 'member', to: 'admin' });
    });

    it('changes nothing and records nothing when the role is already right', async () => {
      const res = await api(t, 'PATCH', `/api/v1/admin/users/${first.id}`, { role: 'admin' }, firstB);
      expect(res.statusCode).toBe(200);
      expect(await countRows(t.deps.db, 'activity')).toBe(0);
    });

    it('refuses to let the last admin step down with 409 and changes nothing', async () => {
      const res = await api(t, 'PATCH', `/api/v1/admin/users/${first.id}`, { role: 'member' }, firstB);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('CONFLICT');
      expect(await roleOf(t, first.id)).toBe('admin');
      expect(await countRows(t.deps.db, 'activity')).toBe(0);
    });

    it('lets an admin step down while another admin remains, and the demoted session loses access at once', async () => {
      const second = await makeUser(t.deps.db, { role: 'admin' });
      expect((await api(t, 'PATCH', `/api/v1/admin/users/${first.id}`, { role: 'member' }, firstB)).statusCode).toBe(200);
      expect((await api(t, 'GET', '/api/v1/admin/stats', undefined, firstB)).statusCode).toBe(403);
      const secondB = await signInAs(t, second.id);
      expect((await api(t, 'PATCH', `/api/v1/admin/users/${second.id}`, { role: 'member' }, secondB)).statusCode).toBe(409);
    });

    it('leaves one admin when two admins demote each other at the same moment', async () => {
      const second = await makeUser(t.deps.db, { role: 'admin' });
      const secondB = await signInAs(t, second.id);
      const results = await Promise.all([
        api(t, 'PATCH', `/api/v1/admin/users/${second.id}`, { role: 'member' }, firstB),
        api(t, 'PATCH', `/api/v1/admin/users/${first.id}`, { role: 'member' }, secondB),
      ]);
      const admins = await t.deps.db.selectFrom('users').select('id').where('role', '=', 'admin').execute();
      expect(admins).toHaveLength(1);
      const codes = results.map((r) => r.statusCode).sort();
      expect(codes[0]).toBe(200);
      // The loser is refused either by the last-admin rule or, if it arrived after the winner committed, by the guard.
      expect([403, 409]).toContain(codes[1]);
    });

    it('changes a role from the users page and redirects back with 303; the last admin gets a 409 page', async () => {
      const m = await makeUser(t.deps.db, { display_name: 'Page Person' });
      const res = await postForm(t, `/admin/users/${m.id}/role`, { role: 'admin', q: 'page' }, firstB);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/admin/users?q=page');
      expect(await roleOf(t, m.id)).toBe('admin');
      await t.deps.db.updateTable('users').set({ role: 'member' }).where('id', '=', m.id).execute();
      const last = await postForm(t, `/admin/users/${first.id}/role`, { role: 'member' }, firstB);
      expect(last.statusCode).toBe(409);
      expect(last.body).toContain('You are the last admin');
      expect(await roleOf(t, first.id)).toBe('admin');
    });
  });
});
