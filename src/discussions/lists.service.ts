import type { Deps } from '../core/deps.ts';
import { decodeCursor, paginate } from '../core/http/pagination.ts';
import type { Actor } from '../core/permissions/index.ts';
import type { TopicKind, TopicSummaryDto } from './discussions.schema.ts';
import { findReadableCommunity } from './discussions.service.ts';
import { listPinnedTopics, listTopics, type ListView, type TopicFilter } from './lists.store.ts';
import { topicSummaryDtos } from './topic-dto.ts';

/** What a list request asks for. */
export interface ListQuery {
  view?: ListView;
  kind?: TopicKind;
  tag?: string;
  cursor?: string;
  limit?: number;
}

/** A page of a list. `pinned` is filled only on the first page of a community's latest list, when asked for. */
export interface TopicPage {
  items: TopicSummaryDto[];
  nextCursor: string | null;
  pinned: TopicSummaryDto[];
}

async function page(deps: Deps, actor: Actor | null, filter: TopicFilter, q: ListQuery, withPinned: boolean): Promise<TopicPage> {
  const limit = q.limit ?? 20;
  const after = decodeCursor(q.cursor);
  const separatePinned = withPinned && filter.communityId !== undefined && (q.view ?? 'latest') === 'latest';
  const f: TopicFilter = { ...filter, view: q.view, kind: q.kind, tag: q.tag, ...(separatePinned ? { pinned: 'exclude' as const } : {}) };
  const rows = await listTopics(deps.db, actor, f, { limit: limit + 1, after });
  const { items, nextCursor } = paginate(rows, limit, (t) => ({ v: t.lastPostedAt, id: t.id }));
  const pinnedRows = separatePinned && !after && filter.communityId !== undefined ? await listPinnedTopics(deps.db, actor, { ...f, communityId: filter.communityId }) : [];
  const dtos = await topicSummaryDtos(deps, actor, [...pinnedRows, ...items]);
  return { pinned: dtos.slice(0, pinnedRows.length), items: dtos.slice(pinnedRows.length), nextCursor };
}

/**
 * A page of a community's topics — its own and those cross-posted into it whose home community the
 * actor may read — by view (latest, unanswered, solved), kind and tag. 404 for a community the
 * actor may not read; 400 naming `cursor` for a cursor this server did not give out. Pages ask for
 * pinned topics separately (`withPinned`): they come first on the first page and not again.
 */
export async function listCommunityTopics(deps: Deps, actor: Actor | null, slug: string, q: ListQuery, withPinned = false) {
  const found = await findReadableCommunity(deps, actor, slug);
  return { ...found, page: await page(deps, actor, { communityId: found.community.id }, q, withPinned) };
}

/** A page of the topics the actor started, in every community they may (still) read. */
export async function listMyTopics(deps: Deps, actor: Actor, q: ListQuery): Promise<TopicPage> {
  return page(deps, actor, { authorId: actor.id }, q, false);
}
