import { badRequest, type FieldIssue } from '../../core/http/errors.ts';
import type { ArticleType } from '../articles/articles.store.ts';
import { composeStory, storyFrom, storyIssues, storyKeys, type Story, type StoryKey } from './story-template.ts';

/** The longest one section may be: a fifth of the body limit, so the composed body always fits. */
export const sectionMax = (bodyMax: number) => Math.floor(bodyMax / 5) - 40;

/** A story submitted through the article form (fields story_context … story_lesson, template=story), or null. */
export function storyOfForm(raw: Record<string, unknown>): Story | null {
  if (raw.template !== 'story') return null;
  return storyFrom(Object.fromEntries(storyKeys.map((k) => [k, raw[`story_${k}`]])) as Partial<Record<StoryKey, unknown>>);
}

/** What is wrong with a story from the form, naming its fields (story_context …). */
export function storyFormIssues(story: Story, bodyMax: number): FieldIssue[] {
  return storyIssues(story, sectionMax(bodyMax), (k) => `story_${k}`);
}

/**
 * The Markdown body an API request asks for. With `story` (articles of type story only, and not
 * together with `body`) every section is required and the body is composed from them; without it the
 * body is taken as given (undefined when absent). Throws 400 naming the field.
 */
export function storyBodyFor(type: ArticleType | undefined, body: string | undefined, story: Partial<Record<StoryKey, unknown>> | undefined, bodyMax: number): string | undefined {
  if (story === undefined) return body;
  if (type !== 'story') throw badRequest('Only articles of type story have story sections', [{ field: 'story', message: 'only for articles of type story' }]);
  if (body !== undefined) throw badRequest('Give either body or story, not both', [{ field: 'body', message: 'give either body or story, not both' }]);
  const issues = storyIssues(story, sectionMax(bodyMax), (k) => `story.${k}`);
  const first = issues[0];
  if (first) throw badRequest(first.message, issues);
  return composeStory(storyFrom(story));
}
