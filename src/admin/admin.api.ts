import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { decodeCursor, PageQuery, paginate } from '../core/http/pagination.ts';
import { badRequest, notFound } from '../core/http/errors.ts';
import { errorResponses } from '../discussions/discussions.schema.ts';
import { adminOf } from './admin.guard.ts';
import { AdminUserSchema, CommunityListSchema, StatsSchema, UserIdParams, UserListQuery, UserListSchema, UserPatchBody } from './admin.schema.ts';
import { changeAccountKind, changeUserRole } from './admin.service.ts';
import { countPlatform, findUser, listAllCommunities, listUsers } from './admin.store.ts';

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
        summary: "Change a user's organisation role (the last admin cannot step down) and/or account kind (person, staff, bot)",
        description: "Body: `role` and/or `accountKind`. A change of kind is recorded as 'user.kind_changed'; staff and bot accounts are left out of community health figures. The role is changed first: a 409 for the last admin changes nothing.",
        params: UserIdParams,
        body: UserPatchBody,
        response: { 200: AdminUserSchema, ...guarded, ...errorResponses(400, 404, 409) },
      },
    },
    async (req) => {
      const { role, accountKind } = req.body;
      if (role === undefined && accountKind === undefined) {
        throw badRequest('Give role or accountKind to change.', [
          { field: 'role', message: 'Role or account kind is required' },
          { field: 'accountKind', message: 'Account kind or role is required' },
        ]);
      }
      const actor = adminOf(req);
      let user = role === undefined ? await findUser(deps.db, req.params.id) : (await changeUserRole(deps, actor, req.params.id, role)).user;
      if (!user) throw notFound('User');
      if (accountKind !== undefined) user = (await changeAccountKind(deps, actor, req.params.id, accountKind)).user;
      return user;
    },
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
