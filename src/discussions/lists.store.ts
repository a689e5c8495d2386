import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../core/db/index.ts';
import type { Database } from '../core/db/schema.ts';
import type { Cursor } from '../core/http/pagination.ts';
import { readableCommunityIds, type Actor } from '../core/permissions/index.ts';
import type { TopicKind } from './discussions.schema.ts';
import { toSummary, topicsWithAuthors, type TopicSummary } from './topics.store.ts';

export const listViews = ['latest', 'unanswered', 'solved'] as const;
/** latest: all topics; unanswered: open questions without answers; solved: questions with an accepted answer. */
export type ListView = (typeof listViews)[number];

/** Which topics a list holds. Every list also applies the visibility rule to the topic's HOME community. */
export interface TopicFilter {
  /** Topics living in this community, and topics cross-posted into it. */
  communityId?: number;
  /** Topics this user started. */
  authorId?: number;
  view?: ListView;
  kind?: TopicKind;
  tag?: string;
  /** Topics pinned in `communityId` only, or everything else. */
  pinned?: 'only' | 'exclude';
  /** With `communityId`: only topics living there, or only those cross-posted there (default: both). */
  home?: 'living' | 'crossposted';
}

type TopicsEb = ExpressionBuilder<Database, 'topics'>;

/** A topic shows in community X's lists when it lives there or was cross-posted there. */
export function listedIn(eb: TopicsEb, communityId: number) {
  return eb.or([
    eb('topics.community_id', '=', communityId),
    eb('topics.id', 'in', eb.selectFrom('topic_crossposts').select('topic_crossposts.topic_id').where('topic_crossposts.community_id', '=', communityId)),
  ]);
}

/**
 * The conditions every topic list shares: not deleted, not merged away, and — the visibility rule —
 * the topic's home community must be readable by the actor. That last one is what keeps a private
 * community's topic, cross-posted into a public community, out of the public list for non-members.
 */
export function listableBy(db: Db, eb: TopicsEb, actor: Actor | null) {
  return eb.and([eb('topics.deleted_at', 'is', null), eb('topics.merged_into', 'is', null), eb('topics.community_id', 'in', readableCommunityIds(db, actor))]);
}

function filtered(db: Db, actor: Actor | null, f: TopicFilter) {
  return topicsWithAuthors(db).where((eb) => {
    const parts = [listableBy(db, eb, actor)];
    if (f.communityId !== undefined) {
      if (f.home === 'living') parts.push(eb('topics.community_id', '=', f.communityId));
      else if (f.home === 'crossposted') parts.push(eb('topics.id', 'in', eb.selectFrom('topic_crossposts').select('topic_crossposts.topic_id').where('topic_crossposts.community_id', '=', f.communityId)));
      else parts.push(listedIn(eb, f.communityId));
    }
    if (f.authorId !== undefined) parts.push(eb('topics.author_id', '=', f.authorId));
    if (f.kind) parts.push(eb('topics.kind', '=', f.kind));
    if (f.tag) parts.push(eb('topics.id', 'in', eb.selectFrom('topic_tags').select('topic_tags.topic_id').where('topic_tags.tag', '=', f.tag)));
    if (f.view === 'unanswered') parts.push(eb.and([eb('topics.kind', '=', 'question'), eb('topics.answer_count', '=', 0), eb('topics.closed_at', 'is', null)]));
    if (f.view === 'solved') parts.push(eb.and([eb('topics.kind', '=', 'question'), eb('topics.accepted_post_id', 'is not', null)]));
    if (f.pinned && f.communityId !== undefined) {
      const pinnedHere = eb.and([eb('topics.community_id', '=', f.communityId), eb('topics.pinned_at', 'is not', null)]);
      parts.push(f.pinned === 'only' ? pinnedHere : eb.not(pinnedHere));
    }
    return eb.and(parts);
  });
}

/**
 * One page of topics matching the filter that the actor may read, newest activity first,
 * keyset-paginated on (last_posted_at, id). Fetch `limit + 1` to learn whether there is a next page.
 * A new post moves its topic to the top of the first page; it never shows twice across pages,
 * and topics that did not move keep their places, so paging stays correct while posts arrive.
 */
export async function listTopics(db: Db, actor: Actor | null, f: TopicFilter, page: { limit: number; after?: Cursor | null }): Promise<TopicSummary[]> {
  if (f.communityId !== undefined && f.home === undefined) {
    // "Lives here OR was cross-posted here" defeats the (community_id, last_posted_at) index: the
    // database gathers every topic of the community and sorts them (36 ms at 12,000 topics). Two
    // index-ordered pages, merged, give the same page (a topic never both lives and is cross-posted here).
    const [living, crossposted] = await Promise.all([listTopics(db, actor, { ...f, home: 'living' }, page), listTopics(db, actor, { ...f, home: 'crossposted' }, page)]);
    const seen = new Set<number>();
    return [...living, ...crossposted]
      .sort((a, b) => (a.lastPostedAt === b.lastPostedAt ? b.id - a.id : a.lastPostedAt < b.lastPostedAt ? 1 : -1))
      .filter((t) => !seen.has(t.id) && seen.add(t.id))
      .slice(0, page.limit);
  }
  let q = filtered(db, actor, f);
  if (page.after) {
    const v = String(page.after.v);
    const id = page.after.id;
    q = q.where((eb) => eb.or([eb('topics.last_posted_at', '<', v), eb.and([eb('topics.last_posted_at', '=', v), eb('topics.id', '<', id)])]));
  }
  const rows = await q.orderBy('topics.last_posted_at', 'desc').orderBy('topics.id', 'desc').limit(page.limit).execute();
  return rows.map(toSummary);
}

/** Topics pinned in a community (matching the filter), most recently pinned first, at most `limit`. */
export async function listPinnedTopics(db: Db, actor: Actor | null, f: TopicFilter & { communityId: number }, limit = 20): Promise<TopicSummary[]> {
  const rows = await filtered(db, actor, { ...f, pinned: 'only', home: 'living' }).orderBy('topics.pinned_at', 'desc').orderBy('topics.id', 'desc').limit(limit).execute();
  return rows.map(toSummary);
}
