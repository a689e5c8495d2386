import type { FieldIssue } from '../core/http/errors.ts';
import { CsrfField, ErrorSummary, Field } from '../core/views/components.tsx';
import type { ViewContext } from '../core/views/context.ts';

/** The form's values, all as the strings the browser sends. */
export interface CommunityFormValues {
  name: string;
  slug: string;
  domainStatement: string;
  description: string;
  tags: string;
  formality: string;
  sponsor: string;
  locality: string;
  location: string;
  visibility: string;
  joinPolicy: string;
  acceptBy: string;
  tagPolicy: string;
}

export const emptyCommunityForm: CommunityFormValues = {
  name: '', slug: '', domainStatement: '', description: '', tags: '',
  formality: 'informal', sponsor: '', locality: 'distributed', location: '', visibility: 'public', joinPolicy: 'open', acceptBy: 'asker_or_steward', tagPolicy: 'open',
};

function Radios(p: { name: string; legend: string; value: string; options: Array<[string, string, string?]>; issues: FieldIssue[] }) {
  const issue = p.issues.find((i) => i.field === p.name);
  return (
    <fieldset id={`f-${p.name}`} class={issue ? 'field--error' : undefined}>
      <legend>{p.legend}</legend>
      {issue && <p class="field__error">{issue.message}</p>}
      {p.options.map(([v, label, hint]) => (
        <div class="radio">
          <input type="radio" id={`f-${p.name}-${v}`} name={p.name} value={v} checked={p.value === v} />
          <label for={`f-${p.name}-${v}`}>
            {label}
            {hint && <span class="meta"> — {hint}</span>}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** Create or edit a community: one form, refilled with the submitted values and their problems. */
export function CommunityFormPage(p: { ctx: ViewContext; mode: 'new' | 'edit'; action: string; values: CommunityFormValues; issues: FieldIssue[]; tagsMax: number; cancelHref: string }) {
  const v = p.values;
  const is = p.issues;
  return (
    <section class="community-form">
      <h1>{p.mode === 'new' ? 'Create a community' : `Edit ${v.name || 'community'}`}</h1>
      <ErrorSummary issues={is} />
      <form method="post" action={p.action} novalidate>
        <CsrfField ctx={p.ctx} />
        <Field name="name" label="Name" value={v.name} issues={is} required maxLength={80} hint="3 to 80 characters." />
        <Field name="slug" label="Address" value={v.slug} issues={is} required maxLength={40} hint="Lowercase letters, digits and hyphens; the community lives at /c/<address>." />
        <Field name="domainStatement" label="Domain statement" value={v.domainStatement} issues={is} required multiline rows={3} maxLength={500} hint="What the community is about: the shared concern or craft (up to 500 characters)." />
        <Field name="description" label="Description" value={v.description} issues={is} multiline rows={8} maxLength={5000} hint="Who it is for, how it works, how to take part. Plain text." />
        <Field name="tags" label="Tags" value={v.tags} issues={is} hint={`Up to ${p.tagsMax}, separated by commas: lowercase letters, digits and hyphens.`} />
        <Radios name="formality" legend="Formality" value={v.formality} issues={is} options={[['informal', 'Informal', 'self-organised'], ['formal', 'Formal', 'recognised and sponsored by the organisation']]} />
        <Field name="sponsor" label="Sponsor" value={v.sponsor} issues={is} maxLength={200} hint="Required for a formal community: who sponsors it." />
        <Radios name="locality" legend="Where it meets" value={v.locality} issues={is} options={[['distributed', 'Distributed', 'online, across places'], ['local', 'Local', 'in one place']]} />
        <Field name="location" label="Location" value={v.location} issues={is} maxLength={200} hint="Required for a local community." />
        <Radios name="visibility" legend="Visibility" value={v.visibility} issues={is} options={[['public', 'Public', 'anyone can read it'], ['private', 'Private', 'only members read it']]} />
        <Radios name="joinPolicy" legend="Who can join" value={v.joinPolicy} issues={is} options={[['open', 'Anyone', 'join with one click'], ['approval', 'By request', 'stewards approve each request'], ['invite', 'By invitation only', 'a private one stays hidden from non-members']]} />
        <Radios name="acceptBy" legend="Who can accept an answer to a question" value={v.acceptBy} issues={is} options={[['asker_or_steward', 'The asker or a steward', 'stewards and moderators can mark what solved it too'], ['asker', 'Only the asker'], ['steward', 'Only stewards and moderators']]} />
        <Radios name="tagPolicy" legend="New tags on topics and articles" value={v.tagPolicy} issues={is} options={[['open', 'Open', 'members may add new tags'], ['closed', 'Closed', 'only tags from the list above or already in use']]} />
        <p class="actions">
          <button type="submit">{p.mode === 'new' ? 'Create community' : 'Save changes'}</button>
          <a href={p.cancelHref}>Cancel</a>
        </p>
      </form>
    </section>
  );
}
