import { PUBLIC_VERBS, type PublicVerb } from '../core/activity.ts';
import type { Db } from '../core/db/index.ts';
import type { Cursor } from '../core/http/pagination.ts';
import { readableCommunityIds, type Actor } from '../core/permissions/index.ts';

/** The acts the activity feed shows: the public ones (see PUBLIC_VERBS). */
export const FEED_VERBS = PUBLIC_VERBS;
export type FeedVerb = PublicVerb;

/** One act as the feed shows it. */
export interface FeedEntry {
  id: number;
  verb: FeedVerb;
  createdAt: string;
  actor: { id: number; username: string; displayName: string } | null;
  community: { id: number; slug: string; name: string };
  subjectType: string;
  subjectId: number | null;
  data: Record<string, unknown>;
}

function parseData(raw: string): Record<string, unknown> {
  try {
    const v = JSON.parse(raw) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Latest feed acts in communities whose content the actor may read (the one visibility rule, in
 * SQL), newest first, keyset-paginated on (created_at, id). Fetch `limit + 1` to learn whether there
 * is a next page. `communityId` narrows to one community; the caller checks the actor may read it.
 */
export async function listFeed(db: Db, actor: Actor | null, opts: { limit: number; after?: Cursor | null; communityId?: number }): Promise<FeedEntry[]> {
  let q = db
    .selectFrom('activity')
    .innerJoin('communities', 'communities.id', 'activity.community_id')
    .leftJoin('users', 'users.id', 'activity.actor_id')
    .select([
      'activity.id',
      'activity.verb',
      'activity.created_at',
      'activity.subject_type',
      'activity.subject_id',
      'activity.data',
      'communities.id as community_id',
      'communities.slug as community_slug',
      'communities.name as community_name',
      'users.id as actor_id',
      'users.username as actor_username',
      'users.display_name as actor_display_name',
    ])
    .where('activity.community_id', 'in', readableCommunityIds(db, actor))
    .where('activity.verb', 'in', [...FEED_VERBS]);
  if (opts.communityId !== undefined) q = q.where('activity.community_id', '=', opts.communityId);
  if (opts.after) {
    const { v, id } = opts.after;
    q = q.where((eb) => eb.or([eb('activity.created_at', '<', String(v)), eb.and([eb('activity.created_at', '=', String(v)), eb('activity.id', '<', id)])]));
  }
  const rows = await q.orderBy('activity.created_at', 'desc').orderBy('activity.id', 'desc').limit(opts.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    verb: r.verb as FeedVerb,
    createdAt: r.created_at,
    actor: r.actor_id !== null && r.actor_username !== null && r.actor_display_name !== null ? { id: r.actor_id, username: r.actor_username, displayName: r.actor_display_name } : null,
    community: { id: r.community_id, slug: r.community_slug, name: r.community_name },
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    data: parseData(r.data),
  }));
}
