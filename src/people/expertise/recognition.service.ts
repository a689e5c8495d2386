import { recordActivity } from '../../core/activity.ts';
import type { Deps } from '../../core/deps.ts';
import { forbidden, notFound, unauthenticated } from '../../core/http/errors.ts';
import { decodeCursor, paginate } from '../../core/http/pagination.ts';
import { canEditCommunity, readableCommunityIds, type Actor, type CommunityAccess } from '../../core/permissions/index.ts';
import { readableCommunity } from '../../knowledge/articles/articles.service.ts';
import { badgeDefinitions, type BadgeKey } from './badges.rules.ts';
import { listBadges } from './badges.store.ts';
import { leaderboardEnabled, listLeaders, reputationByCommunity, saveLeaderboardEnabled } from './recognition.store.ts';

/** The ids of the communities the viewer may read. */
export async function readableIds(deps: Pick<Deps, 'db'>, viewer: Actor | null): Promise<number[]> {
  return (await readableCommunityIds(deps.db, viewer).execute()).map((r) => r.id);
}

/** A member by username (case-insensitive); 404 when there is none. */
export async function findMember(deps: Pick<Deps, 'db'>, username: string): Promise<{ id: number; username: string; displayName: string }> {
  const u = await deps.db.selectFrom('users').select(['id', 'username', 'display_name']).where('username', '=', username.toLowerCase()).executeTakeFirst();
  if (!u) throw notFound('Person');
  return { id: u.id, username: u.username, displayName: u.display_name };
}

/** A member's reputation and badges as the viewer may see them (only communities the viewer may read). */
export async function recognitionOf(deps: Pick<Deps, 'db'>, viewer: Actor | null, userId: number) {
  const readable = await readableIds(deps, viewer);
  const [communities, badges] = await Promise.all([reputationByCommunity(deps.db, userId, readable), listBadges(deps.db, userId, new Set(readable))]);
  return {
    reputation: communities.reduce((s, c) => s + c.reputation, 0),
    communities,
    badges: badges.filter((b) => b.badge in badgeDefinitions).map((b) => ({ badge: b.badge, ...badgeDefinitions[b.badge as BadgeKey], awardedAt: b.awardedAt })),
  };
}

/** A community whose leaderboard the viewer may see: 404 when unreadable or when its stewards turned it off. */
export async function leaderboardCommunity(deps: Deps, viewer: Actor | null, slug: string) {
  const found = await readableCommunity(deps, viewer, slug);
  if (!(await leaderboardEnabled(deps.db, found.community.id))) throw notFound('Leaderboard');
  return found;
}

/** One page of a community's leaderboard, with ranks. Throws 400 naming `cursor` for a bad cursor. */
export async function leaderboardPage(deps: Deps, communityId: number, opts: { cursor?: string; limit: number }) {
  const rows = await listLeaders(deps.db, communityId, { after: decodeCursor(opts.cursor), limit: opts.limit + 1 });
  const { items, nextCursor } = paginate(rows, opts.limit, (r) => ({ v: r.reputation, id: r.userId }));
  return { items, nextCursor };
}

/** The community whose recognition settings the actor may change: 401, 404 unreadable, 403 not a steward or admin. */
export async function stewardOf(deps: Deps, actor: Actor | null, slug: string): Promise<{ actor: Actor; communityId: number; slug: string; name: string; access: CommunityAccess }> {
  if (!actor) throw unauthenticated('Sign in to change the leaderboard setting.');
  const { community, access } = await readableCommunity(deps, actor, slug);
  if (!canEditCommunity(actor, access)) throw forbidden('Only stewards can turn the leaderboard on or off.');
  return { actor, communityId: community.id, slug: community.slug, name: community.name, access };
}

/** Stewards (and admins) turn the leaderboard on or off; errors as stewardOf. Records 'community.leaderboard_changed'. */
export async function setLeaderboard(deps: Deps, rawActor: Actor | null, slug: string, enabled: boolean): Promise<void> {
  const { actor, communityId } = await stewardOf(deps, rawActor, slug);
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    await saveLeaderboardEnabled(tx, communityId, enabled, actor.id, at);
    await recordActivity(tx, { actorId: actor.id, verb: 'community.leaderboard_changed', communityId, subjectType: 'community', subjectId: communityId, data: { enabled }, at });
  });
}
