import { recordActivity } from '../../core/activity.ts';
import { iso } from '../../core/clock.ts';
import type { Deps } from '../../core/deps.ts';
import { decodeCursor, paginate } from '../../core/http/pagination.ts';
import { extractMentions, renderMarkdown } from '../../core/markdown/index.ts';
import { notifyOnMentions } from '../../notifications/notify.ts';
import type { Actor } from '../../core/permissions/index.ts';
import { answersErrors } from './answers.errors.ts';
import { loadReadablePost, requireActor, requireMember, requireOpenPost } from './answers.guard.ts';
import { isCoreMember, isQuestionPost, mayDeleteComment } from './answers.rules.ts';
import type { CommentDto } from './answers.schema.ts';
import type { PostTarget } from './answers.store.ts';
import { existingUsernames, findComment, getComment, insertComment, listComments, softDeleteComment } from './comments.store.ts';

/**
 * Comments of a question or answer the actor may read, oldest first, a page at a time. Throws 404
 * for posts the actor may not read and for deleted posts, 400 for a bad cursor.
 */
export async function commentsOf(deps: Deps, actor: Actor | null, postId: number, page: { cursor?: string; limit: number }): Promise<{ items: CommentDto[]; nextCursor: string | null }> {
  const { post } = await loadReadablePost(deps, actor, postId);
  if (post.deletedAt) throw answersErrors.postNotFound();
  const rows = await listComments(deps.db, postId, { limit: page.limit + 1, after: decodeCursor(page.cursor) });
  return paginate(rows, page.limit, (c) => ({ v: c.id, id: c.id }));
}

/**
 * A post the actor may comment on, or the reason not: 401, 404, 403 (not a member), 400 (not a
 * question or answer), 409 (deleted or locked). Forms ask this before complaining about the text.
 */
export async function commentablePost(deps: Deps, actor: Actor | null, postId: number): Promise<{ actor: Actor; post: PostTarget }> {
  const me = requireActor(actor, 'comment');
  const { post, access } = await loadReadablePost(deps, me, postId);
  requireMember(me, access, 'comment');
  if (!isQuestionPost(post)) throw answersErrors.notCommentable();
  requireOpenPost(post);
  return { actor: me, post };
}

/**
 * Adds a short Markdown comment to a question or answer: the comment (body_html rendered now), the
 * post's comment_count and a 'comment.created' activity row, in one transaction. Throws 401, 404,
 * 403 (not a member), 400 (not a question or answer; blank body; @mention of no one), 409 (deleted
 * or locked); nothing is written then. The schema has already limited the length.
 */
export async function addComment(deps: Deps, actor: Actor | null, postId: number, rawBody: string): Promise<CommentDto> {
  const { actor: me, post } = await commentablePost(deps, actor, postId);
  const body = rawBody.trim();
  if (body === '') throw answersErrors.blankComment();
  const mentioned = extractMentions(body);
  const known = await existingUsernames(deps.db, mentioned);
  const unknown = mentioned.find((name) => !known.has(name));
  if (unknown !== undefined) throw answersErrors.unknownMention(unknown);
  const { html } = renderMarkdown(body, { knownUsers: known });
  const at = iso(deps.clock.now());
  const id = await deps.db.transaction().execute(async (tx) => {
    const commentId = await insertComment(tx, { postId, authorId: me.id, body, bodyHtml: html, at });
    await recordActivity(tx, { actorId: me.id, verb: 'comment.created', communityId: post.topic.community.id, subjectType: 'comment', subjectId: commentId, data: { postId, topicId: post.topic.id }, at });
    if (known.size > 0) {
      const users = await tx.selectFrom('users').select('id').where('username', 'in', [...known]).execute();
      await notifyOnMentions(tx, { postId, topicId: post.topic.id, communityId: post.topic.community.id, authorId: me.id, mentionedUserIds: users.map((u) => u.id), at });
    }
    return commentId;
  });
  const comment = await getComment(deps.db, id);
  if (!comment) throw answersErrors.commentNotFound();
  return comment;
}

/**
 * Soft-deletes a comment (deleted_at) and uncounts it on its post, with a 'comment.deleted' activity
 * row. Its author or a steward/moderator may; in a locked topic only stewards and moderators. Throws
 * 401, 404 (no such live comment, or unreadable), 403, 409; nothing is written then.
 */
export async function deleteComment(deps: Deps, actor: Actor | null, commentId: number): Promise<{ id: number; postId: number; commentCount: number }> {
  const me = requireActor(actor, 'delete comments');
  const comment = await findComment(deps.db, commentId);
  if (!comment) throw answersErrors.commentNotFound();
  const { post, access } = await loadReadablePost(deps, me, comment.postId).catch(() => {
    throw answersErrors.commentNotFound();
  });
  requireMember(me, access, 'delete comments');
  if (!mayDeleteComment(me.id, access, comment)) throw answersErrors.notYourComment();
  if (!isCoreMember(access)) requireOpenPost(post);
  const at = iso(deps.clock.now());
  const left = await deps.db.transaction().execute(async (tx) => {
    const count = await softDeleteComment(tx, commentId, at);
    if (count === undefined) return undefined;
    await recordActivity(tx, { actorId: me.id, verb: 'comment.deleted', communityId: post.topic.community.id, subjectType: 'comment', subjectId: commentId, data: { postId: post.id, topicId: post.topic.id }, at });
    return count;
  });
  if (left === undefined) throw answersErrors.commentNotFound();
  return { id: commentId, postId: post.id, commentCount: left };
}
