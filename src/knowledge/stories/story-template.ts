import type { FieldIssue } from '../../core/http/errors.ts';

/**
 * The story template: five sections of tacit knowledge kept in an article's Markdown body under fixed
 * headings, so revisions, diffs, export and search keep working on the body as for any article.
 */
export const storySections = [
  { key: 'context', heading: 'Context', hint: 'Where and when this happened, and who was involved.' },
  { key: 'challenge', heading: 'Challenge', hint: 'What was hard, uncertain or at stake.' },
  { key: 'actions', heading: 'What we did', hint: 'The steps you took and why.' },
  { key: 'outcome', heading: 'What happened', hint: 'The result, good or bad.' },
  { key: 'lesson', heading: 'Lesson', hint: 'What you would tell someone facing the same thing.' },
] as const;

export type StoryKey = (typeof storySections)[number]['key'];
export const storyKeys: StoryKey[] = storySections.map((s) => s.key);

/** A story's sections (Markdown each). */
export type Story = Record<StoryKey, string>;

const normalise = (text: string) => text.replace(/\r\n?/g, '\n').trim();
const headingLine = /^##[ \t]+(.+?)[ \t]*#*[ \t]*$/;
const fixedHeadings = new Set<string>(storySections.map((s) => s.heading.toLowerCase()));

/** Is this line one of the template's own headings (case and trailing #s aside)? */
function isFixedHeading(line: string): string | null {
  const m = headingLine.exec(line);
  const text = m?.[1]?.toLowerCase();
  return text !== undefined && fixedHeadings.has(text) ? text : null;
}

/** An empty story, for a new form. */
export function emptyStory(): Story {
  return { context: '', challenge: '', actions: '', outcome: '', lesson: '' };
}

/** The Markdown body of a story: each section under its fixed `## ` heading, in template order. */
export function composeStory(s: Story): string {
  return storySections.map((sec) => `## ${sec.heading}\n\n${normalise(s[sec.key])}`).join('\n\n');
}

/**
 * The sections of a story body, or null when the body no longer follows the template (a heading
 * missing, repeated or out of order, or text before the first heading) — then it is edited as plain
 * Markdown. Other headings inside a section belong to that section.
 */
export function parseStory(body: string): Story | null {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const story = emptyStory();
  let index = -1;
  let current: string[] = [];
  const flush = () => {
    const sec = storySections[index];
    if (sec) story[sec.key] = current.join('\n').trim();
  };
  for (const line of lines) {
    const heading = isFixedHeading(line);
    if (heading === null) {
      if (index < 0 && line.trim() !== '') return null;
      current.push(line);
      continue;
    }
    const expected = storySections[index + 1];
    if (!expected || expected.heading.toLowerCase() !== heading) return null;
    flush();
    index += 1;
    current = [];
  }
  if (index !== storySections.length - 1) return null;
  flush();
  return story;
}

/**
 * What is wrong with submitted story sections: each must be non-empty text and must not contain a
 * line that is one of the template's headings (it would split the section). `fieldOf` names the
 * field as the caller's form or API spells it (`story_lesson`, `story.lesson`).
 */
export function storyIssues(input: Partial<Record<StoryKey, unknown>>, maxEach: number, fieldOf: (k: StoryKey) => string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const sec of storySections) {
    const v = input[sec.key];
    const field = fieldOf(sec.key);
    if (typeof v !== 'string' || v.trim() === '') issues.push({ field, message: `${sec.heading}: write this section of the story` });
    else if (v.length > maxEach) issues.push({ field, message: `${sec.heading}: must be at most ${maxEach} characters` });
    else if (v.split(/\r\n?|\n/).some((line) => isFixedHeading(line) !== null)) issues.push({ field, message: `${sec.heading}: must not contain a line that is a story heading such as "## ${sec.heading}"` });
  }
  return issues;
}

/** The sections out of a submitted object (missing ones as ''), normalised. */
export function storyFrom(input: Partial<Record<StoryKey, unknown>>): Story {
  const s = emptyStory();
  for (const k of storyKeys) s[k] = typeof input[k] === 'string' ? normalise(input[k]) : '';
  return s;
}
