import type { Deps } from '../core/deps.ts';
import type { Actor, CommunityAccess } from '../core/permissions/index.ts';
import { crosspostTargets } from './crossposts.store.ts';
import type { PostDto, TopicDto, TopicSummaryDto } from './discussions.schema.ts';
import { visiblePost } from './discussions.service.ts';
import { withRenderedBodies } from './post-body.ts';
import { findOpeningPost, type Post } from './posts.store.ts';
import { readStates } from './read-state.store.ts';
import { tagsOfTopics } from './tags.store.ts';
import type { TopicSummary } from './topics.store.ts';

function summaryDto(t: TopicSummary, tags: string[], readState: TopicSummaryDto['readState']): TopicSummaryDto {
  return {
    id: t.id,
    communityId: t.communityId,
    community: t.community,
    kind: t.kind,
    title: t.title,
    tags,
    replyCount: t.replyCount,
    answerCount: t.answerCount,
    acceptedPostId: t.acceptedPostId,
    solved: t.solved,
    pinned: t.pinned,
    locked: t.locked,
    closed: t.closed,
    lastPostedAt: t.lastPostedAt,
    createdAt: t.createdAt,
    author: t.author,
    readState,
  };
}

/** List items for topics: with their tags and, for a signed-in actor, their read state. */
export async function topicSummaryDtos(deps: Deps, actor: Actor | null, topics: TopicSummary[]): Promise<TopicSummaryDto[]> {
  const ids = topics.map((t) => t.id);
  const tags = await tagsOfTopics(deps.db, ids);
  const reads = actor ? await readStates(deps.db, actor.id, ids) : null;
  return topics.map((t) => summaryDto(t, tags.get(t.id) ?? [], reads?.get(t.id) ?? null));
}

/** A post as the API returns it to a reader with `access` (deleted text hidden from non-moderators). */
export function postDto(post: Post, access: CommunityAccess): PostDto {
  return { ...visiblePost(post, access), source: post.source ?? null };
}

/** Posts as a reader with `access` sees them, with HTML rendered for posts written before rendering. */
export async function visiblePosts(deps: Deps, posts: Post[], access: CommunityAccess): Promise<Array<Post & Pick<PostDto, 'source'>>> {
  return (await withRenderedBodies(deps.db, posts)).map((p) => ({ ...visiblePost(p, access), source: p.source ?? null }));
}

/** A whole topic for the API: summary, opening post, cross-posts the actor may read, deletion. */
export async function topicDto(deps: Deps, actor: Actor | null, access: CommunityAccess, topic: TopicSummary): Promise<TopicDto> {
  const [summary] = await topicSummaryDtos(deps, actor, [topic]);
  const opening = await findOpeningPost(deps.db, topic.id);
  const [shown] = opening ? await visiblePosts(deps, [opening], access) : [];
  const targets = (await crosspostTargets(deps.db, actor, [topic.id])).get(topic.id) ?? [];
  return {
    ...(summary as TopicSummaryDto),
    body: shown?.body ?? '',
    bodyHtml: shown?.bodyHtml ?? '',
    openingPostId: opening?.id ?? null,
    editedAt: opening?.editedAt ?? null,
    crosspostedTo: targets,
    deleted: topic.deleted ? { at: topic.deleted.at, reason: topic.deleted.reason, by: opening?.deleted?.by ?? null } : null,
    source: opening?.source ?? null,
  };
}
