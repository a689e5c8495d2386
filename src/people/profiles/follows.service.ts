import { recordActivity } from '../../core/activity.ts';
import type { Deps } from '../../core/deps.ts';
import { badRequest, notFound } from '../../core/http/errors.ts';
import { decodeCursor, paginate } from '../../core/http/pagination.ts';
import type { Actor } from '../../core/permissions/index.ts';
import { deleteFollow, followCounts, insertFollow, listFollows } from './follows.store.ts';
import { privacyOf, shown } from './privacy.store.ts';
import type { FollowPage } from './profiles.schema.ts';

type Ctx = Pick<Deps, 'db' | 'clock'>;

async function personId(ctx: Pick<Deps, 'db'>, username: string): Promise<number> {
  const u = await ctx.db.selectFrom('users').select('id').where('username', '=', username.toLowerCase()).executeTakeFirst();
  if (!u) throw notFound('Person');
  return u.id;
}

/**
 * Follows (or, with `on` false, unfollows) a person, recording `user.followed` / `user.unfollowed`
 * when something changed; doing it twice is harmless. Throws 404 for an unknown person and 400
 * naming `username` for following oneself (nothing written).
 */
export async function setFollow(ctx: Ctx, actor: Actor, username: string, on: boolean): Promise<{ following: boolean; followers: number }> {
  const id = await personId(ctx, username);
  if (id === actor.id) throw badRequest('You cannot follow yourself.', [{ field: 'username', message: 'You cannot follow yourself.' }]);
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    const changed = on ? await insertFollow(tx, actor.id, id, at) : await deleteFollow(tx, actor.id, id);
    if (changed) await recordActivity(tx, { actorId: actor.id, verb: on ? 'user.followed' : 'user.unfollowed', subjectType: 'user', subjectId: id, at });
  });
  const counts = await followCounts(ctx.db, id, actor.id);
  return { following: counts.followedByViewer, followers: counts.followers };
}

/** One page of a person's followers or of whom they follow, newest first (headlines hidden per privacy). Throws 404 / 400 naming `cursor`. */
export async function followPage(ctx: Pick<Deps, 'db'>, viewer: Actor | null, username: string, direction: 'followers' | 'following', opts: { cursor?: string; limit: number }): Promise<FollowPage & { displayName: string }> {
  const owner = await ctx.db.selectFrom('users').select(['id', 'display_name']).where('username', '=', username.toLowerCase()).executeTakeFirst();
  if (!owner) throw notFound('Person');
  const rows = await listFollows(ctx.db, owner.id, direction, { limit: opts.limit + 1, after: decodeCursor(opts.cursor) });
  const page = paginate(rows, opts.limit, (r) => ({ v: r.id, id: r.id }));
  const privacy = await privacyOf(ctx.db, page.items.map((r) => r.user_id));
  return {
    displayName: owner.display_name,
    items: page.items.map((r) => ({ username: r.username, displayName: r.display_name, headline: shown(privacy, viewer, r.user_id, 'headline', r.headline), since: r.created_at })),
    nextCursor: page.nextCursor,
  };
}
