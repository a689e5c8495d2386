import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { adminApi } from './admin.api.ts';
import { requireOrgAdmin } from './admin.guard.ts';
import { adminPages } from './admin.pages.tsx';

/** Admin pages (/admin…) and API (/api/v1/admin/…), all behind the organisation-admin guard. */
export async function adminRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  // A child scope, so the guard hook applies to admin routes only.
  await app.register(async (admin) => {
    admin.addHook('onRequest', requireOrgAdmin);
    await adminPages(admin, deps);
    await adminApi(admin, deps);
  });
}
