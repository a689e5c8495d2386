import { Type } from '@sinclair/typebox';
import { AuthorSchema, StringEnum } from '../../discussions/discussions.schema.ts';
import { ArticleTypeSchema } from '../articles/articles.schema.ts';
import type { Capture, StoryLink, StoryRef, StoryTargetType } from './stories.store.ts';
import { storyTargetTypes } from './stories.store.ts';

export { errorResponses } from '../../core/http/schemas.ts';

/** The OpenAPI tag of every stories and promote API route. */
export const tags = ['stories'];

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const LinkParams = Type.Object({ id: Type.Integer({ minimum: 1 }), linkId: Type.Integer({ minimum: 1 }) });

export const StoryLinkSchema = Type.Object({
  id: Type.Integer(),
  targetType: StringEnum<StoryTargetType>(storyTargetTypes),
  targetId: Type.Integer(),
  title: Type.String(),
  url: Type.String({ description: 'The page of the thread or article.' }),
  createdAt: Type.String({ format: 'date-time' }),
});
export const StoryLinkListSchema = Type.Object({ items: Type.Array(StoryLinkSchema) });
export const StoryLinkBody = Type.Object(
  { targetType: StringEnum<StoryTargetType>(storyTargetTypes, { description: 'A thread (topic) or an article.' }), targetId: Type.Integer({ minimum: 1, description: 'Its id; it must be in the story’s community.' }) },
  { additionalProperties: false },
);

export const StoryRefListSchema = Type.Object({ items: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String(), url: Type.String() })) });

export const PromoteBody = Type.Object(
  { title: Type.Optional(Type.String({ minLength: 1, maxLength: 300, description: 'Defaults to the thread’s title.' })), type: Type.Optional(ArticleTypeSchema) },
  { additionalProperties: false, description: 'Type defaults to how-to for a question, reference for a discussion.' },
);

const Ref = Type.Object({ id: Type.Integer(), title: Type.Union([Type.String(), Type.Null()], { description: 'Null for a thread deleted since.' }), url: Type.Union([Type.String(), Type.Null()]) });
export const CaptureListSchema = Type.Object({
  items: Type.Array(Type.Object({ id: Type.Integer(), article: Ref, topic: Ref, by: AuthorSchema, createdAt: Type.String({ format: 'date-time' }), contributors: Type.Array(AuthorSchema) })),
});

/** The API shape of a story link. */
export function storyLinkDto(l: StoryLink, slug: string) {
  return { id: l.id, targetType: l.targetType, targetId: l.targetId, title: l.title, url: `/c/${slug}/${l.targetType === 'topic' ? 't' : 'a'}/${l.targetId}`, createdAt: l.createdAt };
}

/** The API shape of a story about something. */
export function storyRefDto(s: StoryRef, slug: string) {
  return { id: s.id, title: s.title, url: `/c/${slug}/a/${s.id}` };
}

/** The API shape of a capture (a deleted thread keeps its id only). */
export function captureDto(c: Capture, slug: string) {
  return {
    id: c.id,
    article: { id: c.articleId, title: c.articleTitle, url: `/c/${slug}/a/${c.articleId}` },
    topic: { id: c.topicId, title: c.topicDeleted ? null : c.topicTitle, url: c.topicDeleted ? null : `/c/${slug}/t/${c.topicId}` },
    by: c.by,
    createdAt: c.createdAt,
    contributors: c.contributors,
  };
}
