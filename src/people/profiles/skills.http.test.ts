import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, postForm, signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { makeUser } from '../../../test/helpers/factories.ts';
import { countRows, tickingClock } from '../../discussions/discussions.fixtures.ts';
import { declaredSkillsOf } from './skills.store.ts';

describeEachDialect('declared skills and endorsements', (dialect) => {
  let t: TestApp;
  let ada: Browser;
  let bo: Browser;
  let adaId: number;
  const counts = async () => [await countRows(t.deps.db, 'user_skills'), await countRows(t.deps.db, 'skill_endorsements'), await countRows(t.deps.db, 'activity')];

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    const a = await makeUser(t.deps.db, { username: 'ada', display_name: 'Ada Lovelace' });
    adaId = a.id;
    ada = await signInAs(t, a.id);
    bo = await signInAs(t, (await makeUser(t.deps.db, { username: 'bo' })).id);
  });
  afterAll(async () => t.close());

  describe('PUT /api/v1/me/skills', () => {
    it('replaces the list, normalising keys, expert first', async () => {
      const res = await api(t, 'PUT', '/api/v1/me/skills', { skills: [{ skill: 'Flood Modelling', level: 'learning' }, { skill: 'C#', level: 'expert' }] }, ada);
      expect(res.statusCode).toBe(200);
      expect(res.json().skills).toEqual([
        { skill: 'C#', skillKey: 'csharp', level: 'expert' },
        { skill: 'Flood Modelling', skillKey: 'flood-modelling', level: 'learning' },
      ]);
      const map = await declaredSkillsOf(t.deps.db, [adaId]);
      expect(map.get(adaId)?.map((s) => s.skillKey)).toEqual(['csharp', 'flood-modelling']);
    });

    const bad: Array<[string, unknown, string]> = [
      ['an unknown level', { skills: [{ skill: 'GIS', level: 'guru' }] }, 'level'],
      ['a skill twice (after normalising)', { skills: [{ skill: 'GIS', level: 'expert' }, { skill: 'gis', level: 'learning' }] }, 'skills'],
      ['a name without letters or digits', { skills: [{ skill: '???', level: 'expert' }] }, 'skills'],
      ['51 skills', { skills: Array.from({ length: 51 }, (_, i) => ({ skill: `skill ${i}`, level: 'learning' })) }, 'skills'],
      ['a name of 61 characters', { skills: [{ skill: 'x'.repeat(61), level: 'expert' }] }, 'skill'],
    ];
    for (const [what, body, field] of bad) {
      it(`rejects ${what} with 400 naming the field and writes nothing`, async () => {
        const before = await counts();
        const res = await api(t, 'PUT', '/api/v1/me/skills', body, ada);
        expect(res.statusCode).toBe(400);
        expect(JSON.stringify(res.json().error.details)).toContain(field);
        expect(await counts()).toEqual(before);
      });
    }

    it('needs sign-in', async () => {
      expect((await api(t, 'PUT', '/api/v1/me/skills', { skills: [] })).statusCode).toBe(401);
    });
  });

  describe('POST and DELETE one skill', () => {
    it('adds a skill, changes its level, and removes it', async () => {
      expect((await api(t, 'POST', '/api/v1/me/skills', { skill: 'Hydrology', level: 'practising' }, ada)).json().skills).toHaveLength(3);
      const changed = (await api(t, 'POST', '/api/v1/me/skills', { skill: 'hydrology', level: 'expert' }, ada)).json().skills;
      expect(changed).toHaveLength(3);
      expect(changed.find((s: { skillKey: string }) => s.skillKey === 'hydrology').level).toBe('expert');
      expect((await api(t, 'DELETE', '/api/v1/me/skills/hydrology', {}, ada)).json().skills).toHaveLength(2);
      expect((await api(t, 'DELETE', '/api/v1/me/skills/hydrology', {}, ada)).statusCode).toBe(404);
    });
  });

  describe('endorsements', () => {
    it('lets another member endorse a skill once, shown on the profile, and withdraw it', async () => {
      const res = await api(t, 'POST', '/api/v1/users/ada/skills/csharp/endorsement', {}, bo);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ endorsements: 1, endorsedByYou: true });
      expect((await api(t, 'POST', '/api/v1/users/ada/skills/csharp/endorsement', {}, bo)).statusCode).toBe(409);
      const skills = (await api(t, 'GET', '/api/v1/users/ada', undefined, bo)).json().skills;
      expect(skills.find((s: { skillKey: string }) => s.skillKey === 'csharp')).toMatchObject({ endorsements: 1, endorsedByYou: true });
      const verbs = await t.deps.db.selectFrom('activity').select('verb').where('verb', '=', 'skill.endorsed').execute();
      expect(verbs).toHaveLength(1);
      expect((await api(t, 'DELETE', '/api/v1/users/ada/skills/csharp/endorsement', {}, bo)).json()).toEqual({ endorsements: 0, endorsedByYou: false });
    });

    it('refuses self-endorsement with 403 and writes nothing (API and form)', async () => {
      const before = await counts();
      expect((await api(t, 'POST', '/api/v1/users/ada/skills/csharp/endorsement', {}, ada)).statusCode).toBe(403);
      expect((await postForm(t, '/u/ada/skills/csharp/endorse', {}, ada)).statusCode).toBe(403);
      expect(await counts()).toEqual(before);
    });

    it('answers 404 for a skill not declared or a person unknown, and 401 when signed out', async () => {
      expect((await api(t, 'POST', '/api/v1/users/ada/skills/cobol/endorsement', {}, bo)).statusCode).toBe(404);
      expect((await api(t, 'POST', '/api/v1/users/nobody-here/skills/csharp/endorsement', {}, bo)).statusCode).toBe(404);
      expect((await api(t, 'POST', '/api/v1/users/ada/skills/csharp/endorsement', {})).statusCode).toBe(401);
    });

    it('works from the profile page without JavaScript, and keeps endorsements when the list is saved again', async () => {
      const page = await t.app.inject({ method: 'GET', url: '/u/ada', headers: { cookie: bo.cookie } });
      expect(page.body).toContain('action="/u/ada/skills/csharp/endorse"');
      const res = await postForm(t, '/u/ada/skills/csharp/endorse', {}, bo);
      expect(res.statusCode).toBe(303);
      await api(t, 'PUT', '/api/v1/me/skills', { skills: [{ skill: 'C#', level: 'practising' }] }, ada);
      const skills = (await api(t, 'GET', '/api/v1/users/ada')).json().skills;
      expect(skills).toEqual([{ skill: 'C#', skillKey: 'csharp', level: 'practising', endorsements: 1, endorsedByYou: false }]);
    });

    it('does not show the endorse button to the owner or to anonymous visitors', async () => {
      expect((await t.app.inject({ method: 'GET', url: '/u/ada', headers: { cookie: ada.cookie } })).body).not.toContain('/endorse"');
      expect((await t.app.inject({ method: 'GET', url: '/u/ada' })).body).not.toContain('/endorse"');
    });
  });
});
