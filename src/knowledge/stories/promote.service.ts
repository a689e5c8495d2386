import { recordActivity } from '../../core/activity.ts';
import type { Deps } from '../../core/deps.ts';
import { badRequest, conflict, forbidden, notFound, unauthenticated } from '../../core/http/errors.ts';
import { canPost, type Actor, type CommunityAccess } from '../../core/permissions/index.ts';
import { findReadableTopic } from '../../discussions/discussions.service.ts';
import type { TopicSummary } from '../../discussions/topics.store.ts';
import { createArticle } from '../articles/articles.service.ts';
import type { ArticleType, Person } from '../articles/articles.store.ts';
import { composeDraft, defaultPromoteType } from './promote-draft.ts';
import { insertCapture } from './stories.store.ts';
import { keyPosts, threadContributors } from './thread.store.ts';

/** May this thread be promoted at all? A discussion, or a question with an accepted answer, not deleted. */
export function isPromotable(topic: TopicSummary): boolean {
  return !topic.deleted && (topic.kind === 'discussion' || topic.solved);
}

/**
 * A thread the actor may promote: 401 anonymous, 404 unless readable (and not deleted), 403 unless a
 * member of its community, 409 for a question without an accepted answer.
 */
export async function promotableTopic(deps: Deps, actor: Actor | null, topicId: number): Promise<{ actor: Actor; topic: TopicSummary; access: CommunityAccess }> {
  if (!actor) throw unauthenticated('Sign in to promote a thread to an article.');
  const { topic, access } = await findReadableTopic(deps, actor, topicId);
  if (topic.deleted) throw notFound('Topic');
  if (!canPost(actor, access)) throw forbidden('Only members of this community can promote a thread to an article. Join it first.');
  if (!isPromotable(topic)) throw conflict('Only a solved question (one with an accepted answer) or a discussion can be promoted to an article.');
  return { actor, topic, access };
}

/** The prefilled draft of a promoted thread: title, type, body and who it credits. */
export interface PromoteDraft {
  title: string;
  type: ArticleType;
  body: string;
  contributors: Person[];
}

/** Builds the draft from the thread as it is now (posts that are not deleted only). */
export async function draftOf(deps: Deps, topic: TopicSummary): Promise<PromoteDraft> {
  const contributors = await threadContributors(deps.db, topic.id);
  const posts = await keyPosts(deps.db, topic.id, topic.acceptedPostId);
  const body = composeDraft({ topic, ...posts, contributors }, deps.config.limits.bodyMax);
  return { title: topic.title, type: defaultPromoteType(topic.kind), body, contributors };
}

/** What the promoter may change about the draft; absent fields keep the draft's. */
export interface PromoteInput {
  title?: string | undefined;
  type?: ArticleType | undefined;
  body?: string | undefined;
  tags?: string[] | undefined;
}

/**
 * Promotes a thread to a DRAFT article in the thread's own community (so a private thread stays
 * private), recording the capture with every contributor and an `article.promoted` activity row in the
 * article's transaction. Promoting again makes another article and another capture. Returns the id.
 */
export async function promoteTopic(deps: Deps, actor: Actor | null, topicId: number, input: PromoteInput): Promise<number> {
  const { actor: who, topic } = await promotableTopic(deps, actor, topicId);
  const draft = await draftOf(deps, topic);
  const body = input.body ?? draft.body;
  if (body.length > deps.config.limits.bodyMax) throw badRequest(`Body must be at most ${deps.config.limits.bodyMax} characters`, [{ field: 'body', message: `must be at most ${deps.config.limits.bodyMax} characters` }]);
  const contributorIds = draft.contributors.map((p) => p.id);
  return createArticle(deps, who, topic.community.slug, { type: input.type ?? draft.type, title: input.title ?? draft.title, body, tags: input.tags ?? [], wiki: false }, async (tx, articleId, at) => {
    const captureId = await insertCapture(tx, { articleId, topicId: topic.id, createdBy: who.id, at, contributorIds });
    await recordActivity(tx, { actorId: who.id, verb: 'article.promoted', communityId: topic.communityId, subjectType: 'article', subjectId: articleId, data: { topicId: topic.id, captureId, contributors: contributorIds.length }, at });
  });
}
