import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, postForm, signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { makeUser } from '../../../test/helpers/factories.ts';
import { tickingClock } from '../../discussions/discussions.fixtures.ts';

/*
 * Per-field privacy: a field shown to 'members' is hidden from anonymous visitors on the page, the
 * API, the member directory (also as a search term) and site search; 'only_me' is hidden from every
 * other signed-in person but shown to its owner.
 */
describeEachDialect('profile field privacy', (dialect) => {
  let t: TestApp;
  let owner: Browser;
  let other: Browser;
  const get = (url: string, b?: Browser) => t.app.inject({ method: 'GET', url, headers: b ? { cookie: b.cookie } : {} });

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    const u = await makeUser(t.deps.db, { username: 'hidden-hana', display_name: 'Hana Hidden', discipline: 'Zymurgy', location: 'Quillfield' });
    owner = await signInAs(t, u.id);
    other = await signInAs(t, (await makeUser(t.deps.db)).id);
    const res = await api(t, 'PATCH', '/api/v1/me/profile', {
      headline: 'Brewer of Xanthic ales',
      orgUnit: 'Fermentation Lab',
      languages: ['English', 'fr-CA'],
      askMeAbout: 'Yeast wrangling',
      privacy: { headline: 'members', discipline: 'members', location: 'only_me', org_unit: 'only_me' },
    }, owner);
    expect(res.statusCode).toBe(200);
    expect((await api(t, 'PUT', '/api/v1/me/skills', { skills: [{ skill: 'Kveik Brewing', level: 'expert' }] }, owner)).statusCode).toBe(200);
  });
  afterAll(async () => t.close());

  it('returns the owner their profile with every visibility', async () => {
    const me = (await api(t, 'GET', '/api/v1/me/profile', undefined, owner)).json();
    expect(me).toMatchObject({ headline: 'Brewer of Xanthic ales', orgUnit: 'Fermentation Lab', languages: ['English', 'fr-CA'], askMeAbout: 'Yeast wrangling', mentoringAvailability: 'not_available' });
    expect(me.privacy).toMatchObject({ headline: 'members', discipline: 'members', location: 'only_me', org_unit: 'only_me', bio: 'everyone', skills: 'everyone' });
  });

  describe('anonymous visitors', () => {
    it('get null for members-only and only-me fields in the API', async () => {
      const body = (await api(t, 'GET', '/api/v1/users/hidden-hana')).json();
      expect(body).toMatchObject({ headline: null, discipline: null, location: null, orgUnit: null, askMeAbout: 'Yeast wrangling', languages: ['English', 'fr-CA'] });
      expect(body.skills.map((s: { skill: string }) => s.skill)).toEqual(['Kveik Brewing']);
    });

    it('do not see them on the page', async () => {
      const page = await get('/u/hidden-hana');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Yeast wrangling');
      expect(page.body).not.toMatch(/Xanthic|Zymurgy|Quillfield|Fermentation Lab/);
    });

    it('cannot find the person by searching the directory for a hidden field', async () => {
      for (const q of ['xanthic', 'zymurgy', 'quillfield', 'fermentation']) {
        const res = await api(t, 'GET', `/api/v1/users?q=${q}`);
        expect(res.json().items, q).toEqual([]);
        expect((await get(`/members?q=${q}`)).body).not.toContain('Hana Hidden');
      }
      expect((await api(t, 'GET', '/api/v1/users?q=yeast')).json().items.map((p: { username: string }) => p.username)).toEqual(['hidden-hana']);
      expect((await api(t, 'GET', '/api/v1/users?q=kveik')).json().items.map((p: { username: string }) => p.username)).toEqual(['hidden-hana']);
    });

    it('get hidden fields as null in the directory listing', async () => {
      const item = (await api(t, 'GET', '/api/v1/users?q=hana')).json().items[0];
      expect(item).toMatchObject({ username: 'hidden-hana', headline: null, discipline: null, location: null });
    });

    it('cannot find the person in site search by a hidden field', async () => {
      for (const q of ['Xanthic', 'Zymurgy', 'Quillfield']) {
        const res = await api(t, 'GET', `/api/v1/search?q=${q}`);
        expect(res.body, q).not.toContain('Hana Hidden');
      }
    });
  });

  describe('another signed-in member', () => {
    it('sees members-only fields but not only-me ones, in the API, page and directory', async () => {
      const body = (await api(t, 'GET', '/api/v1/users/hidden-hana', undefined, other)).json();
      expect(body).toMatchObject({ headline: 'Brewer of Xanthic ales', discipline: 'Zymurgy', location: null, orgUnit: null });
      const page = await get('/u/hidden-hana', other);
      expect(page.body).toContain('Xanthic');
      expect(page.body).not.toMatch(/Quillfield|Fermentation Lab/);
      expect((await api(t, 'GET', '/api/v1/users?q=zymurgy', undefined, other)).json().items).toHaveLength(1);
      expect((await api(t, 'GET', '/api/v1/users?q=quillfield', undefined, other)).json().items).toEqual([]);
    });
  });

  describe('the owner', () => {
    it('sees every field of their own profile and finds themself by any of them', async () => {
      const body = (await api(t, 'GET', '/api/v1/users/hidden-hana', undefined, owner)).json();
      expect(body).toMatchObject({ headline: 'Brewer of Xanthic ales', discipline: 'Zymurgy', location: 'Quillfield', orgUnit: 'Fermentation Lab' });
      expect((await get('/u/hidden-hana', owner)).body).toMatch(/Fermentation Lab/);
      expect((await api(t, 'GET', '/api/v1/users?q=quillfield', undefined, owner)).json().items).toHaveLength(1);
    });
  });

  describe('hiding skills', () => {
    it('hides declared skills (null) and their search from anonymous visitors when shown to members only', async () => {
      await api(t, 'PATCH', '/api/v1/me/profile', { privacy: { skills: 'members' } }, owner);
      expect((await api(t, 'GET', '/api/v1/users/hidden-hana')).json().skills).toBeNull();
      expect((await api(t, 'GET', '/api/v1/users?q=kveik')).json().items).toEqual([]);
      expect((await get('/u/hidden-hana')).body).not.toContain('Kveik');
      expect((await api(t, 'GET', '/api/v1/users/hidden-hana', undefined, other)).json().skills).toHaveLength(1);
      await api(t, 'PATCH', '/api/v1/me/profile', { privacy: { skills: 'everyone' } }, owner);
    });
  });

  describe('the settings form', () => {
    it('shows every field with its privacy select, and saves them in one post', async () => {
      const form = await get('/settings', owner);
      expect(form.body).toContain('name="privacy_location"');
      expect(form.body).toMatch(/<option value="only_me" selected/);
      expect(form.body).toContain('Kveik Brewing | expert');
      const res = await postForm(t, '/settings', {
        displayName: 'Hana Hidden', bio: '', discipline: 'Zymurgy', location: 'Quillfield', timeZone: 'Europe/Paris',
        headline: 'Head brewer', orgUnit: 'Fermentation Lab', languages: 'English, Deutsch', interests: 'Sour beers', askMeAbout: 'Yeast',
        mentoringAvailability: 'open', skills: 'Kveik Brewing | expert\nBarrel ageing | learning\nHop chemistry',
        privacy_location: 'everyone', privacy_time_zone: 'members',
      }, owner);
      expect(res.statusCode).toBe(303);
      const me = (await api(t, 'GET', '/api/v1/me/profile', undefined, owner)).json();
      expect(me).toMatchObject({ headline: 'Head brewer', languages: ['English', 'Deutsch'], mentoringAvailability: 'open', interests: 'Sour beers' });
      expect(me.skills.map((s: { skill: string; level: string }) => `${s.skill}:${s.level}`)).toEqual(['Kveik Brewing:expert', 'Hop chemistry:practising', 'Barrel ageing:learning']);
      expect(me.privacy).toMatchObject({ location: 'everyone', time_zone: 'members', headline: 'members' });
      expect((await api(t, 'GET', '/api/v1/users/hidden-hana')).json()).toMatchObject({ location: 'Quillfield', timeZone: null });
    });

    it('re-renders with 400 naming the field for a bad skill level, keeping what was typed, and writes nothing', async () => {
      const before = (await api(t, 'GET', '/api/v1/me/profile', undefined, owner)).json();
      const res = await postForm(t, '/settings', { displayName: 'Renamed Hana', bio: '', discipline: '', location: '', timeZone: '', headline: 'Changed', skills: 'Kveik | guru' }, owner);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('guru');
      expect(res.body).toContain('must be one of: learning, practising, expert');
      expect((await api(t, 'GET', '/api/v1/me/profile', undefined, owner)).json()).toEqual(before);
      expect((await api(t, 'GET', '/api/v1/me', undefined, owner)).json().displayName).toBe('Hana Hidden');
    });

    it('rejects a bad privacy value with 400 naming the field', async () => {
      const res = await postForm(t, '/settings', { displayName: 'Hana Hidden', bio: '', discipline: '', location: '', timeZone: '', privacy_bio: 'friends' }, owner);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Privacy of bio must be one of');
    });
  });
});
