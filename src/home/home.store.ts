import type { Db } from '../core/db/index.ts';
import type { CommunityRole } from '../core/db/schema.ts';
import { visibleCommunityIds } from '../core/permissions/index.ts';

/** A community as the home page lists it. */
export interface HomeCommunity {
  id: number;
  slug: string;
  name: string;
  domainStatement: string;
  visibility: 'public' | 'private';
  memberCount: number;
}

const columns = ['communities.id', 'communities.slug', 'communities.name', 'communities.domain_statement', 'communities.visibility', 'communities.member_count'] as const;

function toHome(r: { id: number; slug: string; name: string; domain_statement: string; visibility: 'public' | 'private'; member_count: number }): HomeCommunity {
  return { id: r.id, slug: r.slug, name: r.name, domainStatement: r.domain_statement, visibility: r.visibility, memberCount: r.member_count };
}

/** The communities a user belongs to, with their role, by name. */
export async function listMemberCommunities(db: Db, userId: number): Promise<Array<HomeCommunity & { role: CommunityRole }>> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('communities', 'communities.id', 'memberships.community_id')
    .select([...columns, 'memberships.role'])
    .where('memberships.user_id', '=', userId)
    .orderBy('communities.name')
    .execute();
  return rows.map((r) => ({ ...toHome(r), role: r.role }));
}

/** How many invitations wait for the user's answer. */
export async function countPendingInvitations(db: Db, userId: number): Promise<number> {
  const r = await db
    .selectFrom('invitations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('invitee_id', '=', userId)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Public communities an anonymous visitor may see, biggest first. */
export async function listPublicCommunities(db: Db, limit: number): Promise<HomeCommunity[]> {
  const rows = await db
    .selectFrom('communities')
    .select([...columns])
    .where('communities.id', 'in', visibleCommunityIds(db, null))
    .where('communities.visibility', '=', 'public')
    .orderBy('communities.member_count', 'desc')
    .orderBy('communities.name')
    .limit(limit)
    .execute();
  return rows.map(toHome);
}
