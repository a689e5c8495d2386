import { Type } from '@sinclair/typebox';
import type { Config } from '../../core/config.ts';
import { pageInfo, PageQuery } from '../../core/http/pagination.ts';
import { AuthorSchema, StringEnum } from '../../discussions/discussions.schema.ts';
import { LINKS_MAX, PROMPT_MAX } from './stories.service.ts';
import type { StoryLink, ValueStory } from './stories.store.ts';
import { VALUE_CYCLES, VALUE_KINDS } from './value.measures.ts';

export { errorResponses } from '../../core/http/schemas.ts';

/** The OpenAPI tag of every value-story route. */
export const tags = ['value stories'];

export const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });
export const StoryIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const StoryListQuery = PageQuery;

const CycleSchema = StringEnum(VALUE_CYCLES, { description: 'A value-creation cycle (Wenger-Trayner).' });
const KindSchema = StringEnum(VALUE_KINDS, { description: 'Whether what it gave you is value now (immediate), for later (potential), or both.' });

const LinkSchema = Type.Object({
  type: StringEnum(['topic', 'article', 'event'] as const),
  id: Type.Integer(),
  title: Type.String(),
  url: Type.Union([Type.String(), Type.Null()], { description: 'The thread’s or article’s page; null for events.' }),
});

export const StorySchema = Type.Object({
  id: Type.Integer(),
  community: Type.String({ description: 'The slug of its community.' }),
  title: Type.String(),
  happened: Type.String({ description: 'What happened in the community.' }),
  gained: Type.String({ description: 'What it gave the author.' }),
  valueKind: KindSchema,
  applied: Type.String({ description: 'What they did differently (may be empty).' }),
  realized: Type.String({ description: 'What difference it made (may be empty).' }),
  reframing: Type.String({ description: 'What it changed in how success is defined (may be empty).' }),
  cycles: Type.Array(CycleSchema, { description: 'The cycles the story reaches, derived from the prompts it fills and its value kind.' }),
  links: Type.Array(LinkSchema, { description: 'Threads and articles you may read, and events, in the author’s order.' }),
  author: AuthorSchema,
  url: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export const StoryListSchema = Type.Object({ items: Type.Array(StorySchema), ...pageInfo });

/** Request bodies whose title limit comes from configuration. */
export function storyBodies(limits: Config['limits']) {
  const prompt = (description: string, minLength = 0) => Type.String({ minLength, maxLength: PROMPT_MAX, description });
  const ids = (what: string) => Type.Array(Type.Integer({ minimum: 1 }), { maxItems: LINKS_MAX, description: `${what} ids (replaces the list on edit).` });
  const fields = {
    title: Type.String({ minLength: 1, maxLength: limits.titleMax }),
    happened: prompt('What happened in the community (the activity).', 1),
    gained: prompt('What it gave you: value now or for later.', 1),
    valueKind: Type.Optional(KindSchema),
    applied: Type.Optional(prompt('What you did differently because of it.')),
    realized: Type.Optional(prompt('What difference it made.')),
    reframing: Type.Optional(prompt('What it changed in how you define success.')),
    topics: Type.Optional(ids('Thread (topic)')),
    articles: Type.Optional(ids('Article')),
    events: Type.Optional(ids('Event (refused until the calendar lands)')),
  };
  return {
    CreateStoryBody: Type.Object(fields, { additionalProperties: false }),
    EditStoryBody: Type.Object({ ...fields, title: Type.Optional(fields.title), happened: Type.Optional(fields.happened), gained: Type.Optional(fields.gained) }, { additionalProperties: false }),
  };
}

/** The API shape of a story. */
export function storyDto(s: ValueStory, slug: string, links: StoryLink[]) {
  return {
    id: s.id, community: slug, title: s.title, happened: s.happened, gained: s.gained, valueKind: s.valueKind, applied: s.applied, realized: s.realized, reframing: s.reframing,
    cycles: s.cycles, links, author: s.author, url: `/c/${slug}/value-stories/${s.id}`, createdAt: s.createdAt, updatedAt: s.updatedAt,
  };
}
