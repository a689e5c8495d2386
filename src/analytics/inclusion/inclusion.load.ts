import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { healthScope } from '../access.ts';
import { ensureFresh, perRefresh } from '../fresh.ts';
import { healthWindow } from '../period.ts';
import { inclusionView } from './inclusion.service.ts';

/** Scope, window and figures of one request: 404 for a community the actor may not read (as every path answers). */
export async function loadInclusion(deps: Deps, req: FastifyRequest, slug: string, months: number | undefined) {
  const scope = await healthScope(deps, req.actor, slug);
  const refreshedAt = await ensureFresh(deps);
  const window = healthWindow(deps.clock.now(), months);
  const view = await perRefresh(deps, refreshedAt, `inclusionView:${scope.community.id}:${window.months.length}:${window.months[window.months.length - 1]}:${scope.individuals}`, () => inclusionView(deps, scope.community.id, window, scope.individuals));
  return { scope, refreshedAt, window, view };
}
