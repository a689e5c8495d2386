import type { SelectQueryBuilder } from 'kysely';
import type { Db } from '../db/index.ts';
import type { CommunityRole, Database, JoinPolicy, Visibility } from '../db/schema.ts';

/** Who is asking: a signed-in user, or null for anonymous. */
export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: 'admin' | 'member';
}

/** What the rules need to know about a community and the actor's place in it. */
export interface CommunityAccess {
  visibility: Visibility;
  joinPolicy: JoinPolicy;
  /** The actor's role in the community, or null when not a member. */
  role: CommunityRole | null;
}

/*
 * The visibility rule (DESIGN.md §3). A public community's content is readable by anyone; a private
 * community's content only by its members. Organisation admins are not exempt: they can list and
 * manage every community, and join any, but read private content only as members (joining shows them
 * in the member list and the activity stream, so access is never silent).
 */

/** May the actor read the community's content (topics, posts, members, activity)? */
export function canReadCommunity(_actor: Actor | null, c: CommunityAccess): boolean {
  return c.visibility === 'public' || c.role !== null;
}

/** May the actor see that the community exists (name, domain, in the directory)? Invite-only private ones are secret. */
export function canSeeCommunity(actor: Actor | null, c: CommunityAccess): boolean {
  return canReadCommunity(actor, c) || c.joinPolicy !== 'invite' || actor?.role === 'admin';
}

/** May the actor start topics and reply? Members only. */
export function canPost(actor: Actor | null, c: CommunityAccess): boolean {
  return actor !== null && c.role !== null;
}

/** May the actor change the community's settings? Stewards and admins. */
export function canEditCommunity(actor: Actor | null, c: CommunityAccess): boolean {
  return actor !== null && (c.role === 'steward' || actor.role === 'admin');
}

/** May the actor approve requests, invite and remove members? Stewards, moderators and admins. */
export function canManageMembers(actor: Actor | null, c: CommunityAccess): boolean {
  return actor !== null && (c.role === 'steward' || c.role === 'moderator' || actor.role === 'admin');
}

/** May the actor change members' roles? Stewards and admins. */
export function canChangeRoles(actor: Actor | null, c: CommunityAccess): boolean {
  return canEditCommunity(actor, c);
}

/** May the actor join without asking? Open communities, or any community for an admin. */
export function canJoinDirectly(actor: Actor | null, c: CommunityAccess): boolean {
  return actor !== null && c.role === null && (c.joinPolicy === 'open' || actor.role === 'admin');
}

/**
 * The ids of communities whose content the actor may read, as a subquery every reader puts in its
 * WHERE clause (`where('topics.community_id', 'in', readableCommunityIds(db, actor))`).
 */
export function readableCommunityIds(db: Db, actor: Actor | null): SelectQueryBuilder<Database, 'communities', { id: number }> {
  return db
    .selectFrom('communities')
    .select('communities.id')
    .where((eb) =>
      actor
        ? eb.or([
            eb('communities.visibility', '=', 'public'),
            eb('communities.id', 'in', eb.selectFrom('memberships').select('memberships.community_id').where('memberships.user_id', '=', actor.id)),
          ])
        : eb('communities.visibility', '=', 'public'),
    );
}

/** The ids of communities the actor may see listed (directory, profile, search of communities). */
export function visibleCommunityIds(db: Db, actor: Actor | null): SelectQueryBuilder<Database, 'communities', { id: number }> {
  if (actor?.role === 'admin') return db.selectFrom('communities').select('communities.id');
  return db
    .selectFrom('communities')
    .select('communities.id')
    .where((eb) =>
      eb.or([
        eb('communities.visibility', '=', 'public'),
        eb('communities.join_policy', '!=', 'invite'),
        ...(actor
          ? [eb('communities.id', 'in', eb.selectFrom('memberships').select('memberships.community_id').where('memberships.user_id', '=', actor.id))]
          : []),
      ]),
    );
}
