import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { healthScope } from '../access.ts';
import { ensureFresh, perRefresh } from '../fresh.ts';
import { healthWindow } from '../period.ts';
import { responsivenessView } from './responsiveness.service.ts';

/** Scope, window and figures of one request (404 for a community the actor may not read). */
export async function loadResponsiveness(deps: Deps, req: FastifyRequest, slug: string, months: number | undefined) {
  const scope = await healthScope(deps, req.actor, slug);
  const refreshedAt = await ensureFresh(deps);
  const window = healthWindow(deps.clock.now(), months);
  const view = await perRefresh(deps, refreshedAt, `responsivenessView:${scope.community.id}:${window.months.length}:${window.months[window.months.length - 1]}:${scope.individuals}`, () => responsivenessView(deps, scope.community.id, window, scope.individuals));
  return { scope, refreshedAt, window, view };
}
