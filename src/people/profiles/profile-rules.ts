import { badRequest } from '../../core/http/errors.ts';
import type { FieldVisibility, MentoringAvailability, SkillLevel } from '../../core/db/tables/profiles.ts';
import type { PrivateField } from './privacy.ts';
import { PRIVATE_FIELDS } from './privacy.ts';
import { availabilities, LIMITS, skillLevels, visibilities, type SkillInput } from './profiles.schema.ts';
import { normaliseSkill, type DeclaredSkill } from './skills.store.ts';

/** A checked professional-profile change: only the keys present change. */
export interface ProfessionalChange {
  headline?: string;
  orgUnit?: string;
  languages?: string[];
  interests?: string;
  askMeAbout?: string;
  mentoringAvailability?: MentoringAvailability;
  privacy?: Partial<Record<PrivateField, FieldVisibility>>;
}

const fail = (field: string, message: string) => badRequest(message, [{ field, message }]);

/** A language name or code: letters (any script), then letters, spaces, hyphens, apostrophes or brackets ("fr-CA", "Português", "Sign language (BSL)"). */
const LANGUAGE = /^\p{L}[\p{L}\p{M} '()-]*$/u;

/** Checks a list of languages: trimmed, blanks dropped, duplicates (ignoring case) dropped; 400 naming `languages`. */
export function checkLanguages(raw: readonly string[]): string[] {
  const out: string[] = [];
  for (const l of raw.map((x) => x.trim()).filter((x) => x !== '')) {
    if (l.length > LIMITS.language || !LANGUAGE.test(l)) throw fail('languages', `Languages: “${l.slice(0, 40)}” is not a language name or code (letters, up to ${LIMITS.language} characters)`);
    if (!out.some((o) => o.toLowerCase() === l.toLowerCase())) out.push(l);
  }
  if (out.length > LIMITS.languages) throw fail('languages', `Languages: at most ${LIMITS.languages} (you gave ${out.length})`);
  return out;
}

function text(field: string, label: string, value: string | undefined, max: number): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (v.length > max) throw fail(field, `${label}: at most ${max} characters`);
  return v;
}

/** Checks the professional fields of a profile change; throws 400 naming the first bad field. */
export function checkProfessional(input: { headline?: string; orgUnit?: string; languages?: readonly string[]; interests?: string; askMeAbout?: string; mentoringAvailability?: string; privacy?: Record<string, string | undefined> }): ProfessionalChange {
  const out: ProfessionalChange = {};
  const h = text('headline', 'Headline', input.headline, LIMITS.headline);
  if (h !== undefined) out.headline = h;
  const o = text('orgUnit', 'Organisation unit', input.orgUnit, LIMITS.orgUnit);
  if (o !== undefined) out.orgUnit = o;
  const i = text('interests', 'Interests', input.interests, LIMITS.interests);
  if (i !== undefined) out.interests = i;
  const a = text('askMeAbout', 'Ask me about', input.askMeAbout, LIMITS.askMeAbout);
  if (a !== undefined) out.askMeAbout = a;
  if (input.languages !== undefined) out.languages = checkLanguages(input.languages);
  if (input.mentoringAvailability !== undefined) {
    if (!(availabilities as readonly string[]).includes(input.mentoringAvailability)) throw fail('mentoringAvailability', `Mentoring availability must be one of: ${availabilities.join(', ')}`);
    out.mentoringAvailability = input.mentoringAvailability as MentoringAvailability;
  }
  if (input.privacy !== undefined) {
    const privacy: Partial<Record<PrivateField, FieldVisibility>> = {};
    for (const [field, v] of Object.entries(input.privacy)) {
      if (v === undefined) continue;
      if (!(PRIVATE_FIELDS as readonly string[]).includes(field)) throw fail(`privacy.${field}`, `Privacy: “${field.slice(0, 40)}” is not a field you can hide (${PRIVATE_FIELDS.join(', ')})`);
      if (!(visibilities as readonly string[]).includes(v)) throw fail(`privacy.${field}`, `Privacy of ${field} must be one of: ${visibilities.join(', ')}`);
      privacy[field as PrivateField] = v as FieldVisibility;
    }
    out.privacy = privacy;
  }
  return out;
}

/** Checks one declared skill: a name with letters or digits (at most 60 characters) and a level; 400 naming `field`. */
export function checkSkill(s: SkillInput, field = 'skill'): DeclaredSkill {
  const name = s.skill.trim().replace(/\s+/g, ' ');
  if (name.length === 0 || name.length > LIMITS.skill) throw fail(field, `Skill names are 1 to ${LIMITS.skill} characters`);
  const skillKey = normaliseSkill(name);
  if (skillKey === '') throw fail(field, `Skill “${name.slice(0, 40)}” needs letters or digits`);
  if (!(skillLevels as readonly string[]).includes(s.level)) throw fail('level', `Level of “${name}” must be one of: ${skillLevels.join(', ')}`);
  return { skill: name, skillKey, level: s.level };
}

/** Checks a whole list of skills: each as `checkSkill`, no skill twice, at most 50; 400 naming `skills`. */
export function checkSkills(list: readonly SkillInput[]): DeclaredSkill[] {
  const out = list.map((s) => checkSkill(s, 'skills'));
  const seen = new Set<string>();
  for (const s of out) {
    if (seen.has(s.skillKey)) throw fail('skills', `Skills: “${s.skill}” is listed twice`);
    seen.add(s.skillKey);
  }
  if (out.length > LIMITS.skills) throw fail('skills', `Skills: at most ${LIMITS.skills} (you gave ${out.length})`);
  return out;
}

/**
 * Reads the skills textarea of the settings form, one skill per line as "name | level" (level
 * optional, 'practising' when left out; blank lines skipped). Throws 400 naming `skills` for an
 * unknown level (quoting the line), then as `checkSkills`.
 */
export function parseSkillsText(raw: string): DeclaredSkill[] {
  const items: SkillInput[] = [];
  for (const line of raw.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '')) {
    const bar = line.lastIndexOf('|');
    const skill = bar < 0 ? line : line.slice(0, bar).trim();
    const level = bar < 0 ? 'practising' : line.slice(bar + 1).trim().toLowerCase();
    if (!(skillLevels as readonly string[]).includes(level)) throw fail('skills', `Skills: the level in “${line.slice(0, 60)}” must be one of: ${skillLevels.join(', ')}`);
    items.push({ skill, level: level as SkillLevel });
  }
  return checkSkills(items);
}

/** The skills textarea's text for a list of skills. */
export function skillsText(skills: readonly DeclaredSkill[]): string {
  return skills.map((s) => `${s.skill} | ${s.level}`).join('\n');
}
