import { Type } from '@sinclair/typebox';
import { PageQuery, pageInfo } from '../core/http/pagination.ts';
import { StringEnum } from '../discussions/discussions.schema.ts';
import type { NotificationKind, NotificationView } from './notifications.store.ts';

export const notificationKinds: readonly NotificationKind[] = ['mention', 'reply', 'answer', 'accepted', 'watched', 'invited', 'mentoring_request', 'mentoring_accepted', 'mentoring_declined', 'mentoring_ended'];

export const NotificationSchema = Type.Object({
  id: Type.Integer(),
  kind: StringEnum<NotificationKind>(notificationKinds, { description: 'mention, reply (to my topic), answer (to my question), accepted (my answer), watched (a post where I watch), invited (asked to answer a question); mentoring_request, mentoring_accepted, mentoring_declined, mentoring_ended (not tied to a topic: see data).' }),
  createdAt: Type.String({ format: 'date-time' }),
  readAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  actor: Type.Union([Type.Object({ id: Type.Integer(), username: Type.String(), displayName: Type.String() }), Type.Null()]),
  topic: Type.Union([Type.Object({ id: Type.Integer(), title: Type.String() }), Type.Null()], { description: 'The topic it points into; null for notifications not tied to a topic.' }),
  community: Type.Union([Type.Object({ slug: Type.String(), name: Type.String() }), Type.Null()]),
  postId: Type.Union([Type.Integer(), Type.Null()]),
  data: Type.Union([Type.Object({ text: Type.String(), url: Type.String() }), Type.Null()], { description: 'For notifications not tied to a topic: what happened and where to look.' }),
  url: Type.String({ description: 'The post on its topic page (/c/:slug/t/:id#post-:postId), or data.url for notifications not tied to a topic' }),
});

export const NotificationListSchema = Type.Object({ items: Type.Array(NotificationSchema), ...pageInfo });
export const NotificationListQuery = Type.Object({ ...PageQuery.properties, unread: Type.Optional(Type.Boolean({ description: 'Only unread ones.' })) });
export const UnreadCountSchema = Type.Object({ count: Type.Integer() });
export const MarkReadBody = Type.Object({
  ids: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 100, description: 'Which to mark read; all when left out.' })),
});
export const MarkReadResultSchema = Type.Object({ marked: Type.Integer(), unread: Type.Integer() });

/** The address a notification points at: its post on the topic page, or its data url. */
export function notificationUrl(n: NotificationView): string {
  if (n.topic && n.community) return `/c/${n.community.slug}/t/${n.topic.id}#post-${n.postId}`;
  return n.data?.url ?? '/notifications';
}
