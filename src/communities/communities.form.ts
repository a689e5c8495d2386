import type { FieldIssue } from '../core/http/errors.ts';
import type { CommunityFormValues } from './community-form.views.tsx';
import type { CommunityInput } from './communities.schema.ts';
import { checkCommunityInput, parseTagList } from './communities.service.ts';

export { formIssues, issuesOf } from '../core/http/forms.ts';

/** The submitted community form as strings, for refilling it. */
export function communityFormValues(body: unknown): CommunityFormValues {
  const b = (body ?? {}) as Record<string, unknown>;
  const s = (k: keyof CommunityFormValues, fallback = '') => (typeof b[k] === 'string' ? (b[k] as string) : fallback);
  return {
    name: s('name'), slug: s('slug'), domainStatement: s('domainStatement'), description: s('description'), tags: s('tags'),
    formality: s('formality', 'informal'), sponsor: s('sponsor'), locality: s('locality', 'distributed'), location: s('location'),
    visibility: s('visibility', 'public'), joinPolicy: s('joinPolicy', 'open'), acceptBy: s('acceptBy', 'asker_or_steward'),
    tagPolicy: s('tagPolicy', 'open'),
  };
}

/** The form values of a community's current settings. */
export function formValuesOf(input: CommunityInput): CommunityFormValues {
  return { ...input, description: input.description ?? '', sponsor: input.sponsor ?? '', location: input.location ?? '', tags: (input.tags ?? []).join(', '), acceptBy: input.acceptBy ?? 'asker_or_steward', tagPolicy: input.tagPolicy ?? 'open' };
}

/** A validated form body as service input (tags split on commas). */
export function inputOfForm(v: CommunityFormValues): CommunityInput {
  return { ...v, tags: parseTagList(v.tags) } as CommunityInput;
}

const labels: Record<string, string> = {
  name: 'Name', slug: 'Address', domainStatement: 'Domain statement', description: 'Description', tags: 'Tags',
  formality: 'Formality', sponsor: 'Sponsor', locality: 'Where it meets', location: 'Location', visibility: 'Visibility', joinPolicy: 'Who can join', acceptBy: 'Who can accept an answer', tagPolicy: 'New tags',
};

/**
 * Every problem with a submitted community form, in the words of the form: the schema's issues
 * (relabelled) plus the rules the schema cannot express, one per field.
 */
export function communityFormIssues(schemaIssues: FieldIssue[] | null, values: CommunityFormValues, limits: Parameters<typeof checkCommunityInput>[1]): FieldIssue[] {
  const issues = (schemaIssues ?? []).map((i) => {
    const field = i.field.split('.')[0] ?? i.field;
    const label = labels[field];
    if (!label) return i;
    if (field === 'slug' && i.message.includes('not allowed')) return { field, message: 'Address must use only lowercase letters, digits and hyphens, and start and end with a letter or digit' };
    return { field, message: i.message.replace(/^\S+/, label) };
  });
  const seen = new Set(issues.map((i) => i.field));
  for (const i of checkCommunityInput(inputOfForm(values), limits).issues) if (!seen.has(i.field)) issues.push({ ...i, message: i.message.replace(/^Slug/, 'Address') });
  return issues;
}
