import type { Db } from '../../core/db/index.ts';
import type { Person } from '../articles/articles.store.ts';

/** A post quoted in a promoted article's draft. */
export interface QuotedPost {
  id: number;
  kind: string;
  body: string;
  score: number;
  author: Person;
}

function livePosts(db: Db, topicId: number) {
  return db
    .selectFrom('posts')
    .innerJoin('users', 'users.id', 'posts.author_id')
    .select(['posts.id', 'posts.kind', 'posts.body', 'posts.score', 'posts.created_at', 'users.id as author_id', 'users.username', 'users.display_name'])
    .where('posts.topic_id', '=', topicId)
    .where('posts.deleted_at', 'is', null);
}

type Row = Awaited<ReturnType<ReturnType<typeof livePosts>['execute']>>[number];
const toQuoted = (r: Row): QuotedPost => ({ id: r.id, kind: r.kind, body: r.body, score: r.score, author: { id: r.author_id, username: r.username, displayName: r.display_name } });

/**
 * Everyone who wrote a post in the thread that is not deleted, each once, in order of their first
 * such post. (A deleted post's author is credited only through another post.)
 */
export async function threadContributors(db: Db, topicId: number): Promise<Person[]> {
  const rows = await livePosts(db, topicId).orderBy('posts.created_at').orderBy('posts.id').execute();
  const seen = new Map<number, Person>();
  for (const r of rows) if (!seen.has(r.author_id)) seen.set(r.author_id, { id: r.author_id, username: r.username, displayName: r.display_name });
  return [...seen.values()];
}

/**
 * The posts a draft quotes: the opening post, the accepted answer (when not deleted) and up to `others`
 * key replies — the highest-scored other posts that are not deleted, earlier first on a tie.
 */
export async function keyPosts(db: Db, topicId: number, acceptedId: number | null, others = 3): Promise<{ opening: QuotedPost | null; accepted: QuotedPost | null; key: QuotedPost[] }> {
  const opening = await livePosts(db, topicId).where('posts.kind', '=', 'opening').executeTakeFirst();
  const accepted = acceptedId === null ? undefined : await livePosts(db, topicId).where('posts.id', '=', acceptedId).executeTakeFirst();
  const skip = [opening?.id, accepted?.id].filter((x): x is number => x !== undefined);
  let q = livePosts(db, topicId).where('posts.kind', '!=', 'opening');
  if (skip.length > 0) q = q.where('posts.id', 'not in', skip);
  const key = await q.orderBy('posts.score', 'desc').orderBy('posts.created_at').orderBy('posts.id').limit(others).execute();
  return { opening: opening ? toQuoted(opening) : null, accepted: accepted ? toQuoted(accepted) : null, key: key.map(toQuoted) };
}
