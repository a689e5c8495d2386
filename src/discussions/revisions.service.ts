import { diffWords } from 'diff';
import type { Deps } from '../core/deps.ts';
import { notFound } from '../core/http/errors.ts';
import type { Actor, CommunityAccess } from '../core/permissions/index.ts';
import { isModerator } from './discussions.rules.ts';
import { findReadablePost } from './discussions.service.ts';
import type { Post } from './posts.store.ts';
import { listRevisions } from './revisions.store.ts';
import type { TopicSummary } from './topics.store.ts';

/** One piece of a word-level diff. */
export interface DiffPart {
  op: 'same' | 'added' | 'removed';
  text: string;
}

/** One edit of a post: who, when, why, and what it changed (before → after, as a word diff). */
export interface Edit {
  revision: number;
  editor: { id: number; username: string; displayName: string };
  reason: string;
  createdAt: string;
  title: { before: string; after: string; diff: DiffPart[] } | null;
  body: { before: string; after: string; diff: DiffPart[] };
}

/** The word-level diff of two texts (the `diff` package's diffWords). */
export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((c) => ({ op: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
}

/**
 * The edit history of a post the actor may read, oldest edit first: revision n holds the version
 * edit n replaced, so edit n turns revision n into revision n+1 (or the current text). The history
 * of a deleted post is hidden like its text: 404 to all but moderators and stewards.
 */
export async function postHistory(deps: Deps, actor: Actor | null, postId: number): Promise<{ post: Post; topic: TopicSummary; access: CommunityAccess; edits: Edit[] }> {
  const { post, topic, access } = await findReadablePost(deps, actor, postId);
  if (post.deleted && !isModerator(access)) throw notFound('Post');
  const revisions = await listRevisions(deps.db, postId);
  const edits = revisions.map((rev, i): Edit => {
    const next = revisions[i + 1];
    const bodyAfter = next ? next.body : post.body;
    const titleAfter = next ? next.title : topic.title;
    const title = rev.title !== null && titleAfter !== null && rev.title !== titleAfter ? { before: rev.title, after: titleAfter, diff: wordDiff(rev.title, titleAfter) } : null;
    return {
      revision: rev.revision,
      editor: rev.editor,
      reason: rev.reason,
      createdAt: rev.createdAt,
      title,
      body: { before: rev.body, after: bodyAfter, diff: wordDiff(rev.body, bodyAfter) },
    };
  });
  return { post, topic, access, edits };
}
