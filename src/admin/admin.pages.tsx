import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { AppError } from '../core/http/errors.ts';
import { decodeCursor, PageQuery, paginate } from '../core/http/pagination.ts';
import { issuesFromValidation } from '../core/http/validation.ts';
import { adminOf } from './admin.guard.ts';
import type { AccountKind } from '../core/db/tables/analytics.ts';
import { KindForm, RoleForm, UserIdParams, UserListQuery } from './admin.schema.ts';
import { changeAccountKind, changeUserRole } from './admin.service.ts';
import { countPlatform, listAllCommunities, listUsers } from './admin.store.ts';
import { CommunitiesPage, kindLabel, OverviewPage, UsersPage } from './admin.views.tsx';

const PAGE = 50;

function usersHref(q: string, cursor?: string): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (cursor) params.set('cursor', cursor);
  const s = params.toString();
  return s ? `/admin/users?${s}` : '/admin/users';
}

/** Admin pages. Register inside the scope that runs requireOrgAdmin. */
export async function adminPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/admin', async (_req, reply) => reply.page('Admin', <OverviewPage stats={await countPlatform(deps.db)} />));

  async function renderUsers(reply: FastifyReply, q: string, cursor: string | undefined, opts: { status?: number; problem?: string } = {}) {
    const rows = await listUsers(deps.db, { q: q || undefined, limit: PAGE + 1, after: decodeCursor(cursor) });
    const page = paginate(rows, PAGE, (u) => ({ v: u.id, id: u.id }));
    const nextHref = page.nextCursor ? usersHref(q, page.nextCursor) : null;
    return reply.page('Users · Admin', <UsersPage ctx={reply.viewContext()} users={page.items} q={q} nextHref={nextHref} problem={opts.problem ?? null} />, {
      status: opts.status ?? 200,
      wide: true,
    });
  }

  r.get('/admin/users', { schema: { querystring: UserListQuery } }, async (req, reply) => renderUsers(reply, req.query.q?.trim() ?? '', req.query.cursor));

  r.post('/admin/users/:id/role', { attachValidation: true, schema: { params: UserIdParams, body: RoleForm } }, async (req: FastifyRequest, reply) => {
    const body = (req.body ?? {}) as { role?: unknown; q?: unknown };
    const q = typeof body.q === 'string' ? body.q.trim().slice(0, 100) : '';
    if (req.validationError) {
      const issues = issuesFromValidation((req.validationError as { validation: Parameters<typeof issuesFromValidation>[0] }).validation);
      return renderUsers(reply, q, undefined, { status: 400, problem: issues.map((i) => i.message).join(' ') });
    }
    const { id } = req.params as { id: number };
    try {
      const { user, changed } = await changeUserRole(deps, adminOf(req), id, body.role as 'admin' | 'member');
      reply.flash(changed ? `${user.displayName} is now ${user.role === 'admin' ? 'an admin' : 'a member'}.` : `${user.displayName} already was ${user.role === 'admin' ? 'an admin' : 'a member'}.`);
      return reply.redirect(usersHref(q), 303);
    } catch (err) {
      if (err instanceof AppError && err.status === 409) return renderUsers(reply, q, undefined, { status: 409, problem: err.message });
      throw err;
    }
  });

  r.post('/admin/users/:id/kind', { attachValidation: true, schema: { params: UserIdParams, body: KindForm } }, async (req: FastifyRequest, reply) => {
    const body = (req.body ?? {}) as { accountKind?: unknown; q?: unknown };
    const q = typeof body.q === 'string' ? body.q.trim().slice(0, 100) : '';
    if (req.validationError) {
      const issues = issuesFromValidation((req.validationError as { validation: Parameters<typeof issuesFromValidation>[0] }).validation);
      return renderUsers(reply, q, undefined, { status: 400, problem: issues.map((i) => i.message).join(' ') });
    }
    const { id } = req.params as { id: number };
    const { user, changed } = await changeAccountKind(deps, adminOf(req), id, body.accountKind as AccountKind);
    reply.flash(changed ? `${user.displayName} is now marked as ${kindLabel[user.accountKind]}.` : `${user.displayName} already was marked as ${kindLabel[user.accountKind]}.`);
    return reply.redirect(usersHref(q), 303);
  });

  r.get('/admin/communities', { schema: { querystring: PageQuery } }, async (req, reply) => {
    const rows = await listAllCommunities(deps.db, { limit: PAGE + 1, after: decodeCursor(req.query.cursor) });
    const page = paginate(rows, PAGE, (c) => ({ v: c.name, id: c.id }));
    const nextHref = page.nextCursor ? `/admin/communities?cursor=${page.nextCursor}` : null;
    return reply.page('Communities · Admin', <CommunitiesPage communities={page.items} nextHref={nextHref} />, { wide: true });
  });
}
