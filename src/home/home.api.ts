import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { notFound } from '../core/http/errors.ts';
import { decodeCursor, paginate } from '../core/http/pagination.ts';
import { canReadCommunity } from '../core/permissions/index.ts';
import { findCommunityForActor } from '../communities/communities.access.ts';
import { errorResponses } from '../discussions/discussions.schema.ts';
import { describeActivity } from './activity-sentence.ts';
import { listFeed } from './activity.store.ts';
import { ActivityListSchema, ActivityQuery } from './home.schema.ts';

/** GET /api/v1/activity: the feed across readable communities, optionally one community's. */
export async function homeApi(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/v1/activity',
    {
      schema: {
        tags: ['activity'],
        summary: 'Latest activity in communities you may read, newest first',
        querystring: ActivityQuery,
        response: { 200: ActivityListSchema, ...errorResponses(400, 404) },
      },
    },
    async (req) => {
      let communityId: number | undefined;
      if (req.query.community !== undefined) {
        // Unknown, secret and unreadable communities all answer the same 404.
        const found = await findCommunityForActor(deps.db, req.query.community, req.actor);
        if (!found || !canReadCommunity(req.actor, found.access)) throw notFound('Community');
        communityId = found.community.id;
      }
      const limit = req.query.limit ?? 20;
      const rows = await listFeed(deps.db, req.actor, { limit: limit + 1, after: decodeCursor(req.query.cursor), communityId });
      const page = paginate(rows, limit, (e) => ({ v: e.createdAt, id: e.id }));
      return {
        items: page.items.map((e) => {
          const s = describeActivity(e);
          return { id: e.id, verb: e.verb, createdAt: e.createdAt, actor: e.actor, community: e.community, subject: { type: e.subjectType, id: e.subjectId }, text: s.text, url: s.href };
        }),
        nextCursor: page.nextCursor,
      };
    },
  );
}
