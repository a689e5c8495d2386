import type { FieldIssue } from '../core/http/errors.ts';
import { CsrfField, ErrorSummary, Field } from '../core/views/components.tsx';
import type { ViewContext } from '../core/views/context.ts';
import { PASSWORD_MIN, timeZoneOptions } from './accounts.rules.ts';
import type { ProfessionalFormValues } from '../people/profiles/profile-form.ts';
import { PrivacySelect, ProfessionalFieldset } from '../people/profiles/profile-form.views.tsx';

/** The tabs of the settings area; marks the current one. */
export function SettingsNav({ current }: { current: 'profile' | 'password' | 'tokens' }) {
  const items = [
    ['profile', '/settings', 'Profile'],
    ['password', '/settings/password', 'Password'],
    ['tokens', '/settings/tokens', 'API tokens'],
  ] as const;
  return (
    <nav class="settings-nav" aria-label="Settings">
      <ul>
        {items.map(([key, href, label]) => (
          <li>
            <a href={href} aria-current={key === current ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function TimeZoneSelect({ value, issues }: { value: string; issues: FieldIssue[] }) {
  const issue = issues.find((i) => i.field === 'timeZone');
  const known = timeZoneOptions(value);
  return (
    <div class={issue ? 'field field--error' : 'field'}>
      <label for="f-timeZone">
        Time zone<span class="field__optional"> (optional)</span>
      </label>
      <p class="field__hint" id="f-timeZone-hint">
        Helps others pick a good time to meet you.
      </p>
      {issue && (
        <p class="field__error" id="f-timeZone-error">
          {issue.message}
        </p>
      )}
      <select id="f-timeZone" name="timeZone" aria-describedby={issue ? 'f-timeZone-hint f-timeZone-error' : 'f-timeZone-hint'} aria-invalid={issue ? 'true' : undefined}>
        <option value="" selected={value === ''}>
          Not set
        </option>
        {known.map((z) => (
          <option value={z} selected={z === value}>
            {z.replace(/_/g, ' ')}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface ProfileValues extends ProfessionalFormValues {
  displayName: string;
  bio: string;
  discipline: string;
  location: string;
  timeZone: string;
}

/** The profile settings form. */
export function ProfileSettingsPage(p: { ctx: ViewContext; username: string; values: ProfileValues; issues?: FieldIssue[]; bioMax: number }) {
  const issues = p.issues ?? [];
  return (
    <section class="settings">
      <h1>Settings</h1>
      <SettingsNav current="profile" />
      <h2>Your profile</h2>
      <p class="meta">
        Your profile is at <a href={`/u/${p.username}`}>/u/{p.username}</a>. Your name is shown to everyone; for each other field you choose who
        can see it. Your email is never shown.
      </p>
      <ErrorSummary issues={issues} />
      <form method="post" action="/settings">
        <CsrfField ctx={p.ctx} />
        <Field name="displayName" label="Display name" value={p.values.displayName} issues={issues} required maxLength={80} autocomplete="name" />
        <Field name="bio" label="Bio" value={p.values.bio} issues={issues} maxLength={p.bioMax} multiline rows={5}
          hint="What you work on, what you know, what you want to learn." />
        <PrivacySelect field="bio" label="bio" value={p.values.privacy_bio} issues={issues} />
        <Field name="discipline" label="Discipline or background" value={p.values.discipline} issues={issues} maxLength={120}
          hint="For example: structural engineering, nursing, data science." />
        <PrivacySelect field="discipline" label="discipline" value={p.values.privacy_discipline} issues={issues} />
        <Field name="location" label="Location" value={p.values.location} issues={issues} maxLength={120} autocomplete="address-level2" />
        <PrivacySelect field="location" label="location" value={p.values.privacy_location} issues={issues} />
        <TimeZoneSelect value={p.values.timeZone} issues={issues} />
        <PrivacySelect field="time_zone" label="time zone" value={p.values.privacy_time_zone} issues={issues} />
        <ProfessionalFieldset values={p.values} issues={issues} />
        <div class="actions">
          <button type="submit">Save profile</button>
        </div>
      </form>
    </section>
  );
}

/** The change-password form. */
export function PasswordSettingsPage({ ctx, issues = [] }: { ctx: ViewContext; issues?: FieldIssue[] }) {
  return (
    <section class="settings">
      <h1>Settings</h1>
      <SettingsNav current="password" />
      <h2>Change your password</h2>
      <p class="meta">Every other device signed in to your account will be signed out; this one stays signed in.</p>
      <ErrorSummary issues={issues} />
      <form method="post" action="/settings/password">
        <CsrfField ctx={ctx} />
        <Field name="currentPassword" label="Current password" type="password" issues={issues} required maxLength={200} autocomplete="current-password" />
        <Field name="newPassword" label="New password" type="password" issues={issues} required maxLength={200} autocomplete="new-password"
          hint={`At least ${PASSWORD_MIN} characters.`} />
        <div class="actions">
          <button type="submit">Change password</button>
        </div>
      </form>
    </section>
  );
}
