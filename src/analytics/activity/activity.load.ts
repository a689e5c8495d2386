import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { healthScope } from '../access.ts';
import { ensureFresh } from '../fresh.ts';
import { healthWindow } from '../period.ts';

/** Scope (404 for a community the actor may not read), fresh rollups and the window of one request. */
export async function loadHealth(deps: Deps, req: FastifyRequest, slug: string, months: number | undefined) {
  const scope = await healthScope(deps, req.actor, slug);
  const refreshedAt = await ensureFresh(deps);
  const window = healthWindow(deps.clock.now(), months);
  return { scope, refreshedAt, window };
}

/** The community part of every API answer. */
export const frameOf = (l: Awaited<ReturnType<typeof loadHealth>>) => ({ community: { slug: l.scope.community.slug, name: l.scope.community.name }, months: l.window.months, refreshedAt: l.refreshedAt, individuals: l.scope.individuals });
