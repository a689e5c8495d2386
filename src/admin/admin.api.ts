import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { decodeCursor, PageQuery, paginate } from '../core/http/pagination.ts';
import { errorResponses } from '../discussions/discussions.schema.ts';
import { adminOf } from './admin.guard.ts';
import { AdminUserSchema, CommunityListSchema, RoleBody, StatsSchema, UserIdParams, UserListQuery, UserListSchema } from './admin.schema.ts';
import { changeUserRole } from './admin.service.ts';
import { countPlatform, listAllCommunities, listUsers } from './admin.store.ts';

const tags = ['admin'];
const guarded = errorResponses(401, 403);

/** The admin JSON API. Register inside the scope that runs requireOrgAdmin. */
export async function adminApi(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/api/v1/admin/stats', { schema: { tags, summary: 'Count users, communities, topics and posts', response: { 200: StatsSchema, ...guarded } } }, async () =>
    countPlatform(deps.db),
  );

  r.get(
    '/api/v1/admin/users',
    { schema: { tags, summary: 'List users, newest first, optionally searched', querystring: UserListQuery, response: { 200: UserListSchema, ...guarded, ...errorResponses(400) } } },
    async (req) => {
      const limit = req.query.limit ?? 20;
      const rows = await listUsers(deps.db, { q: req.query.q?.trim() || undefined, limit: limit + 1, after: decodeCursor(req.query.cursor) });
      return paginate(rows, limit, (u) => ({ v: u.id, id: u.id }));
    },
  );

  r.patch(
    '/api/v1/admin/users/:id',
    {
      schema: {
        tags,
        summary: "Change a user's organisation role (the last admin cannot step down)",
        params: UserIdParams,
        body: RoleBody,
        response: { 200: AdminUserSchema, ...guarded, ...errorResponses(400, 404, 409) },
      },
    },
    async (req) => (await changeUserRole(deps, adminOf(req), req.params.id, req.body.role)).user,
  );

  r.get(
    '/api/v1/admin/communities',
    { schema: { tags, summary: 'List every community (private ones too) by name: metadata only', querystring: PageQuery, response: { 200: CommunityListSchema, ...guarded, ...errorResponses(400) } } },
    async (req) => {
      const limit = req.query.limit ?? 20;
      const rows = await listAllCommunities(deps.db, { limit: limit + 1, after: decodeCursor(req.query.cursor) });
      return paginate(rows, limit, (c) => ({ v: c.name, id: c.id }));
    },
  );
}
