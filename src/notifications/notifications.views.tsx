import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../core/views/context.ts';
import { Avatar, EmptyState, Pager, PostForm, TimeAgo } from '../core/views/components.tsx';
import { notificationUrl } from './notifications.schema.ts';
import type { NotificationView, TopicNotificationKind } from './notifications.store.ts';

const sentence: Record<TopicNotificationKind, [before: string, after: string]> = {
  mention: ['mentioned you in', ''],
  reply: ['replied to your topic', ''],
  answer: ['answered your question', ''],
  accepted: ['accepted your answer to', ''],
  watched: ['posted in', '(you watch it)'],
  invited: ['asked you to answer', ''],
};

/** The sentence of a notification: "<who> <before> <link> <after>" for topics, or its data text as a link. */
function sentenceOf(n: NotificationView): { label: string; body: ComponentChildren; meta: string | null } {
  const who = n.actor?.displayName ?? 'Someone';
  if (n.topic && n.kind in sentence) {
    const [before, after] = sentence[n.kind as TopicNotificationKind];
    return { label: `${who} ${before} ${n.topic.title}`, body: <>{who} {before} <a href={notificationUrl(n)}>{n.topic.title}</a> {after}</>, meta: n.community?.name ?? null };
  }
  const text = n.data?.text ?? 'Something happened';
  return { label: text, body: <a href={notificationUrl(n)}>{text}</a>, meta: null };
}

function NotificationItem({ ctx, n }: { ctx: ViewContext; n: NotificationView }) {
  const who = n.actor?.displayName ?? 'Someone';
  const { label, body, meta } = sentenceOf(n);
  return (
    <li class={n.readAt ? 'notification' : 'notification notification--unread'}>
      <Avatar name={who} size="sm" />
      <div class="notification__text">
        <p>
          {!n.readAt && <span class="visually-hidden">Unread: </span>}
          {body}
        </p>
        <p class="meta">
          {meta && <>{meta} · </>}
          <TimeAgo at={n.createdAt} />
        </p>
      </div>
      {!n.readAt && (
        <PostForm ctx={ctx} action="/notifications/read" class="inline-form">
          <input type="hidden" name="id" value={String(n.id)} />
          <button type="submit" class="link-button" aria-label={`Mark read: ${label}`}>
            Mark read
          </button>
        </PostForm>
      )}
    </li>
  );
}

/** The notifications page: newest first, unread ones marked, "Mark all read", a next-page link. */
export function NotificationsPage(p: { ctx: ViewContext; items: NotificationView[]; unread: number; nextHref: string | null }) {
  return (
    <>
      <div class="notifications-heading">
        <h1>Notifications</h1>
        {p.unread > 0 && (
          <PostForm ctx={p.ctx} action="/notifications/read" class="inline-form">
            <button type="submit" class="button button--secondary button--small">
              Mark all read
            </button>
          </PostForm>
        )}
      </div>
      <p class="meta">{p.unread === 0 ? 'You are all caught up.' : `${p.unread} unread.`}</p>
      {p.items.length === 0 ? (
        <EmptyState title="No notifications yet">
          <p>When someone mentions you, replies to your topics, answers your questions, accepts your answer or answers a mentoring request, it shows up here.</p>
        </EmptyState>
      ) : (
        <ol class="notification-list">
          {p.items.map((n) => (
            <NotificationItem ctx={p.ctx} n={n} />
          ))}
        </ol>
      )}
      <Pager nextHref={p.nextHref} />
    </>
  );
}
