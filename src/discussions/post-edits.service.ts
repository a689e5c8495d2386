import { recordActivity } from '../core/activity.ts';
import { iso } from '../core/clock.ts';
import type { Db } from '../core/db/index.ts';
import type { Deps } from '../core/deps.ts';
import { notifyOnMentions, type MentionEvent } from '../notifications/notify.ts';
import { badRequest, conflict, forbidden, notFound, unauthenticated } from '../core/http/errors.ts';
import type { Actor, CommunityAccess } from '../core/permissions/index.ts';
import { assertNotDeleted, assertNotLocked, isModerator, mayChangePost } from './discussions.rules.ts';
import { assertMayPost, findReadablePost } from './discussions.service.ts';
import { renderPostBody, requireText } from './post-body.ts';
import { lockPostForEdit, markPostDeleted, markPostEdited, updatePostBody } from './post-edits.store.ts';
import { findPostById, type Post } from './posts.store.ts';
import { insertRevision } from './revisions.store.ts';
import { checkTags } from './tags.ts';
import { checkCommunityTags } from '../people/profiles/tag-policy.ts';
import { recordLinks } from '../knowledge/links/links.store.ts';
import { indexPost, indexTopic } from '../search/search.index.ts';
import { forgetTagCounts, setTopicTags, tagsOfTopics } from './tags.store.ts';
import { markTopicDeleted, recordPostRemoved, updateTopicTitle } from './topics.store.ts';
import { refreshExpertise } from '../people/expertise/expertise.hooks.ts';

/** What an edit may change; fields left out stay as they are. Title and tags belong to opening posts. */
export interface PostEdit {
  title?: string;
  body?: string;
  tags?: readonly string[];
  reason?: string;
}

/**
 * A post the actor may edit or delete (`what` words the messages): its author while a member, or a
 * moderator/steward. Throws 401 anonymous, 404 unreadable (or in a deleted topic), 403 otherwise.
 */
export async function changeablePost(deps: Deps, actor: Actor | null, postId: number, what: string) {
  if (!actor) throw unauthenticated(`Sign in to ${what} posts.`);
  const found = await findReadablePost(deps, actor, postId);
  assertNotDeleted(found.topic);
  assertMayPost(actor, found.access);
  if (!mayChangePost(actor.id, found.access, found.post.author.id)) throw forbidden(`Only the author or a moderator can ${what} this post.`);
  return { ...found, actor };
}

function onlyOpening(field: string, label: string): never {
  const message = `${label} belong to the opening post of a topic`;
  throw badRequest(message, [{ field, message }]);
}

/**
 * Edits a post (its author, or a moderator/steward of the home community). When the title or body
 * changes, the version it replaces is kept as the next revision (with editor, reason and time),
 * body_html is rendered again and edited_at set; tag changes apply to the topic. Records
 * 'post.edited' when anything changed. Throws 401/403/404, 409 for a locked topic or a deleted
 * post, 400 naming the field for blank text, unknown mentions, bad tags, or a title/tags on a reply.
 */
export async function editPost(deps: Deps, actorIn: Actor | null, postId: number, edit: PostEdit): Promise<{ post: Post; changed: boolean; revision: number | null; access: CommunityAccess }> {
  const { post, topic, access, actor } = await changeablePost(deps, actorIn, postId, 'edit');
  assertNotLocked(topic);
  if (post.deleted) throw conflict('This post is deleted');
  const opening = post.kind === 'opening';
  if (!opening && edit.title !== undefined) onlyOpening('title', 'Titles');
  if (!opening && edit.tags !== undefined) onlyOpening('tags', 'Tags');
  if (edit.title === undefined && edit.body === undefined && edit.tags === undefined) {
    throw badRequest('Give a new title, body or tags', [{ field: 'body', message: 'Give a new title, body or tags' }]);
  }
  const title = edit.title === undefined ? undefined : requireText('title', edit.title.trim(), 'Title');
  const rendered = edit.body === undefined ? undefined : await renderPostBody(deps.db, edit.body);
  const tags = edit.tags === undefined ? undefined : checkTags(edit.tags, deps.config.limits.tagsMax);
  if (tags) await checkCommunityTags(deps.db, topic.communityId, tags);
  const oldTags = (await tagsOfTopics(deps.db, [topic.id])).get(topic.id) ?? [];
  const tagsChanged = tags !== undefined && [...tags].sort().join(',') !== [...oldTags].sort().join(',');
  const at = iso(deps.clock.now());
  const result = await deps.db.transaction().execute(async (tx) => {
    const current = await lockPostForEdit(tx, postId, at);
    if (!current || current.deleted) throw conflict('This post is deleted');
    const newTitle = opening && title !== undefined && title !== current.title ? title : null;
    const newBody = rendered !== undefined && rendered.body !== current.body ? rendered : null;
    let revision: number | null = null;
    if (newTitle !== null || newBody !== null) {
      revision = await insertRevision(tx, { postId, editorId: actor.id, title: opening ? current.title : null, body: current.body, reason: edit.reason?.trim() ?? '', at });
      if (newBody) await updatePostBody(tx, postId, { body: newBody.body, html: newBody.html, at });
      if (newBody) await recordLinks(tx, { kind: 'post', id: postId }, newBody.html, deps.config.baseUrl, at);
      if (newBody) await notifyNewMentions(tx, { postId, topicId: topic.id, communityId: topic.communityId, authorId: actor.id, mentionedUserIds: newBody.mentionedUserIds, at });
      else await markPostEdited(tx, postId, at);
      if (newTitle !== null) await updateTopicTitle(tx, topic.id, newTitle, at);
    }
    if (tagsChanged) await setTopicTags(tx, topic.id, topic.communityId, tags ?? []);
    if (tagsChanged) await refreshExpertise(tx, { topics: [topic.id] }, at);
    const changed = revision !== null || tagsChanged;
    if (changed) {
      await (opening ? indexTopic(tx, topic.id) : indexPost(tx, postId));
      await recordActivity(tx, { actorId: actor.id, verb: 'post.edited', communityId: topic.communityId, subjectType: 'post', subjectId: postId, data: { topicId: topic.id, revision, tagsChanged }, at });
    }
    return { changed, revision };
  });
  forgetTagCounts(deps.db);
  const fresh = await findPostById(deps.db, postId);
  if (!fresh) throw notFound('Post');
  return { post: fresh, ...result, access };
}

/**
 * Soft-deletes a post with a reason (required when a moderator deletes someone else's post). A
 * deleted reply or answer stays in its thread as "deleted by …: reason", its text visible only to
 * moderators; it leaves the reply/answer counts and, if accepted, stops being the accepted answer.
 * Deleting the opening post deletes the topic: it leaves every list, and its page and API answer
 * 404 to all but the home community's moderators and stewards; no one can reply to it or edit it.
 * Authors cannot delete in a locked topic (409); moderators can. 409 when already deleted.
 * Records 'post.deleted'.
 */
export async function deletePost(deps: Deps, actorIn: Actor | null, postId: number, rawReason: string | undefined): Promise<{ post: Post; topicDeleted: boolean; access: CommunityAccess }> {
  const { post, topic, access, actor } = await changeablePost(deps, actorIn, postId, 'delete');
  const moderating = isModerator(access);
  if (!moderating) assertNotLocked(topic);
  if (post.deleted) throw conflict('This post is already deleted');
  const reason = (rawReason ?? '').trim();
  if (reason === '' && moderating && post.author.id !== actor.id) {
    throw badRequest('Reason must not be empty', [{ field: 'reason', message: 'Reason must not be empty when you delete someone else’s post' }]);
  }
  const topicDeleted = post.kind === 'opening';
  const at = iso(deps.clock.now());
  await deps.db.transaction().execute(async (tx) => {
    if (!(await markPostDeleted(tx, postId, { at, reason, byId: actor.id }))) throw conflict('This post is already deleted');
    if (topicDeleted) await markTopicDeleted(tx, topic.id, { at, reason, byId: actor.id });
    else await recordPostRemoved(tx, topic.id, postId, { answer: post.kind === 'answer' });
    await indexTopic(tx, topic.id);
    await recordActivity(tx, { actorId: actor.id, verb: 'post.deleted', communityId: topic.communityId, subjectType: 'post', subjectId: postId, data: { topicId: topic.id, reason, topicDeleted }, at });
  });
  const fresh = await findPostById(deps.db, postId);
  if (!fresh) throw notFound('Post');
  return { post: fresh, topicDeleted, access };
}

/** Tells members mentioned by an edit, except those this post already told (so nobody hears twice). */
async function notifyNewMentions(tx: Db, event: MentionEvent): Promise<void> {
  if (event.mentionedUserIds.length === 0) return;
  const told = new Set((await tx.selectFrom('notifications').select('user_id').where('post_id', '=', event.postId).where('kind', '=', 'mention').execute()).map((r) => r.user_id));
  await notifyOnMentions(tx, { ...event, mentionedUserIds: event.mentionedUserIds.filter((id) => !told.has(id)) });
}
