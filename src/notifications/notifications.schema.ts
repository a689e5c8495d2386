import { Type } from '@sinclair/typebox';
import { PageQuery, pageInfo } from '../core/http/pagination.ts';
import { StringEnum } from '../discussions/discussions.schema.ts';
import type { NotificationKind, NotificationView } from './notifications.store.ts';

export const notificationKinds: readonly NotificationKind[] = ['mention', 'reply', 'answer', 'accepted', 'watched', 'invited'];

export const NotificationSchema = Type.Object({
  id: Type.Integer(),
  kind: StringEnum<NotificationKind>(notificationKinds, { description: 'mention, reply (to my topic), answer (to my question), accepted (my answer), watched (a post where I watch), invited (asked to answer a question).' }),
  createdAt: Type.String({ format: 'date-time' }),
  readAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  actor: Type.Union([Type.Object({ id: Type.Integer(), username: Type.String(), displayName: Type.String() }), Type.Null()]),
  topic: Type.Object({ id: Type.Integer(), title: Type.String() }),
  community: Type.Object({ slug: Type.String(), name: Type.String() }),
  postId: Type.Integer(),
  url: Type.String({ description: 'The post on its topic page: /c/:slug/t/:id#post-:postId' }),
});

export const NotificationListSchema = Type.Object({ items: Type.Array(NotificationSchema), ...pageInfo });
export const NotificationListQuery = Type.Object({ ...PageQuery.properties, unread: Type.Optional(Type.Boolean({ description: 'Only unread ones.' })) });
export const UnreadCountSchema = Type.Object({ count: Type.Integer() });
export const MarkReadBody = Type.Object({
  ids: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 100, description: 'Which to mark read; all when left out.' })),
});
export const MarkReadResultSchema = Type.Object({ marked: Type.Integer(), unread: Type.Integer() });

/** The address of the post a notification points at. */
export function notificationUrl(n: NotificationView): string {
  return `/c/${n.community.slug}/t/${n.topic.id}#post-${n.postId}`;
}
