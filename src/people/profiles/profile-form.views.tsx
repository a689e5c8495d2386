import type { FieldIssue } from '../../core/http/errors.ts';
import { Field } from '../../core/views/components.tsx';
import type { PrivateField } from './privacy.ts';
import type { ProfessionalFormValues } from './profile-form.ts';
import { LIMITS } from './profiles.schema.ts';

const visibilityOptions = [
  ['everyone', 'Everyone'],
  ['members', 'Signed-in members only'],
  ['only_me', 'Only me'],
] as const;

/** "Who can see this?" for one optional field of the profile. */
export function PrivacySelect({ field, label, value, issues }: { field: PrivateField; label: string; value: string; issues: FieldIssue[] }) {
  const id = `f-privacy_${field}`;
  const issue = issues.find((i) => i.field === `privacy.${field}`);
  return (
    <div class={issue ? 'field field--inline field--error' : 'field field--inline'}>
      <label for={id}>Who can see your {label}?</label>
      {issue && <p class="field__error" id={`${id}-error`}>{issue.message}</p>}
      <select id={id} name={`privacy_${field}`} aria-invalid={issue ? 'true' : undefined} aria-describedby={issue ? `${id}-error` : undefined}>
        {visibilityOptions.map(([v, l]) => (
          <option value={v} selected={v === value}>{l}</option>
        ))}
      </select>
    </div>
  );
}

/** The professional part of the profile settings form: fields, their visibility, and the skills editor (no JavaScript needed). */
export function ProfessionalFieldset({ values, issues }: { values: ProfessionalFormValues; issues: FieldIssue[] }) {
  const v = values;
  const availability = issues.find((i) => i.field === 'mentoringAvailability');
  return (
    <fieldset class="fieldset">
      <legend>Professional profile</legend>
      <Field name="headline" label="Headline" value={v.headline} issues={issues} maxLength={LIMITS.headline} hint="One line about what you do, e.g. “Hydrologist, flood modelling”." />
      <PrivacySelect field="headline" label="headline" value={v.privacy_headline} issues={issues} />
      <Field name="orgUnit" label="Organisation unit" value={v.orgUnit} issues={issues} maxLength={LIMITS.orgUnit} hint="Your department or team." />
      <PrivacySelect field="org_unit" label="organisation unit" value={v.privacy_org_unit} issues={issues} />
      <Field name="languages" label="Languages" value={v.languages} issues={issues} maxLength={1000} hint={`Names or codes, separated by commas (at most ${LIMITS.languages}), e.g. English, fr, Deutsch.`} />
      <PrivacySelect field="languages" label="languages" value={v.privacy_languages} issues={issues} />
      <Field name="skills" label="Skills" value={v.skills} issues={issues} multiline rows={6} maxLength={10_000}
        hint={`One skill per line as “name | level”, level being learning, practising or expert (practising if left out); at most ${LIMITS.skills}. Delete a line to remove a skill.`} />
      <PrivacySelect field="skills" label="skills" value={v.privacy_skills} issues={issues} />
      <Field name="interests" label="Interests" value={v.interests} issues={issues} multiline rows={2} maxLength={LIMITS.interests} />
      <PrivacySelect field="interests" label="interests" value={v.privacy_interests} issues={issues} />
      <Field name="askMeAbout" label="Ask me about" value={v.askMeAbout} issues={issues} multiline rows={2} maxLength={LIMITS.askMeAbout} hint="Questions you are glad to be asked." />
      <PrivacySelect field="ask_me_about" label="“ask me about”" value={v.privacy_ask_me_about} issues={issues} />
      <div class={availability ? 'field field--error' : 'field'}>
        <label for="f-mentoringAvailability">Mentoring</label>
        {availability && <p class="field__error" id="f-mentoringAvailability-error">{availability.message}</p>}
        <select id="f-mentoringAvailability" name="mentoringAvailability" aria-invalid={availability ? 'true' : undefined}>
          {[['not_available', 'Not taking mentees just now'], ['open', 'Open to mentoring'], ['limited', 'Limited time for mentoring']].map(([val, label]) => (
            <option value={val} selected={val === v.mentoringAvailability}>{label}</option>
          ))}
        </select>
      </div>
      <PrivacySelect field="mentoring_availability" label="mentoring availability" value={v.privacy_mentoring_availability} issues={issues} />
    </fieldset>
  );
}
