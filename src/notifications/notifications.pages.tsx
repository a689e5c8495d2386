import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { unauthenticated } from '../core/http/errors.ts';
import { markRead, notificationsPage } from './notifications.service.ts';
import { countUnread } from './notifications.store.ts';
import { NotificationsPage } from './notifications.views.tsx';

const PageQuery = Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 200 })) });
const ReadForm = Type.Object({ id: Type.Optional(Type.Integer({ minimum: 1 })) });

/** The notifications page and its "mark read" form. */
export async function notificationsPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/notifications', { schema: { querystring: PageQuery } }, async (req, reply) => {
    if (!req.actor) return reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);
    const page = await notificationsPage(deps, req.actor, { cursor: req.query.cursor, limit: 30 });
    const unread = await countUnread(deps.db, req.actor);
    const nextHref = page.nextCursor ? `/notifications?cursor=${page.nextCursor}` : null;
    return reply.page('Notifications', <NotificationsPage ctx={reply.viewContext()} items={page.items} unread={unread} nextHref={nextHref} />);
  });

  r.post('/notifications/read', { schema: { body: ReadForm } }, async (req, reply) => {
    if (!req.actor) throw unauthenticated('Sign in to see your notifications.');
    const id = req.body?.id;
    const { marked } = await markRead(deps, req.actor, id === undefined ? undefined : [id]);
    reply.flash(id === undefined ? `Marked ${marked} ${marked === 1 ? 'notification' : 'notifications'} read.` : 'Marked read.');
    return reply.redirect('/notifications', 303);
  });
}
