import type { Actor } from '../core/permissions/index.ts';
import { canEditCommunity, canReadCommunity } from '../core/permissions/index.ts';
import type { Deps } from '../core/deps.ts';
import { notFound } from '../core/http/errors.ts';
import { findCommunityForActor, type CommunityRow } from '../communities/communities.access.ts';

/** Who is looking at a community's health, and what they may see. */
export interface HealthScope {
  community: CommunityRow;
  /**
   * Individual-level figures (named members, their levels, trajectories, who holds at-risk knowledge):
   * the community's stewards and organisation admins only. Everyone else who may read the community
   * sees aggregates (counts, shares, medians) and never a name.
   */
  individuals: boolean;
}

/**
 * The health pages' and API's one access rule: anyone who may read the community sees its aggregate
 * health; stewards and admins also see individuals. A community the actor may not read is a 404 (as
 * every other path answers), so a private community's health never reaches a non-member.
 */
export async function healthScope(deps: Deps, actor: Actor | null, slug: string): Promise<HealthScope> {
  const found = await findCommunityForActor(deps.db, slug, actor);
  if (!found || !canReadCommunity(actor, found.access)) throw notFound('Community');
  return { community: found.community, individuals: canEditCommunity(actor, found.access) };
}
