import type { Db } from '../../core/db/index.ts';
import type { RelatedSource } from './query.ts';

/** A related topic or article as lists show it. */
export interface RelatedItem {
  kind: 'topic' | 'article';
  id: number;
  title: string;
  url: string;
  community: { slug: string; name: string };
  /** Topics: a question with an accepted answer. Articles: false. */
  solved: boolean;
  /** Why it is listed: 'duplicate' (marked as such), otherwise 'similar'. */
  reason: 'duplicate' | 'similar';
  score: number;
}

/** What a related query is built from for a topic: its title, tags, opening post and accepted answer. */
export async function loadRelatedSource(db: Db, topicId: number): Promise<RelatedSource | null> {
  const t = await db.selectFrom('topics').select(['title', 'accepted_post_id']).where('id', '=', topicId).executeTakeFirst();
  if (!t) return null;
  const [tags, opening, accepted] = await Promise.all([
    db.selectFrom('topic_tags').select('tag').where('topic_id', '=', topicId).orderBy('tag').execute(),
    db.selectFrom('posts').select('body').where('topic_id', '=', topicId).where('kind', '=', 'opening').where('deleted_at', 'is', null).executeTakeFirst(),
    t.accepted_post_id === null ? undefined : db.selectFrom('posts').select('body').where('id', '=', t.accepted_post_id).where('deleted_at', 'is', null).executeTakeFirst(),
  ]);
  return { title: t.title, tags: tags.map((r) => r.tag), body: opening?.body ?? '', accepted: accepted?.body ?? null };
}

/**
 * Topics marked as duplicates of each other (either way) with this one, live and not merged. The
 * caller filters them by readability like any other result.
 */
export async function duplicateTopicIds(db: Db, topicId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('topics as t')
    .innerJoin('topics as me', (j) => j.on('me.id', '=', topicId))
    .select('t.id')
    .where((eb) => eb.or([eb('t.duplicate_of', '=', topicId), eb('t.id', '=', eb.ref('me.duplicate_of'))]))
    .where('t.id', '!=', topicId)
    .where('t.deleted_at', 'is', null)
    .where('t.merged_into', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}

/** Live topics among `ids`, in communities among `communityIds`, with what a list shows. */
export async function topicsForList(db: Db, ids: number[], communityIds: number[]) {
  if (ids.length === 0 || communityIds.length === 0) return [];
  return db
    .selectFrom('topics')
    .innerJoin('communities', 'communities.id', 'topics.community_id')
    .select(['topics.id', 'topics.title', 'topics.kind', 'topics.accepted_post_id', 'topics.community_id', 'communities.slug', 'communities.name'])
    .where('topics.id', 'in', ids)
    .where('topics.community_id', 'in', communityIds)
    .where('topics.deleted_at', 'is', null)
    .where('topics.merged_into', 'is', null)
    .execute();
}

/** Current articles (not superseded or archived) among `ids`, in communities among `communityIds`. */
export async function articlesForList(db: Db, ids: number[], communityIds: number[]) {
  if (ids.length === 0 || communityIds.length === 0) return [];
  return db
    .selectFrom('articles')
    .innerJoin('communities', 'communities.id', 'articles.community_id')
    .select(['articles.id', 'articles.title', 'articles.community_id', 'communities.slug', 'communities.name'])
    .where('articles.id', 'in', ids)
    .where('articles.community_id', 'in', communityIds)
    .where('articles.state', 'not in', ['superseded', 'archived'])
    .execute();
}
