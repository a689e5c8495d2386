import { recordActivity } from '../../core/activity.ts';
import { iso } from '../../core/clock.ts';
import type { Deps } from '../../core/deps.ts';
import { badRequest, notFound } from '../../core/http/errors.ts';
import { canReadCommunity, type Actor } from '../../core/permissions/index.ts';
import { findCommunityForActor } from '../../communities/communities.access.ts';
import { effectiveLevel, type WatchLevel } from '../../notifications/watch-levels.store.ts';
import { addBookmark, removeBookmark } from './bookmarks.store.ts';
import { assertMember, readablePost, readableTopic, signedIn, type PostInTopic } from './engagement.access.ts';
import { checkReaction } from './reactions.ts';
import { addReaction, reactionCounts, removeReaction, type ReactionCount } from './reactions.store.ts';
import { chosenWatch, clearWatch, setWatch, type WatchTarget } from './watches.store.ts';

export const watchLevels: readonly WatchLevel[] = ['watch', 'track', 'mute'];

/**
 * Gives (on) or takes back (off) the actor's reaction to a post and returns the post's counts. Members
 * only: 401 anonymous, 400 naming `reaction` for one outside the fixed set, 404 for a post the actor
 * may not read, 403 for a reader who is not a member. Records 'post.reacted' / 'post.unreacted' when
 * something changed; giving a reaction twice changes nothing.
 */
export async function setReaction(deps: Deps, actor: Actor | null, postId: number, rawReaction: string, on: boolean): Promise<ReactionCount[]> {
  const who = signedIn(actor, 'react to posts');
  const reaction = checkReaction(rawReaction);
  const { post, topic, access } = await readablePost(deps, who, postId);
  assertMember(who, access);
  const at = iso(deps.clock.now());
  await deps.db.transaction().execute(async (tx) => {
    const changed = on ? await addReaction(tx, post.id, who.id, reaction, at) : await removeReaction(tx, post.id, who.id, reaction);
    if (!changed) return;
    await recordActivity(tx, { actorId: who.id, verb: on ? 'post.reacted' : 'post.unreacted', communityId: topic.community.id, subjectType: 'post', subjectId: post.id, data: { reaction, topicId: topic.id }, at });
  });
  return (await reactionCounts(deps.db, [post.id], who.id)).get(post.id)!;
}

/**
 * A post the actor may react to, with its counts (`mine` for the actor's own): the same refusals as
 * setReaction (401 anonymous, 404 unreadable or deleted, 403 a reader who is not a member), so its
 * reaction page shows to exactly those whose form post would count.
 */
export async function reactablePost(deps: Deps, actor: Actor | null, postId: number): Promise<PostInTopic & { actor: Actor; counts: ReactionCount[] }> {
  const who = signedIn(actor, 'react to posts');
  const found = await readablePost(deps, who, postId);
  assertMember(who, found.access);
  return { ...found, actor: who, counts: (await reactionCounts(deps.db, [found.post.id], who.id)).get(found.post.id)! };
}

/** The reaction counts of a post the actor may read (404 otherwise). */
export async function reactionsOf(deps: Deps, actor: Actor | null, postId: number): Promise<ReactionCount[]> {
  const { post } = await readablePost(deps, actor, postId);
  return (await reactionCounts(deps.db, [post.id], actor?.id ?? null)).get(post.id)!;
}

/**
 * Bookmarks (on) or un-bookmarks (off) a post the actor may read: 401 anonymous, 404 unreadable.
 * A topic is bookmarked through its opening post. Records 'post.bookmarked' / 'post.unbookmarked'
 * outside any community's stream (bookmarks are private).
 */
export async function setBookmark(deps: Deps, actor: Actor | null, postId: number, on: boolean): Promise<{ postId: number; bookmarked: boolean }> {
  const who = signedIn(actor, 'bookmark posts');
  const { post, topic } = await readablePost(deps, who, postId);
  const at = iso(deps.clock.now());
  await deps.db.transaction().execute(async (tx) => {
    const changed = on ? await addBookmark(tx, who.id, post.id, at) : await removeBookmark(tx, who.id, post.id);
    if (changed) await recordActivity(tx, { actorId: who.id, verb: on ? 'post.bookmarked' : 'post.unbookmarked', communityId: null, subjectType: 'post', subjectId: post.id, data: { topicId: topic.id }, at });
  });
  return { postId: post.id, bookmarked: on };
}

/** A level as a form or API sent it: one of watch/track/mute, or null to go back to the default. */
export function checkLevel(raw: string | null): WatchLevel | null {
  if (raw === null || raw === '' || raw === 'default') return null;
  if ((watchLevels as string[]).includes(raw)) return raw as WatchLevel;
  const message = `Level must be one of: ${watchLevels.join(', ')} (or default)`;
  throw badRequest(message, [{ field: 'level', message }]);
}

/** The actor's chosen level on a topic or community and what it amounts to. */
export interface WatchState {
  level: WatchLevel | null;
  effective: WatchLevel;
}

async function changeWatch(deps: Deps, who: Actor, target: WatchTarget, targetId: number, level: WatchLevel | null | undefined): Promise<void> {
  if (level === undefined) return;
  const at = iso(deps.clock.now());
  await deps.db.transaction().execute(async (tx) => {
    if (level === null && !(await clearWatch(tx, who.id, target, targetId))) return;
    if (level !== null) await setWatch(tx, who.id, target, targetId, level, at);
    await recordActivity(tx, { actorId: who.id, verb: `${target}.watch_set`, communityId: null, subjectType: target, subjectId: targetId, data: { level }, at });
  });
}

/**
 * Reads (level undefined), sets (watch/track/mute) or resets (null) the actor's level on a topic they
 * may read: 401 anonymous, 404 unreadable. A topic's level wins over its community's.
 */
export async function watchTopic(deps: Deps, actor: Actor | null, topicId: number, level?: WatchLevel | null): Promise<WatchState> {
  const who = signedIn(actor, 'watch topics');
  const { topic } = await readableTopic(deps, who, topicId);
  await changeWatch(deps, who, 'topic', topic.id, level);
  const onTopic = await chosenWatch(deps.db, who.id, 'topic', topic.id);
  const onCommunity = await chosenWatch(deps.db, who.id, 'community', topic.community.id);
  return { level: onTopic, effective: effectiveLevel({ topic: onTopic ?? undefined, community: onCommunity ?? undefined }) };
}

/** Like watchTopic, for a community given by slug (404 when the actor may not read it). */
export async function watchCommunity(deps: Deps, actor: Actor | null, slug: string, level?: WatchLevel | null): Promise<WatchState & { communityId: number }> {
  const who = signedIn(actor, 'watch communities');
  const found = await findCommunityForActor(deps.db, slug, who);
  if (!found || !canReadCommunity(who, found.access)) throw notFound('Community');
  await changeWatch(deps, who, 'community', found.community.id, level);
  const chosen = await chosenWatch(deps.db, who.id, 'community', found.community.id);
  return { communityId: found.community.id, level: chosen, effective: chosen ?? 'track' };
}
