import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../src/core/db/schema.ts';
import { addMember, makeCommunity, makeUser } from './helpers/factories.ts';
import { buildTestApp, signInAs, anonymousBrowser, type Browser, type TestApp } from './helpers/app.ts';
import { describeEachDialect } from './helpers/db.ts';

/*
 * A sweep over EVERY route the app registers (app.routeList), so a route added later is covered
 * without anyone remembering to: reads must not leak a private community's content to anyone who is
 * not a member, and writes by non-members aimed at a private community's things must be refused
 * with a 4xx and change nothing. Feature tests hold the exact per-route matrices.
 */

const SECRET = { title: 'HarbourTopicQz7731', body: 'HarbourBodyQz7731', reply: 'HarbourReplyQz7731', name: 'Quiet Harbour Qz7731', description: 'HarbourDescQz7731' };
const tables: Array<keyof Database> = ['users', 'password_resets', 'api_tokens', 'communities', 'community_tags', 'memberships', 'join_requests', 'invitations', 'activity', 'topics', 'posts'];

describeEachDialect('privacy sweep over every route', (dialect) => {
  let t: TestApp;
  let outsider: Browser;
  let admin: Browser;
  let ids: Record<string, string>;
  const plausibleBody = (): Record<string, string> => ({
    title: 'A perfectly valid title', body: 'A perfectly valid body of text.', kind: 'discussion', role: 'steward', message: 'Please let me in',
    username: 'keeperqz', name: 'Renamed community', slug: 'renamed-qz', domainStatement: 'Changed', formality: 'informal',
    locality: 'distributed', visibility: 'public', joinPolicy: 'open', description: 'changed',
  });

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const db = t.deps.db;
    const keeper = await makeUser(db, { username: 'keeperqz' });
    const insider = await makeUser(db, { username: 'insiderqz' });
    const invitee = await makeUser(db, { username: 'inviteeqz' });
    const o = await makeUser(db, { username: 'outsiderqz' });
    const a = await makeUser(db, { username: 'adminqz', role: 'admin' });
    const c = await makeCommunity(db, keeper.id, { slug: 'quiet-harbour', name: SECRET.name, description: SECRET.description, visibility: 'private', join_policy: 'invite' });
    await addMember(db, c.id, insider.id);
    const now = new Date().toISOString();
    const topic = await db.insertInto('topics').values({ community_id: c.id, author_id: insider.id, kind: 'question', title: SECRET.title, reply_count: 1, last_posted_at: now, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    const p1 = await db.insertInto('posts').values({ topic_id: topic.id, author_id: insider.id, body: SECRET.body, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('posts').values({ topic_id: topic.id, author_id: keeper.id, body: SECRET.reply, created_at: now, updated_at: now }).execute();
    await db.insertInto('activity').values({ actor_id: insider.id, verb: 'topic.created', community_id: c.id, subject_type: 'topic', subject_id: topic.id, data: JSON.stringify({ title: SECRET.title }), created_at: now }).execute();
    const inv = await db.insertInto('invitations').values({ community_id: c.id, invitee_id: invitee.id, invited_by: keeper.id, status: 'pending', created_at: now, decided_at: null }).returning('id').executeTakeFirstOrThrow();
    const tok = await db.insertInto('api_tokens').values({ user_id: keeper.id, name: 'keeper token', token_hash: 'x'.repeat(64), token_prefix: 'gh_xxxx', created_at: now, last_used_at: null, revoked_at: null }).returning('id').executeTakeFirstOrThrow();
    ids = { slug: c.slug, topic: String(topic.id), post: String(p1.id), invitation: String(inv.id), token: String(tok.id), user: String(keeper.id), username: 'insiderqz' };
    outsider = await signInAs(t, o.id);
    admin = await signInAs(t, a.id);
  });
  afterAll(async () => t.close());

  function fill(url: string): string {
    return url
      .replace(':slug', ids.slug!)
      .replace(':username', ids.username!)
      .replace(/\/invitations\/:id/, `/invitations/${ids.invitation}`)
      .replace(/\/tokens\/:id/, `/tokens/${ids.token}`)
      .replace(/\/users\/:id/, `/users/${ids.user}`)
      .replace(/\/posts\/:id/, `/posts/${ids.post}`)
      .replace(':id', ids.topic!)
      .replace(/\*$/, '');
  }

  async function snapshot(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of tables) {
      const r = await t.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      out[table] = Number(r.n);
    }
    return out;
  }

  it('covers a meaningful number of routes', () => {
    expect(t.app.routeList.length).toBeGreaterThan(40);
  });

  it('never shows a private community’s content to anonymous visitors, outsiders or non-member admins on any GET route', async () => {
    const who: Array<[string, Omit<Browser, 'userId'>]> = [['anonymous', anonymousBrowser()], ['outsider', outsider], ['admin', admin]];
    const leaks: string[] = [];
    for (const r of t.app.routeList.filter((x) => x.method === 'GET' && !x.url.startsWith('/static'))) {
      for (const [name, b] of who) {
        for (const url of [fill(r.url), `${fill(r.url)}?community=${ids.slug}&q=Harbour`]) {
          const res = await t.app.inject({ method: 'GET', url, headers: { cookie: b.cookie } });
          expect(res.statusCode, `${name} GET ${url}`).toBeLessThan(500);
          for (const s of [SECRET.title, SECRET.body, SECRET.reply, SECRET.description]) {
            if (res.body.includes(s)) leaks.push(`${name} GET ${url} shows ${s}`);
          }
          if (name !== 'admin' && res.body.includes(SECRET.name)) leaks.push(`${name} GET ${url} reveals the secret community's name`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  it('refuses every write by an outsider aimed at the private community’s things, with a 4xx and no change', async () => {
    const before = await snapshot();
    const failures: string[] = [];
    // Following a person is aimed at the person, not at a community's things: any signed-in member may follow
    // anyone (src/people/profiles/profiles.authz.http.test.ts covers who may).
    const personal = (url: string) => /^\/(api\/v1\/users|u)\/:username\/(un)?follow$/.test(url);
    const writes = t.app.routeList.filter((x) => x.method !== 'GET' && /:(slug|id|username)/.test(x.url) && !x.url.includes('/tokens/') && !personal(x.url));
    expect(writes.length).toBeGreaterThan(10);
    for (const r of writes) {
      const url = fill(r.url);
      const isApi = url.startsWith('/api/');
      const body = plausibleBody();
      const res = isApi
        ? await t.app.inject({ method: r.method as 'POST', url, headers: { cookie: outsider.cookie, 'content-type': 'application/json' }, payload: JSON.stringify(body) })
        : await t.app.inject({ method: r.method as 'POST', url, headers: { cookie: outsider.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ ...body, _csrf: outsider.csrf }).toString() });
      if (res.statusCode < 400 || res.statusCode >= 500) failures.push(`${r.method} ${url} answered ${res.statusCode}`);
      if (res.body.includes(SECRET.title) || res.body.includes(SECRET.body)) failures.push(`${r.method} ${url} leaked content`);
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });
});
