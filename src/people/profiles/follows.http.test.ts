import { afterAll, beforeAll, expect, it } from 'vitest';
import { api, buildTestApp, postForm, signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { makeUser } from '../../../test/helpers/factories.ts';
import { countRows, tickingClock } from '../../discussions/discussions.fixtures.ts';

describeEachDialect('follows', (dialect) => {
  let t: TestApp;
  let cy: Browser;
  const counts = async () => [await countRows(t.deps.db, 'follows'), await countRows(t.deps.db, 'activity')];

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    cy = await signInAs(t, (await makeUser(t.deps.db, { username: 'cy', display_name: 'Cy Follower' })).id);
    await makeUser(t.deps.db, { username: 'di', display_name: 'Di Followed', headline: 'Bridge inspector' });
  });
  afterAll(async () => t.close());

  it('follows through the API once, recording user.followed, and lists both sides', async () => {
    const res = await api(t, 'POST', '/api/v1/users/di/follow', {}, cy);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ following: true, followers: 1 });
    const before = await counts();
    expect((await api(t, 'POST', '/api/v1/users/di/follow', {}, cy)).json()).toEqual({ following: true, followers: 1 });
    expect(await counts()).toEqual(before);
    const acts = await t.deps.db.selectFrom('activity').select(['verb', 'subject_type']).where('verb', '=', 'user.followed').execute();
    expect(acts).toEqual([{ verb: 'user.followed', subject_type: 'user' }]);
    expect((await api(t, 'GET', '/api/v1/users/di/followers')).json().items.map((p: { username: string }) => p.username)).toEqual(['cy']);
    expect((await api(t, 'GET', '/api/v1/users/cy/following')).json().items).toMatchObject([{ username: 'di', headline: 'Bridge inspector' }]);
    expect((await api(t, 'GET', '/api/v1/users/di', undefined, cy)).json()).toMatchObject({ followers: 1, following: 0, followedByYou: true });
    expect((await api(t, 'GET', '/api/v1/users/di')).json().followedByYou).toBeNull();
  });

  it('refuses following yourself with 400 naming username, writing nothing', async () => {
    const before = await counts();
    const res = await api(t, 'POST', '/api/v1/users/cy/follow', {}, cy);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('username');
    expect((await postForm(t, '/u/cy/follow', {}, cy)).statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('answers 404 for an unknown person and 401 when signed out', async () => {
    expect((await api(t, 'POST', '/api/v1/users/nobody-here/follow', {}, cy)).statusCode).toBe(404);
    expect((await api(t, 'GET', '/api/v1/users/nobody-here/followers')).statusCode).toBe(404);
    expect((await api(t, 'POST', '/api/v1/users/di/follow', {})).statusCode).toBe(401);
  });

  it('unfollows with the button on the profile page (a plain POST form)', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/u/di', headers: { cookie: cy.cookie } });
    expect(page.body).toContain('action="/u/di/unfollow"');
    expect((await postForm(t, '/u/di/unfollow', {}, cy)).statusCode).toBe(303);
    expect((await api(t, 'GET', '/api/v1/users/di', undefined, cy)).json()).toMatchObject({ followers: 0, followedByYou: false });
    expect((await t.app.inject({ method: 'GET', url: '/u/di', headers: { cookie: cy.cookie } })).body).toContain('action="/u/di/follow"');
  });

  it('paginates the followers page and API, newest first', async () => {
    const names: string[] = [];
    for (let i = 0; i < 3; i++) {
      const u = await makeUser(t.deps.db, { username: `fan-${i}` });
      names.push(u.username);
      await api(t, 'POST', '/api/v1/users/di/follow', {}, await signInAs(t, u.id));
    }
    const first = (await api(t, 'GET', '/api/v1/users/di/followers?limit=2')).json();
    expect(first.items.map((p: { username: string }) => p.username)).toEqual(['fan-2', 'fan-1']);
    const second = (await api(t, 'GET', `/api/v1/users/di/followers?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second).toMatchObject({ items: [{ username: 'fan-0' }], nextCursor: null });
    expect((await api(t, 'GET', '/api/v1/users/di/followers?cursor=nonsense')).statusCode).toBe(400);
    const page = await t.app.inject('/u/di/followers');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('fan-0');
    const empty = await t.app.inject('/u/di/following');
    expect(empty.body).toContain('does not follow anyone yet');
  });
});
