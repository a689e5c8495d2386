import { Type } from '@sinclair/typebox';
import { PageQuery, pageInfo } from '../../core/http/pagination.ts';
import { StringEnum } from '../discussions.schema.ts';
import type { WatchLevel } from '../../notifications/watch-levels.store.ts';
import type { BookmarkView } from './bookmarks.store.ts';
import { reactionNames, reactionSet, type Reaction } from './reactions.ts';
import type { ReactionCount } from './reactions.store.ts';
import { watchLevels } from './engagement.service.ts';

export const PostIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const ReactionParams = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  reaction: Type.String({ minLength: 1, maxLength: 100, description: `One of: ${reactionNames.join(', ')}.` }),
});

export const ReactionsSchema = Type.Object({
  postId: Type.Integer(),
  reactions: Type.Array(
    Type.Object({
      reaction: StringEnum<Reaction>(reactionNames),
      emoji: Type.String(),
      label: Type.String(),
      count: Type.Integer(),
      mine: Type.Boolean({ description: 'Whether you gave it.' }),
    }),
  ),
});

/** A post's reaction counts as the API shows them. */
export function reactionsDto(postId: number, counts: ReactionCount[]) {
  return { postId, reactions: counts.map((c) => ({ ...c, emoji: reactionSet[c.reaction].emoji, label: reactionSet[c.reaction].label })) };
}

export const BookmarkStateSchema = Type.Object({ postId: Type.Integer(), bookmarked: Type.Boolean() });

export const BookmarkSchema = Type.Object({
  postId: Type.Integer(),
  bookmarkedAt: Type.String({ format: 'date-time' }),
  opening: Type.Boolean({ description: 'True when the post is its topic’s opening post (a bookmarked topic).' }),
  excerpt: Type.String({ description: 'The start of the post’s Markdown source.' }),
  author: Type.Object({ username: Type.String(), displayName: Type.String() }),
  topic: Type.Object({ id: Type.Integer(), title: Type.String() }),
  community: Type.Object({ slug: Type.String(), name: Type.String() }),
  url: Type.String(),
});
export const BookmarkListSchema = Type.Object({ items: Type.Array(BookmarkSchema), ...pageInfo });
export const BookmarkListQuery = PageQuery;

/** The address of a bookmarked post on its topic page. */
export function bookmarkUrl(b: BookmarkView): string {
  return `/c/${b.community.slug}/t/${b.topic.id}#post-${b.postId}`;
}

const LevelSchema = StringEnum<WatchLevel>(watchLevels, { description: 'watch: every post; track: mentions and replies to your topics; mute: nothing.' });
export const WatchBody = Type.Object({ level: LevelSchema });
export const WatchStateSchema = Type.Object({
  level: Type.Union([LevelSchema, Type.Null()], { description: 'What you chose here; null for the default.' }),
  effective: LevelSchema,
});
