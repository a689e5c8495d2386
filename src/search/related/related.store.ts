import { sql } from 'kysely';
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
  /** Why it is listed: 'duplicate' or 'linked' (marked as such, or imported links), otherwise 'similar' (ranked). */
  reason: 'duplicate' | 'linked' | 'similar';
  score: number;
}

/** What the caller has read of a topic already; a body left undefined is read here. */
export interface KnownSource {
  title: string;
  acceptedPostId: number | null;
  /** The opening post's Markdown ('' when deleted). */
  openingBody?: string;
  /** The accepted answer's Markdown (null when deleted). */
  acceptedBody?: string | null;
}

/**
 * What a related query is built from for a topic: its title, tags, opening post and accepted answer.
 * `known` is what the caller has read already (the topic page: the topic and the posts it shows).
 */
export async function loadRelatedSource(db: Db, topicId: number, known?: KnownSource): Promise<RelatedSource | null> {
  const t = known ? { title: known.title, accepted_post_id: known.acceptedPostId } : await db.selectFrom('topics').select(['title', 'accepted_post_id']).where('id', '=', topicId).executeTakeFirst();
  if (!t) return null;
  const acceptedId = t.accepted_post_id;
  const [tags, opening, accepted] = await Promise.all([
    db.selectFrom('topic_tags').select('tag').where('topic_id', '=', topicId).orderBy('tag').execute(),
    known?.openingBody !== undefined ? { body: known.openingBody } : db.selectFrom('posts').select('body').where('topic_id', '=', topicId).where('kind', '=', 'opening').where('deleted_at', 'is', null).executeTakeFirst(),
    acceptedId === null ? undefined : known?.acceptedBody !== undefined ? (known.acceptedBody === null ? undefined : { body: known.acceptedBody }) : db.selectFrom('posts').select('body').where('id', '=', acceptedId).where('deleted_at', 'is', null).executeTakeFirst(),
  ]);
  return { title: t.title, tags: tags.map((r) => r.tag), body: opening?.body ?? '', accepted: accepted?.body ?? null };
}

/**
 * Topics linked with this one, live and not merged, either way round: duplicates (closed as a
 * duplicate, or an imported duplicate link) and related links (imported PostLinks). The caller
 * filters them by readability like any other result.
 */
export async function linkedTopicIds(db: Db, topicId: number): Promise<{ duplicates: number[]; related: number[] }> {
  // One statement (a topic page runs ~30), three index lookups: topics closed as duplicates of this one,
  // the one this was closed as a duplicate of, and links either way round. Not one OR over topics:
  // "duplicate_of = X or id = (X's duplicate_of)" made the database scan every topic.
  const { rows } = await sql<{ other: number; kind: 'duplicate' | 'related'; part: number; ord: number }>`
    select id as other, 'duplicate' as kind, 0 as part, id as ord from topics where duplicate_of = ${topicId} and id <> ${topicId}
    union all
    select duplicate_of as other, 'duplicate' as kind, 1 as part, id as ord from topics where id = ${topicId} and duplicate_of is not null and duplicate_of <> ${topicId}
    union all
    select case when topic_id = ${topicId} then target_topic_id else topic_id end as other, kind, 2 as part, id as ord from topic_links where topic_id = ${topicId} or target_topic_id = ${topicId}
    order by part, ord`.execute(db);
  const duplicates = new Set<number>();
  const related = new Set<number>();
  for (const r of rows) {
    const other = Number(r.other);
    if (other === topicId) continue;
    (r.kind === 'duplicate' ? duplicates : related).add(other);
  }
  for (const d of duplicates) related.delete(d);
  return { duplicates: [...duplicates], related: [...related] };
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
