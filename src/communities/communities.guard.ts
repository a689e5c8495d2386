import type { Db } from '../core/db/index.ts';
import { unauthenticated } from '../core/http/errors.ts';
import { canReadCommunity, type Actor, type CommunityAccess } from '../core/permissions/index.ts';
import { findCommunityForActor, type CommunityRow } from './communities.access.ts';
import { communityErrors } from './communities.errors.ts';

/** A community the actor may see, with the actor's access to it. */
export interface Found {
  community: CommunityRow;
  access: CommunityAccess;
}

/** The signed-in actor; throws 401 for anonymous. */
export function requireActor(actor: Actor | null, message?: string): Actor {
  if (!actor) throw unauthenticated(message);
  return actor;
}

/** The community by slug; throws 404 when there is none or the actor may not know it exists. */
export async function loadCommunity(db: Db, slug: string, actor: Actor | null): Promise<Found> {
  const found = await findCommunityForActor(db, slug, actor);
  if (!found) throw communityErrors.notFound();
  return found;
}

/**
 * Throws unless the actor may read the community's content. Non-members of a private community get
 * 404 (its content does not exist for them); an org admin gets 403 telling them to join first, since
 * admins read private content only as visible members.
 */
export function requireReadable(actor: Actor | null, found: Found): void {
  if (canReadCommunity(actor, found.access)) return;
  if (actor?.role === 'admin') throw communityErrors.joinFirst();
  throw communityErrors.notFound();
}
