import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, postForm, signInAs, type TestApp } from '../../../test/helpers/app.ts';
import { makeCommunity, makeUser } from '../../../test/helpers/factories.ts';

const HIT = 'x-guildhall-cache';

describe('the anonymous micro-cache (ANON_CACHE_SECONDS)', () => {
  let t: TestApp;
  let member: Awaited<ReturnType<typeof signInAs>>;
  let pub: { slug: string };
  let secret: { slug: string };
  beforeAll(async () => {
    t = await buildTestApp('sqlite', { env: { ANON_CACHE_SECONDS: '1' } });
    const owner = await makeUser(t.deps.db, { username: 'owner' });
    pub = await makeCommunity(t.deps.db, owner.id, { name: 'Open Bench', visibility: 'public', join_policy: 'open' });
    secret = await makeCommunity(t.deps.db, owner.id, { name: 'Back Room', visibility: 'private', join_policy: 'invite' });
    member = await signInAs(t, owner.id);
  });
  afterAll(async () => t.close());

  const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

  it('answers a second anonymous visitor of the same address from memory, with the same page', async () => {
    const first = await get(`/c/${pub.slug}`);
    const second = await get(`/c/${pub.slug}`);
    expect(first.statusCode).toBe(200);
    expect(first.headers[HIT]).toBeUndefined();
    expect(second.headers[HIT]).toBe('hit');
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    const strip = (html: string) => html.replace(/name="_csrf" value="[^"]*"/g, '');
    expect(strip(second.body)).toBe(strip(first.body));
  });

  it('gives each visitor their own CSRF token in the forms of a shared page', async () => {
    // The sign-in form carries a CSRF token (most anonymous pages have no form that needs one).
    await get('/signin');
    const a = await get('/signin', 'gh_csrf=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    const b = await get('/signin', 'gh_csrf=bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb');
    expect(a.headers[HIT]).toBe('hit');
    const tokens = (html: string) => [...html.matchAll(/name="_csrf" value="([^"]*)"/g)].map((m) => m[1]);
    expect(tokens(a.body).length).toBeGreaterThan(0);
    expect(new Set(tokens(a.body))).toEqual(new Set(['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']));
    expect(new Set(tokens(b.body))).toEqual(new Set(['bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb']));
  });

  it('gives a shared page an ETag per visitor token and answers a matching If-None-Match with 304', async () => {
    const cookie = 'gh_csrf=cccccccccccccccccccccccccccccccccccc';
    await get('/signup');
    const hit = await get('/signup', cookie);
    expect(hit.headers[HIT]).toBe('hit');
    const other = await get('/signup', 'gh_csrf=dddddddddddddddddddddddddddddddddddd');
    expect(other.headers.etag).not.toBe(hit.headers.etag);
    const again = await t.app.inject({ method: 'GET', url: '/signup', headers: { cookie, 'if-none-match': String(hit.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('never serves or stores what a signed-in person sees, nor a page a visitor may not see', async () => {
    const signedIn = await get(`/c/${secret.slug}`, member.cookie);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.headers[HIT]).toBeUndefined();
    const again = await get(`/c/${secret.slug}`, member.cookie);
    expect(again.headers[HIT]).toBeUndefined();
    for (let i = 0; i < 2; i++) {
      const anonymous = await get(`/c/${secret.slug}`);
      expect(anonymous.statusCode).toBe(404);
      expect(anonymous.headers[HIT]).toBeUndefined();
      expect(anonymous.body).not.toContain('Back Room');
    }
    const api = await get(`/api/v1/communities/${pub.slug}`, member.cookie);
    expect(api.headers[HIT]).toBeUndefined();
  });

  it('does not share a response that sets a cookie other than the CSRF one', async () => {
    const themed = await postForm(t, '/theme', { theme: 'dark' });
    expect(themed.statusCode).toBeLessThan(400);
    const page = await get(`/c/${pub.slug}/tags`, 'gh_theme=dark');
    const again = await get(`/c/${pub.slug}/tags`, 'gh_theme=dark');
    const light = await get(`/c/${pub.slug}/tags`);
    expect(again.headers[HIT]).toBe('hit');
    expect(again.body).toContain('data-theme="dark"');
    expect(light.headers[HIT]).toBeUndefined();
    expect(light.body).not.toContain('data-theme="dark"');
    expect(page.statusCode).toBe(200);
  });

  it('renders a page once when many visitors ask for it at the same moment', async () => {
    const url = `/c/${pub.slug}/topics?view=unanswered`;
    const all = await Promise.all(Array.from({ length: 8 }, () => get(url)));
    expect(all.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
    expect(all.filter((r) => r.headers[HIT] === undefined)).toHaveLength(1);
    expect(all.filter((r) => r.headers[HIT] === 'hit')).toHaveLength(7);
    expect(new Set(all.map((r) => r.body.replace(/name="_csrf" value="[^"]*"/g, ''))).size).toBe(1);
  });

  it('serves the kept page to others while the one visitor who found it old gets it rendered anew', async () => {
    const url = `/api/v1/communities/${pub.slug}/tags`;
    const first = await get(url);
    await sleep(1_100);
    const [refresh, meanwhile] = await Promise.all([get(url), get(url)]);
    expect(refresh.headers[HIT]).toBeUndefined();
    expect(meanwhile.headers[HIT]).toBe('stale');
    expect(meanwhile.body).toBe(first.body);
    expect((await get(url)).headers[HIT]).toBe('hit');
  });

  it('shows anonymous visitors new content once the entry is older than ANON_CACHE_SECONDS', async () => {
    const before = await get(`/api/v1/communities/${pub.slug}`);
    await t.deps.db.updateTable('communities').set({ name: 'Open Bench Renamed' }).where('slug', '=', pub.slug).execute();
    expect((await get(`/api/v1/communities/${pub.slug}`)).body).toBe(before.body);
    await sleep(1_100);
    expect((await get(`/api/v1/communities/${pub.slug}`)).body).toContain('Open Bench Renamed');
  });
});

describe('with ANON_CACHE_SECONDS=0', () => {
  it('answers every anonymous request afresh', async () => {
    const t = await buildTestApp('sqlite', { env: { ANON_CACHE_SECONDS: '0' } });
    try {
      await t.app.inject({ url: '/communities' });
      expect((await t.app.inject({ url: '/communities' })).headers[HIT]).toBeUndefined();
    } finally {
      await t.close();
    }
  });
});
