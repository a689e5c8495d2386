import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/http/errors.ts';
import { checkLanguages, checkProfessional, checkSkills, parseSkillsText } from './profile-rules.ts';
import { normaliseSkill } from './skills.store.ts';

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.details[0]?.field;
    throw e;
  }
  return undefined;
}

describe('normaliseSkill', () => {
  it('normalises like topic tags', () => {
    expect(normaliseSkill('  Flood Modelling ')).toBe('flood-modelling');
    expect(normaliseSkill('C#')).toBe('csharp');
    expect(normaliseSkill('C++')).toBe('cplusplus');
    expect(normaliseSkill('Node.js')).toBe('node-js');
    expect(normaliseSkill('Gestión de proyectos')).toBe('gestion-de-proyectos');
    expect(normaliseSkill('a - b')).toBe('a-b');
    expect(normaliseSkill('x'.repeat(40))).toHaveLength(30);
    expect(normaliseSkill('!!!')).toBe('');
  });
});

describe('checkSkills and parseSkillsText', () => {
  it('reads "name | level" lines, practising by default, blank lines skipped', () => {
    expect(parseSkillsText('Hydrology | expert\n\n  GIS  \nR|learning')).toEqual([
      { skill: 'Hydrology', skillKey: 'hydrology', level: 'expert' },
      { skill: 'GIS', skillKey: 'gis', level: 'practising' },
      { skill: 'R', skillKey: 'r', level: 'learning' },
    ]);
  });

  it('names skills for an unknown level, a skill twice, a skill without letters, or more than 50', () => {
    expect(fieldOf(() => parseSkillsText('GIS | guru'))).toBe('skills');
    expect(fieldOf(() => parseSkillsText('GIS\ngis'))).toBe('skills');
    expect(fieldOf(() => parseSkillsText('!!!'))).toBe('skills');
    expect(fieldOf(() => checkSkills(Array.from({ length: 51 }, (_, i) => ({ skill: `s${i}`, level: 'learning' as const }))))).toBe('skills');
    expect(checkSkills(Array.from({ length: 50 }, (_, i) => ({ skill: `s${i}`, level: 'learning' as const })))).toHaveLength(50);
  });
});

describe('checkProfessional', () => {
  it('trims text and keeps only the keys given', () => {
    expect(checkProfessional({ headline: '  Hydrologist ' })).toEqual({ headline: 'Hydrologist' });
  });

  it('accepts language names and codes, dropping duplicates', () => {
    expect(checkLanguages(['English', 'fr-CA', ' english ', 'Português', 'Sign language (BSL)', ''])).toEqual(['English', 'fr-CA', 'Português', 'Sign language (BSL)']);
  });

  it('names the bad field', () => {
    expect(fieldOf(() => checkLanguages(['<script>']))).toBe('languages');
    expect(fieldOf(() => checkLanguages(['12']))).toBe('languages');
    expect(fieldOf(() => checkLanguages(Array.from({ length: 11 }, (_, i) => `L${'a'.repeat(i)}`)))).toBe('languages');
    expect(fieldOf(() => checkProfessional({ headline: 'x'.repeat(121) }))).toBe('headline');
    expect(fieldOf(() => checkProfessional({ mentoringAvailability: 'always' }))).toBe('mentoringAvailability');
    expect(fieldOf(() => checkProfessional({ privacy: { email: 'only_me' } }))).toBe('privacy.email');
    expect(fieldOf(() => checkProfessional({ privacy: { bio: 'friends' } }))).toBe('privacy.bio');
  });
});
