import type { Deps } from '../core/deps.ts';
import { decodeCursor, paginate } from '../core/http/pagination.ts';
import { canEditCommunity, canJoinDirectly, canManageMembers, canReadCommunity, type Actor } from '../core/permissions/index.ts';
import { listLatestTopics } from '../discussions/topics.store.ts';
import type { CommunityRow } from './communities.access.ts';
import type { Found } from './communities.guard.ts';
import type { CommunityDetailT, CommunitySummaryT } from './communities.schema.ts';
import { listCommunityActivity, listDirectory, listStewards, tagsByCommunity, type DirectoryFilters } from './communities.store.ts';
import { findPendingInvitation, findPendingRequest } from './requests.store.ts';

/** What anyone who may see a community may know about it. */
export function toSummary(c: CommunityRow, tags: string[]): CommunitySummaryT {
  return {
    id: c.id,
    slug: c.slug,
    name: c.name,
    domainStatement: c.domain_statement,
    tags,
    formality: c.formality,
    locality: c.locality,
    location: c.location,
    visibility: c.visibility,
    joinPolicy: c.join_policy,
    memberCount: c.member_count,
  };
}

/** One directory page of communities the actor may see (visibleCommunityIds), with tags. */
export async function listCommunities(deps: Deps, actor: Actor | null, filters: DirectoryFilters, page: { cursor?: string; limit: number }) {
  const rows = await listDirectory(deps.db, actor, filters, { limit: page.limit + 1, after: decodeCursor(page.cursor) });
  const { items, nextCursor } = paginate(rows, page.limit, (c) => ({ v: c.name, id: c.id }));
  const tags = await tagsByCommunity(deps.db, items.map((c) => c.id));
  return { items: items.map((c) => toSummary(c, tags.get(c.id) ?? [])), nextCursor };
}

/**
 * A community as its home page shows it to the actor. The description, sponsor, stewards, topics
 * and activity are filled in only when the actor may read the community's content.
 */
export async function communityDetail(deps: Deps, actor: Actor | null, found: Found, opts: { topics?: number; activity?: number } = {}): Promise<CommunityDetailT> {
  const { community: c, access } = found;
  const tags = (await tagsByCommunity(deps.db, [c.id])).get(c.id) ?? [];
  const canRead = canReadCommunity(actor, access);
  const request = actor && !access.role ? await findPendingRequest(deps.db, c.id, actor.id) : undefined;
  const invitation = actor && !access.role ? await findPendingInvitation(deps.db, c.id, actor.id) : undefined;
  const detail: CommunityDetailT = {
    ...toSummary(c, tags),
    viewer: {
      role: access.role,
      canRead,
      canEdit: canRead && canEditCommunity(actor, access),
      canManageMembers: canRead && canManageMembers(actor, access),
      canJoin: canJoinDirectly(actor, access) || invitation !== undefined,
      pendingRequestId: request?.id ?? null,
      invitationId: invitation?.id ?? null,
    },
  };
  if (!canRead) return detail;
  const topics = await listLatestTopics(deps.db, c.id, { limit: opts.topics ?? 10 });
  return {
    ...detail,
    description: c.description,
    sponsor: c.sponsor,
    acceptBy: c.accept_by,
    tagPolicy: c.tag_policy,
    createdAt: c.created_at,
    stewards: await listStewards(deps.db, c.id),
    latestTopics: topics.map((t) => ({ id: t.id, title: t.title, kind: t.kind, replyCount: t.replyCount, answerCount: t.answerCount, solved: t.solved, lastPostedAt: t.lastPostedAt, author: { username: t.author.username, displayName: t.author.displayName } })),
    recentActivity: await listCommunityActivity(deps.db, c.id, opts.activity ?? 10),
  };
}
