import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from '../discussions.schema.ts';
import { closeReasons, NOTE_MAX } from './moderation.rules.ts';
import type { CloseReason, TopicState } from './topic-state.store.ts';

const note = Type.Optional(Type.String({ maxLength: NOTE_MAX, description: 'Why: shown in the activity stream (and, for closing, on the topic).' }));

/** Body of pin, unpin, lock, unlock and reopen: an optional note. The body itself may be left out. */
export const NoteBody = Type.Object({ note });

export const CloseReasonSchema = StringEnum<CloseReason>(closeReasons, { description: 'solved_elsewhere, off_domain, or duplicate (then duplicateOf is required).' });

export const CloseBody = Type.Object({
  reason: CloseReasonSchema,
  duplicateOf: Type.Optional(Type.Integer({ minimum: 1, description: 'For reason duplicate: the id of a topic you can read that this one repeats.' })),
  note,
});

export const MoveBody = Type.Object({ community: Type.String({ minLength: 1, maxLength: 100, description: 'Slug of the community to move the topic to; you must moderate it.' }), note });

export const MergeBody = Type.Object({ targetId: Type.Integer({ minimum: 1, description: 'The topic to merge this duplicate into; you must moderate its community.' }), note });

export const TopicModerationSchema = Type.Object({
  topicId: Type.Integer(),
  title: Type.String(),
  community: Type.Object({ id: Type.Integer(), slug: Type.String(), name: Type.String() }),
  pinnedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lockedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  closedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  closeReason: Type.Union([CloseReasonSchema, Type.Null()]),
  closeNote: Type.String(),
  duplicateOf: Type.Union([Type.Integer(), Type.Null()]),
  mergedInto: Type.Union([Type.Integer(), Type.Null()], { description: 'Set when this topic was merged into another; its address leads there.' }),
  replyCount: Type.Integer(),
  answerCount: Type.Integer(),
});

export const MergeResultSchema = Type.Object({ source: TopicModerationSchema, target: TopicModerationSchema, movedPosts: Type.Integer() });

export type TopicModerationDto = Static<typeof TopicModerationSchema>;

/** The moderation state of a topic as the API shows it. */
export function moderationDto(t: TopicState): TopicModerationDto {
  return {
    topicId: t.id,
    title: t.title,
    community: { id: t.community.id, slug: t.community.slug, name: t.community.name },
    pinnedAt: t.pinnedAt,
    lockedAt: t.lockedAt,
    closedAt: t.closedAt,
    closeReason: t.closeReason,
    closeNote: t.closeNote,
    duplicateOf: t.duplicateOf,
    mergedInto: t.mergedInto,
    replyCount: t.replyCount,
    answerCount: t.answerCount,
  };
}
