import type { Db } from '../../core/db/index.ts';
import type { Person } from '../articles/articles.store.ts';

/** What a story can be linked to. */
export const storyTargetTypes = ['topic', 'article'] as const;
export type StoryTargetType = (typeof storyTargetTypes)[number];

/** One of a story's related threads or articles, with what a list shows of it. */
export interface StoryLink {
  id: number;
  storyId: number;
  targetType: StoryTargetType;
  targetId: number;
  title: string;
  createdAt: string;
}

/** A story (article) about a thread or article. */
export interface StoryRef {
  linkId: number;
  id: number;
  title: string;
}

/** Inserts a link from a story; returns its id. The caller has checked both sides are in one community. */
export async function insertStoryLink(db: Db, l: { storyId: number; communityId: number; targetType: StoryTargetType; targetId: number; createdBy: number; at: string }): Promise<number> {
  const row = await db
    .insertInto('story_links')
    .values({ story_id: l.storyId, community_id: l.communityId, target_type: l.targetType, target_id: l.targetId, created_by: l.createdBy, created_at: l.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Is this target already linked from the story? */
export async function storyLinkExists(db: Db, storyId: number, targetType: StoryTargetType, targetId: number): Promise<boolean> {
  const row = await db.selectFrom('story_links').select('id').where('story_id', '=', storyId).where('target_type', '=', targetType).where('target_id', '=', targetId).executeTakeFirst();
  return row !== undefined;
}

/** Deletes one link of one story; returns whether there was one. */
export async function deleteStoryLink(db: Db, storyId: number, linkId: number): Promise<boolean> {
  const r = await db.deleteFrom('story_links').where('id', '=', linkId).where('story_id', '=', storyId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** A story's related threads (not deleted) and articles, oldest link first. */
export async function linksOfStory(db: Db, storyId: number): Promise<StoryLink[]> {
  const topics = await db
    .selectFrom('story_links')
    .innerJoin('topics', 'topics.id', 'story_links.target_id')
    .select(['story_links.id', 'story_links.target_id', 'story_links.created_at', 'topics.title'])
    .where('story_links.story_id', '=', storyId)
    .where('story_links.target_type', '=', 'topic')
    .where('topics.deleted_at', 'is', null)
    .execute();
  const articles = await db
    .selectFrom('story_links')
    .innerJoin('articles', 'articles.id', 'story_links.target_id')
    .select(['story_links.id', 'story_links.target_id', 'story_links.created_at', 'articles.title'])
    .where('story_links.story_id', '=', storyId)
    .where('story_links.target_type', '=', 'article')
    .execute();
  const all = [...topics.map((r) => ({ ...r, type: 'topic' as const })), ...articles.map((r) => ({ ...r, type: 'article' as const }))];
  return all.sort((a, b) => a.id - b.id).map((r) => ({ id: r.id, storyId, targetType: r.type, targetId: r.target_id, title: r.title, createdAt: r.created_at }));
}

/** The stories that link to a thread or article, oldest link first. */
export async function storiesAbout(db: Db, targetType: StoryTargetType, targetId: number): Promise<StoryRef[]> {
  const rows = await db
    .selectFrom('story_links')
    .innerJoin('articles', 'articles.id', 'story_links.story_id')
    .select(['story_links.id as link_id', 'articles.id', 'articles.title'])
    .where('story_links.target_type', '=', targetType)
    .where('story_links.target_id', '=', targetId)
    .where('articles.type', '=', 'story')
    .orderBy('story_links.id')
    .execute();
  return rows.map((r) => ({ linkId: r.link_id, id: r.id, title: r.title }));
}

/** Records a capture and the people it credits (in order); run in the transaction that writes the article. */
export async function insertCapture(db: Db, c: { articleId: number; topicId: number; createdBy: number; at: string; contributorIds: number[] }): Promise<number> {
  const { id } = await db.insertInto('article_captures').values({ article_id: c.articleId, topic_id: c.topicId, created_by: c.createdBy, created_at: c.at }).returning('id').executeTakeFirstOrThrow();
  if (c.contributorIds.length > 0) await db.insertInto('capture_contributors').values(c.contributorIds.map((user_id, position) => ({ capture_id: id, user_id, position }))).execute();
  return id;
}

/** A capture as the thread or the article shows it. */
export interface Capture {
  id: number;
  articleId: number;
  articleTitle: string;
  topicId: number;
  topicTitle: string;
  topicDeleted: boolean;
  createdAt: string;
  by: Person;
  contributors: Person[];
}

function capturesQuery(db: Db) {
  return db
    .selectFrom('article_captures')
    .innerJoin('articles', 'articles.id', 'article_captures.article_id')
    .innerJoin('topics', 'topics.id', 'article_captures.topic_id')
    .innerJoin('users', 'users.id', 'article_captures.created_by')
    .select(['article_captures.id', 'article_captures.article_id', 'articles.title as article_title', 'article_captures.topic_id', 'topics.title as topic_title', 'topics.deleted_at', 'article_captures.created_at', 'users.id as by_id', 'users.username', 'users.display_name'])
    .orderBy('article_captures.id');
}

async function withContributors(db: Db, rows: Awaited<ReturnType<ReturnType<typeof capturesQuery>['execute']>>): Promise<Capture[]> {
  if (rows.length === 0) return [];
  const people = await db
    .selectFrom('capture_contributors')
    .innerJoin('users', 'users.id', 'capture_contributors.user_id')
    .select(['capture_contributors.capture_id', 'users.id', 'users.username', 'users.display_name'])
    .where(
      'capture_contributors.capture_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('capture_contributors.position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    articleId: r.article_id,
    articleTitle: r.article_title,
    topicId: r.topic_id,
    topicTitle: r.topic_title,
    topicDeleted: r.deleted_at !== null,
    createdAt: r.created_at,
    by: { id: r.by_id, username: r.username, displayName: r.display_name },
    contributors: people.filter((p) => p.capture_id === r.id).map((p) => ({ id: p.id, username: p.username, displayName: p.display_name })),
  }));
}

/** The articles a thread was captured in, oldest first. */
export async function capturesOfTopic(db: Db, topicId: number): Promise<Capture[]> {
  return withContributors(db, await capturesQuery(db).where('article_captures.topic_id', '=', topicId).execute());
}

/** The threads an article was captured from, oldest first, with whom each credits. */
export async function capturesOfArticle(db: Db, articleId: number): Promise<Capture[]> {
  return withContributors(db, await capturesQuery(db).where('article_captures.article_id', '=', articleId).execute());
}
