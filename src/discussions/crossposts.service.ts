import { recordActivity } from '../core/activity.ts';
import { iso } from '../core/clock.ts';
import type { Deps } from '../core/deps.ts';
import type { Db } from '../core/db/index.ts';
import { badRequest, conflict, forbidden, notFound, unauthenticated } from '../core/http/errors.ts';
import type { Actor } from '../core/permissions/index.ts';
import { assertMayPost, findReadableTopic } from './discussions.service.ts';
import { assertNotDeleted, mayCrosspost } from './discussions.rules.ts';
import { crosspostCommunityIds, deleteCrosspost, insertCrossposts, memberCommunities, type CommunityRef } from './crossposts.store.ts';

/**
 * The communities a topic living in `homeId` may be cross-posted into by `actor`: each slug must
 * name a community the actor is a member of, other than the home one. Throws 400 naming `field`
 * and listing the slugs that do not qualify (unknown and not-a-member read the same, so nothing
 * about communities the actor cannot see is revealed). Duplicates are dropped.
 */
export async function resolveCrosspostTargets(db: Db, actor: Actor, homeId: number, slugs: readonly string[], field = 'crossPostTo'): Promise<CommunityRef[]> {
  const wanted = [...new Set(slugs.map((s) => s.trim()).filter((s) => s !== ''))];
  if (wanted.length === 0) return [];
  const mine = new Map((await memberCommunities(db, actor.id)).map((c) => [c.slug, c]));
  const bad = wanted.filter((s) => !mine.has(s) || mine.get(s)?.id === homeId);
  if (bad.length > 0) {
    const message = `You can cross-post only to other communities you are a member of; not to: ${bad.join(', ')}`;
    throw badRequest(message, [{ field, message }]);
  }
  return wanted.map((s) => mine.get(s) as CommunityRef);
}

/**
 * Links a topic into another community's lists (one thread: it stays in its home community).
 * Allowed to the topic's author and the home community's stewards, into a community they are a
 * member of. 401/404/403 as for posting; 400 naming `community` for a community that does not
 * qualify; 409 when it is already cross-posted there. Records 'topic.crossposted' in the home community.
 */
export async function addCrosspost(deps: Deps, actor: Actor | null, topicId: number, slug: string): Promise<CommunityRef> {
  if (!actor) throw unauthenticated('Sign in to cross-post.');
  const { topic, access } = await findReadableTopic(deps, actor, topicId);
  assertNotDeleted(topic);
  assertMayPost(actor, access);
  if (!mayCrosspost(actor.id, access, topic.author.id)) throw forbidden('Only the author of the topic or a steward can cross-post it.');
  const [target] = await resolveCrosspostTargets(deps.db, actor, topic.communityId, [slug], 'community');
  if (!target) throw badRequest('Name a community', [{ field: 'community', message: 'Community is required' }]);
  if ((await crosspostCommunityIds(deps.db, topicId)).includes(target.id)) throw conflict(`This topic is already cross-posted to ${target.name}`);
  const at = iso(deps.clock.now());
  await deps.db.transaction().execute(async (tx) => {
    await insertCrossposts(tx, topicId, [target.id], actor.id, at);
    await recordActivity(tx, { actorId: actor.id, verb: 'topic.crossposted', communityId: topic.communityId, subjectType: 'topic', subjectId: topicId, data: { targetCommunityId: target.id }, at });
  });
  return target;
}

/**
 * Unlinks a topic from a community's lists. Allowed to the topic's author, the home community's
 * stewards, and the stewards and moderators of the community it is unlinked from. 404 when the
 * topic is not cross-posted to a community of that slug the actor may know of.
 */
export async function removeCrosspost(deps: Deps, actor: Actor | null, topicId: number, slug: string): Promise<void> {
  if (!actor) throw unauthenticated('Sign in to change cross-posts.');
  const { topic, access } = await findReadableTopic(deps, actor, topicId);
  const linked = await crosspostCommunityIds(deps.db, topicId);
  const mine = (await memberCommunities(deps.db, actor.id)).find((c) => c.slug === slug);
  const targetRole = mine && linked.includes(mine.id) ? mine.role : null;
  const allowed = mayCrosspost(actor.id, access, topic.author.id) || targetRole === 'steward' || targetRole === 'moderator';
  if (!allowed) {
    assertMayPost(actor, access);
    throw forbidden('Only the author of the topic or a steward can remove a cross-post.');
  }
  const target = await deps.db.selectFrom('communities').select(['id']).where('slug', '=', slug).executeTakeFirst();
  if (!target || !linked.includes(target.id)) throw notFound('Cross-post');
  const at = iso(deps.clock.now());
  await deps.db.transaction().execute(async (tx) => {
    await deleteCrosspost(tx, topicId, target.id);
    await recordActivity(tx, { actorId: actor.id, verb: 'topic.uncrossposted', communityId: topic.communityId, subjectType: 'topic', subjectId: topicId, data: { targetCommunityId: target.id }, at });
  });
}
