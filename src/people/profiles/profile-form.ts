import { Type } from '@sinclair/typebox';
import type { FieldVisibility } from '../../core/db/tables/profiles.ts';
import { PRIVATE_FIELDS, type PrivateField } from './privacy.ts';
import { checkProfessional, parseSkillsText, skillsText, type ProfessionalChange } from './profile-rules.ts';
import { LIMITS, type MyProfile } from './profiles.schema.ts';
import type { DeclaredSkill } from './skills.store.ts';

/** The form fields the professional profile adds to the settings form (all optional: absent means unchanged). */
export const professionalFormFields = {
  headline: Type.Optional(Type.String({ maxLength: LIMITS.headline })),
  orgUnit: Type.Optional(Type.String({ maxLength: LIMITS.orgUnit })),
  languages: Type.Optional(Type.String({ maxLength: 1000, description: 'Comma-separated' })),
  interests: Type.Optional(Type.String({ maxLength: LIMITS.interests })),
  askMeAbout: Type.Optional(Type.String({ maxLength: LIMITS.askMeAbout })),
  mentoringAvailability: Type.Optional(Type.String({ maxLength: 20 })),
  skills: Type.Optional(Type.String({ maxLength: 10_000, description: 'One skill per line: name | level' })),
  ...Object.fromEntries(PRIVATE_FIELDS.map((f) => [`privacy_${f}`, Type.Optional(Type.String({ maxLength: 20 }))])),
};

/** The text values of the professional part of the settings form, for showing and refilling it. */
export type ProfessionalFormValues = Record<'headline' | 'orgUnit' | 'languages' | 'interests' | 'askMeAbout' | 'mentoringAvailability' | 'skills', string> & Record<`privacy_${PrivateField}`, string>;

export const PROFESSIONAL_FORM_KEYS = ['headline', 'orgUnit', 'languages', 'interests', 'askMeAbout', 'mentoringAvailability', 'skills', ...PRIVATE_FIELDS.map((f) => `privacy_${f}`)];

/** The form values for a stored profile. */
export function professionalFormValues(p: MyProfile): ProfessionalFormValues {
  const privacy = Object.fromEntries(PRIVATE_FIELDS.map((f) => [`privacy_${f}`, p.privacy[f] as FieldVisibility]));
  return { headline: p.headline, orgUnit: p.orgUnit, languages: p.languages.join(', '), interests: p.interests, askMeAbout: p.askMeAbout, mentoringAvailability: p.mentoringAvailability, skills: skillsText(p.skills), ...privacy } as ProfessionalFormValues;
}

/**
 * Reads and checks the professional part of a posted settings form. Throws 400 naming the field
 * (`languages`, `skills`, `privacy.<field>`, …). Skills are only replaced when the textarea was sent.
 */
export function readProfessionalForm(body: Record<string, unknown>): { change: ProfessionalChange; skills: DeclaredSkill[] | undefined } {
  const str = (k: string) => (typeof body[k] === 'string' ? body[k] : undefined);
  const privacy: Record<string, string | undefined> = {};
  for (const f of PRIVATE_FIELDS) if (str(`privacy_${f}`) !== undefined) privacy[f] = str(`privacy_${f}`);
  const languages = str('languages');
  const change = checkProfessional({
    headline: str('headline'),
    orgUnit: str('orgUnit'),
    languages: languages === undefined ? undefined : languages.split(','),
    interests: str('interests'),
    askMeAbout: str('askMeAbout'),
    mentoringAvailability: str('mentoringAvailability'),
    privacy: Object.keys(privacy).length > 0 ? privacy : undefined,
  });
  const skills = str('skills');
  return { change, skills: skills === undefined ? undefined : parseSkillsText(skills) };
}
