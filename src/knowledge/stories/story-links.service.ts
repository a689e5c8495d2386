import type { Deps } from '../../core/deps.ts';
import { badRequest, conflict, notFound } from '../../core/http/errors.ts';
import type { Actor } from '../../core/permissions/index.ts';
import { recordActivity } from '../../core/activity.ts';
import { assertMayEdit, findReadableArticle, type ReadableArticle } from '../articles/articles.service.ts';
import { deleteStoryLink, insertStoryLink, linksOfStory, storyLinkExists, type StoryLink, type StoryTargetType } from './stories.store.ts';

/** A readable article that is a story; 404 otherwise (a non-story has no story links). */
export async function findReadableStory(deps: Deps, actor: Actor | null, id: number): Promise<ReadableArticle> {
  const found = await findReadableArticle(deps, actor, id);
  if (found.article.type !== 'story') throw notFound('Story');
  return found;
}

/** The story's related threads and articles (same community, so readable by whoever reads the story). */
export async function storyLinks(deps: Deps, actor: Actor | null, storyId: number): Promise<{ story: ReadableArticle; links: StoryLink[] }> {
  const story = await findReadableStory(deps, actor, storyId);
  return { story, links: await linksOfStory(deps.db, storyId) };
}

const noSuchTarget = () => badRequest('No such thread or article in this story’s community', [{ field: 'targetId', message: 'no such thread or article in this story’s community' }]);

/**
 * Links a story to a thread or article of the SAME community (who may edit the story may link it).
 * Anything else — another community, a deleted thread, the story itself, a missing id — is a 400 naming
 * targetId that does not say whether the target exists elsewhere; an existing link is a 409.
 */
export async function addStoryLink(deps: Deps, actor: Actor | null, storyId: number, targetType: StoryTargetType, targetId: number): Promise<StoryLink> {
  const story = await findReadableStory(deps, actor, storyId);
  const editor = assertMayEdit(actor, story);
  const communityId = story.article.communityId;
  if (targetType === 'topic') {
    const t = await deps.db.selectFrom('topics').select(['community_id', 'deleted_at']).where('id', '=', targetId).executeTakeFirst();
    if (!t || t.community_id !== communityId || t.deleted_at !== null) throw noSuchTarget();
  } else {
    const a = await deps.db.selectFrom('articles').select('community_id').where('id', '=', targetId).executeTakeFirst();
    if (!a || a.community_id !== communityId || targetId === storyId) throw noSuchTarget();
  }
  if (await storyLinkExists(deps.db, storyId, targetType, targetId)) throw conflict('The story already links to it', [{ field: 'targetId', message: 'already linked' }]);
  const at = deps.clock.now().toISOString();
  const id = await deps.db.transaction().execute(async (tx) => {
    const linkId = await insertStoryLink(tx, { storyId, communityId, targetType, targetId, createdBy: editor.id, at });
    await recordActivity(tx, { actorId: editor.id, verb: 'story.linked', communityId, subjectType: 'article', subjectId: storyId, data: { targetType, targetId }, at });
    return linkId;
  });
  const link = (await linksOfStory(deps.db, storyId)).find((l) => l.id === id);
  if (!link) throw conflict('The link was removed meanwhile');
  return link;
}

/** Removes one of a story's links (who may edit the story); 404 when the story has no such link. */
export async function removeStoryLink(deps: Deps, actor: Actor | null, storyId: number, linkId: number): Promise<void> {
  const story = await findReadableStory(deps, actor, storyId);
  const editor = assertMayEdit(actor, story);
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    if (!(await deleteStoryLink(tx, storyId, linkId))) throw notFound('Link');
    await recordActivity(tx, { actorId: editor.id, verb: 'story.unlinked', communityId: story.article.communityId, subjectType: 'article', subjectId: storyId, data: { linkId }, at });
  });
}

