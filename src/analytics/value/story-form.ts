import type { FieldIssue } from '../../core/http/errors.ts';
import { str } from '../../discussions/discussions.http.ts';
import type { StoryInput } from './stories.service.ts';
import type { StoryLink } from './stories.store.ts';
import type { StoryFormValues } from './stories.views.tsx';

/**
 * The ids in a links field of the form: thread or article addresses (`/c/x/t/12`, full URLs) or plain
 * numbers (`12`, `#12`), separated by lines, spaces or commas. Anything else is an issue naming the field.
 */
export function parseLinkField(field: 'topics' | 'articles', text: string, issues: FieldIssue[]): number[] {
  const seg = field === 'topics' ? 't' : 'a';
  const out: number[] = [];
  const bad: string[] = [];
  for (const token of text.split(/[\s,]+/).filter(Boolean)) {
    const m = /^#?([1-9]\d{0,14})$/.exec(token) ?? new RegExp(`/c/[^/\\s]+/${seg}/([1-9]\\d{0,14})(?:[/?#].*)?$`).exec(token);
    if (m?.[1] && Number.isSafeInteger(Number(m[1]))) out.push(Number(m[1]));
    else bad.push(token);
  }
  if (bad.length > 0) issues.push({ field, message: `${bad.slice(0, 3).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not ${field === 'topics' ? 'a thread' : 'an article'} link or number` });
  return out;
}

/** The form's fields as typed (to show again) and as the service's input. */
export function storyFormInput(body: unknown): { values: StoryFormValues; input: StoryInput; issues: FieldIssue[] } {
  const f = (body ?? {}) as Record<string, unknown>;
  const values: StoryFormValues = {
    title: str(f.title), happened: str(f.happened), gained: str(f.gained), valueKind: str(f.valueKind) || 'immediate',
    applied: str(f.applied), realized: str(f.realized), reframing: str(f.reframing), topics: str(f.topics), articles: str(f.articles),
  };
  const issues: FieldIssue[] = [];
  const topics = parseLinkField('topics', values.topics, issues);
  const articles = parseLinkField('articles', values.articles, issues);
  const input: StoryInput = { ...values, topics, articles, events: [] };
  return { values, input, issues };
}

/** The form values of an existing story (links as their addresses, one per line). */
export function storyFormValues(s: { title: string; happened: string; gained: string; valueKind: string; applied: string; realized: string; reframing: string }, links: StoryLink[]): StoryFormValues {
  const of = (t: StoryLink['type']) => links.filter((l) => l.type === t).map((l) => l.url ?? String(l.id)).join('\n');
  return { title: s.title, happened: s.happened, gained: s.gained, valueKind: s.valueKind, applied: s.applied, realized: s.realized, reframing: s.reframing, topics: of('topic'), articles: of('article') };
}
