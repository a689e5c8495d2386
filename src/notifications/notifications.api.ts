import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { unauthenticated } from '../core/http/errors.ts';
import { errorResponses } from '../discussions/discussions.schema.ts';
import { MarkReadBody, MarkReadResultSchema, NotificationListQuery, NotificationListSchema, notificationUrl, UnreadCountSchema } from './notifications.schema.ts';
import { markRead, notificationsPage } from './notifications.service.ts';
import { countUnread } from './notifications.store.ts';

const tags = ['notifications'];

async function requireSignedIn(req: FastifyRequest): Promise<void> {
  if (!req.actor) throw unauthenticated();
}

/** The JSON API of the signed-in member's notifications. */
export async function notificationsApi(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/v1/notifications',
    { onRequest: requireSignedIn, schema: { tags, summary: 'My notifications, newest first', querystring: NotificationListQuery, response: { 200: NotificationListSchema, ...errorResponses(400, 401) } } },
    async (req) => {
      const page = await notificationsPage(deps, req.actor!, req.query);
      return { items: page.items.map((n) => ({ ...n, url: notificationUrl(n) })), nextCursor: page.nextCursor };
    },
  );

  r.get(
    '/api/v1/notifications/unread-count',
    { onRequest: requireSignedIn, schema: { tags, summary: 'How many of my notifications are unread', response: { 200: UnreadCountSchema, ...errorResponses(401) } } },
    async (req) => ({ count: await countUnread(deps.db, req.actor!) }),
  );

  r.post(
    '/api/v1/notifications/read',
    {
      onRequest: requireSignedIn,
      preValidation: async (req) => {
        if (req.body === undefined || req.body === null) req.body = {};
      },
      schema: { tags, summary: 'Mark notifications read: those listed in ids, or all', body: MarkReadBody, response: { 200: MarkReadResultSchema, ...errorResponses(400, 401) } },
    },
    async (req) => markRead(deps, req.actor!, req.body.ids),
  );
}
