import type { Selectable } from 'kysely';
import type { Db } from '../core/db/index.ts';
import type { CommunityRole, CommunityTable } from '../core/db/schema.ts';
import { canSeeCommunity, type Actor, type CommunityAccess } from '../core/permissions/index.ts';

/** A community as stored. */
export type CommunityRow = Selectable<CommunityTable>;

/** The actor's role in a community, or null when not a member (or anonymous). */
export async function findRole(db: Db, communityId: number, actor: Actor | null): Promise<CommunityRole | null> {
  if (!actor) return null;
  const m = await db
    .selectFrom('memberships')
    .select('role')
    .where('community_id', '=', communityId)
    .where('user_id', '=', actor.id)
    .executeTakeFirst();
  return m?.role ?? null;
}

/** True when the user holds a pending invitation to the community (it lets them see it exists). */
export async function hasPendingInvitation(db: Db, communityId: number, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('invitations')
    .select('id')
    .where('community_id', '=', communityId)
    .where('invitee_id', '=', userId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return row !== undefined;
}

/** The access facts the permission rules take, for a loaded community and role. */
export function accessOf(community: CommunityRow, role: CommunityRole | null): CommunityAccess {
  return { visibility: community.visibility, joinPolicy: community.join_policy, role };
}

/**
 * Loads a community by slug with the actor's access to it. Returns null when there is no such
 * community OR the actor may not even know it exists (canSeeCommunity: invite-only private
 * communities are secret to non-members, except to people holding a pending invitation to one) —
 * callers answer 404 in both cases. Whether the actor may
 * read its content is a separate question: ask canReadCommunity(actor, access).
 */
export async function findCommunityForActor(
  db: Db,
  slug: string,
  actor: Actor | null,
): Promise<{ community: CommunityRow; access: CommunityAccess } | null> {
  // The actor's role comes with the community in one statement (issue 6: every community page and write asks this).
  const row = await db
    .selectFrom('communities')
    .selectAll('communities')
    .select((eb) =>
      eb
        .selectFrom('memberships')
        .select('memberships.role')
        .whereRef('memberships.community_id', '=', 'communities.id')
        .where('memberships.user_id', '=', actor?.id ?? 0)
        .as('actor_role'),
    )
    .where('communities.slug', '=', slug)
    .executeTakeFirst();
  if (!row) return null;
  const { actor_role: role, ...community } = row;
  const access = accessOf(community, actor ? (role ?? null) : null);
  if (!canSeeCommunity(actor, access) && !(actor && (await hasPendingInvitation(db, community.id, actor.id)))) return null;
  return { community, access };
}

/** Alias of findCommunityForActor, under the name other features were told about. */
export const getCommunityAccess = findCommunityForActor;
