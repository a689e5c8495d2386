import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { makeUser } from '../../test/helpers/factories.ts';

interface Item {
  username: string;
  displayName: string;
}

describeEachDialect('people: member directory', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const db = t.deps.db;
    await makeUser(db, { username: 'zed_potter', display_name: 'Zed Potter', discipline: 'Ceramics', location: 'Stoke', email: 'zed.private@example.test' });
    await makeUser(db, { username: 'amy_weaver', display_name: 'amy Weaver', discipline: 'Textiles', location: 'Bradford' });
    await makeUser(db, { username: 'bo_smith', display_name: 'Bo Smith', discipline: 'Blacksmithing', location: 'Stoke' });
    await makeUser(db, { username: 'cy_percent', display_name: 'Cy 100% Sure', discipline: 'Statistics', location: 'York' });
    await makeUser(db, { username: 'di_under', display_name: 'Di_Under', discipline: 'Glass', location: 'Leeds' });
  });
  afterAll(async () => t.close());

  const list = async (query: string) => (await api(t, 'GET', `/api/v1/users${query}`)).json() as { items: Item[]; nextCursor: string | null };

  describe('GET /api/v1/users', () => {
    it('lists everyone by display name, case-insensitively, to anonymous callers, without emails', async () => {
      const res = await api(t, 'GET', '/api/v1/users');
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((i: Item) => i.displayName)).toEqual(['amy Weaver', 'Bo Smith', 'Cy 100% Sure', 'Di_Under', 'Zed Potter']);
      expect(res.body).not.toContain('@example.test');
      expect(res.json().items[0]).not.toHaveProperty('email');
    });

    it.each([
      ['a username', 'BO_SM', ['bo_smith']],
      ['a display name', 'weaver', ['amy_weaver']],
      ['a discipline', 'ceram', ['zed_potter']],
      ['a location', 'stoke', ['bo_smith', 'zed_potter']],
    ])('searches %s with q', async (_what, q, expected) => {
      expect((await list(`?q=${encodeURIComponent(q)}`)).items.map((i) => i.username)).toEqual(expected);
    });

    it('treats % and _ in q as plain text, not wildcards', async () => {
      expect((await list('?q=%25')).items.map((i) => i.username)).toEqual(['cy_percent']);
      expect((await list('?q=i_u')).items.map((i) => i.username)).toEqual(['di_under']);
    });

    it('pages with a cursor, covering everyone exactly once', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: { items: Item[]; nextCursor: string | null } = await list(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.items.map((i) => i.username));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual(['amy_weaver', 'bo_smith', 'cy_percent', 'di_under', 'zed_potter']);
    });

    it('rejects a forged cursor with 400 naming cursor', async () => {
      const res = await api(t, 'GET', '/api/v1/users?cursor=not-a-cursor');
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('cursor');
    });

    it('rejects a limit over 100 with 400 naming limit', async () => {
      const res = await api(t, 'GET', '/api/v1/users?limit=101');
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('limit');
    });

    it('rejects an overlong q with 400 naming q', async () => {
      const res = await api(t, 'GET', `/api/v1/users?q=${'x'.repeat(101)}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('q');
    });
  });

  describe('GET /members', () => {
    it('renders people as cards linking to their profiles', async () => {
      const res = await t.app.inject('/members');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<h1>People</h1>');
      expect(res.body).toContain('href="/u/zed_potter"');
      expect(res.body).not.toContain('zed.private@example.test');
    });

    it('keeps the search in the box and filters', async () => {
      const res = await t.app.inject('/members?q=stoke');
      expect(res.body).toContain('value="stoke"');
      expect(res.body).toContain('href="/u/bo_smith"');
      expect(res.body).not.toContain('href="/u/amy_weaver"');
    });

    it('says so when no one matches, and escapes the search text', async () => {
      const res = await t.app.inject(`/members?q=${encodeURIComponent('<b>nobody</b>')}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('No one matches');
      expect(res.body).not.toContain('<b>nobody</b>');
    });
  });
});
