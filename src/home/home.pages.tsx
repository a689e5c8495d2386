import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { decodeCursor, paginate } from '../core/http/pagination.ts';
import { listFeed } from './activity.store.ts';
import { countPendingInvitations, listMemberCommunities, listPublicCommunities } from './home.store.ts';
import { DashboardPage, WelcomePage } from './home.views.tsx';

const FEED_PAGE = 20;

/** GET /: a welcome for visitors, a dashboard (latest activity, your communities) for members. */
export async function homePages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/', { schema: { querystring: Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 200 })) }) } }, async (req, reply) => {
    const actor = req.actor;
    if (!actor) {
      const communities = await listPublicCommunities(deps.db, 12);
      return reply.page('Communities of practice', <WelcomePage communities={communities} />);
    }
    const rows = await listFeed(deps.db, actor, { limit: FEED_PAGE + 1, after: decodeCursor(req.query.cursor) });
    const page = paginate(rows, FEED_PAGE, (e) => ({ v: e.createdAt, id: e.id }));
    const [communities, pendingInvitations] = await Promise.all([listMemberCommunities(deps.db, actor.id), countPendingInvitations(deps.db, actor.id)]);
    return reply.page(
      'Home',
      <DashboardPage
        actor={actor}
        communities={communities}
        pendingInvitations={pendingInvitations}
        feed={page.items}
        nextHref={page.nextCursor ? `/?cursor=${page.nextCursor}` : null}
      />,
    );
  });
}
