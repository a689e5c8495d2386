import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import './http/types.ts';
import { resolveActor } from '../accounts/auth.ts';
import { accountsRoutes } from '../accounts/accounts.routes.ts';
import { adminRoutes } from '../admin/admin.routes.ts';
import { communitiesRoutes } from '../communities/communities.routes.ts';
import { discussionsRoutes } from '../discussions/discussions.routes.ts';
import { answersRoutes } from '../discussions/answers/answers.routes.ts';
import { engagementRoutes } from '../discussions/engagement/engagement.routes.ts';
import { moderationRoutes } from '../discussions/moderation/moderation.routes.ts';
import { notificationsRoutes } from '../notifications/notifications.routes.ts';
import { articlesRoutes } from '../knowledge/articles/articles.routes.ts';
import { glossaryRoutes } from '../knowledge/glossary/glossary.routes.ts';
import { lifecycleRoutes } from '../knowledge/lifecycle/lifecycle.routes.ts';
import { attachmentsRoutes } from '../knowledge/attachments/attachments.routes.ts';
import { collectionsRoutes } from '../knowledge/collections/collections.routes.ts';
import { linksRoutes } from '../knowledge/links/links.routes.ts';
import { storiesRoutes } from '../knowledge/stories/stories.routes.ts';
import { transferRoutes } from '../knowledge/transfer/transfer.routes.ts';
import { searchRoutes } from '../search/search.routes.ts';
import { relatedRoutes } from '../search/related/related.routes.ts';
import { countUnread } from '../notifications/notifications.store.ts';
import { markdownRoutes } from './markdown/markdown.routes.ts';
import { homeRoutes } from '../home/home.routes.ts';
import { peopleRoutes } from '../people/people.routes.ts';
import { profilesRoutes } from '../people/profiles/profiles.routes.ts';
import { expertiseRoutes } from '../people/expertise/expertise.routes.ts';
import { routingRoutes } from '../people/routing/routing.routes.ts';
import { networkRoutes } from '../people/network/network.routes.ts';
import { mentoringRoutes } from '../people/mentoring/mentoring.routes.ts';
import { analyticsRoutes } from '../analytics/analytics.routes.ts';
import type { Deps } from './deps.ts';
import { verifyCsrf } from './http/csrf.ts';
import { registerErrorHandling } from './http/error-handler.ts';
import { healthRoutes } from './http/health.ts';
import { apiDocsRoutes } from './http/api-docs.routes.tsx';
import { registerOpenApi } from './http/openapi.ts';
import { registerPageHelpers } from './http/page-helpers.tsx';
import { registerSecurityHeaders } from './http/security.ts';
import { registerCaching } from './http/caching.ts';
import { registerAnonymousCache } from './http/anonymous-cache.ts';
import { registerCompression } from './http/compression.ts';
import { registerRateLimit } from './http/rate-limit.ts';
import { registerStaticAssets } from './http/static-assets.ts';
import { lazyCompilers } from './http/lazy-compilers.ts';

// src/core/app.ts → src/web/static; the production bundle (dist/guildhall.mjs) → ../src/web/static.
const here = path.dirname(fileURLToPath(import.meta.url));
const staticRoot = [path.join(here, '..', 'web', 'static'), path.join(here, '..', 'src', 'web', 'static')].find((dir) => fs.existsSync(dir)) ?? path.join(here, '..', 'web', 'static');

/**
 * Builds the HTTP app on the given dependencies. Tests call this with a database of their choosing;
 * `guildhall serve` calls it with the configured one. Nothing here opens connections.
 */
export async function buildApp(deps: Deps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: true, useDefaults: true } },
    schemaController: { compilersFactory: lazyCompilers() },
  });

  // Every route, as registered: the authorization matrix test checks each one is covered.
  const routes: Array<{ method: string; url: string }> = [];
  app.decorate('routeList', routes);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method, url: r.url });
  });

  app.decorateRequest('actor', null);
  app.decorateRequest('authVia', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfIssued', null);

  await app.register(cookie);
  await app.register(formbody);
  await registerRateLimit(app);
  await registerOpenApi(app);
  registerSecurityHeaders(app);
  registerAnonymousCache(app, deps);
  registerCaching(app);
  // Last of the body hooks: the ETag and the anonymous cache see the uncompressed body.
  registerCompression(app);
  registerErrorHandling(app);
  registerPageHelpers(app, { unreadCount: (actor) => countUnread(deps.db, actor) });

  app.addHook('onRequest', async (req) => {
    if (req.url.startsWith('/static/') || req.url === '/healthz') return;
    await resolveActor(deps, req);
  });
  app.addHook('preValidation', async (req) => verifyCsrf(req));

  registerStaticAssets(app, staticRoot);

  await app.register(async (scope) => {
    await healthRoutes(scope, deps);
    await apiDocsRoutes(scope, deps);
    await homeRoutes(scope, deps);
    await accountsRoutes(scope, deps);
    await peopleRoutes(scope, deps);
    await communitiesRoutes(scope, deps);
    await discussionsRoutes(scope, deps);
    await answersRoutes(scope, deps);
    await moderationRoutes(scope, deps);
    await engagementRoutes(scope, deps);
    await notificationsRoutes(scope, deps);
    await markdownRoutes(scope, deps);
    await articlesRoutes(scope, deps);
    await glossaryRoutes(scope, deps);
    await lifecycleRoutes(scope, deps);
    await attachmentsRoutes(scope, deps);
    await collectionsRoutes(scope, deps);
    await linksRoutes(scope, deps);
    await storiesRoutes(scope, deps);
    await transferRoutes(scope, deps);
    await searchRoutes(scope, deps);
    await relatedRoutes(scope, deps);
    await profilesRoutes(scope, deps);
    await expertiseRoutes(scope, deps);
    await routingRoutes(scope, deps);
    await networkRoutes(scope, deps);
    await mentoringRoutes(scope, deps);
    await analyticsRoutes(scope, deps);
    await adminRoutes(scope, deps);
  });
  return app;
}
