import type { Db } from '../../core/db/index.ts';
import type { ArticleType } from '../articles/articles.store.ts';
import type { ArticleRecord, TermRecord } from './transfer.format.ts';

/** An article of the community as it is exported, with its id (for matching on import). */
export type StoredArticle = ArticleRecord & { id: number };

/** Every article of a community as export records (tags and owner usernames in code-unit order). */
export async function loadArticles(db: Db, communityId: number): Promise<StoredArticle[]> {
  const rows = await db
    .selectFrom('articles')
    .innerJoin('users', 'users.id', 'articles.author_id')
    .select(['articles.id', 'articles.title', 'articles.type', 'articles.state', 'articles.wiki', 'articles.body', 'articles.created_at', 'articles.updated_at', 'users.username'])
    .where('articles.community_id', '=', communityId)
    .orderBy('articles.id')
    .execute();
  const tags = await db.selectFrom('article_tags').select(['article_id', 'tag']).where('community_id', '=', communityId).execute();
  const owners = await db
    .selectFrom('article_owners')
    .innerJoin('articles', 'articles.id', 'article_owners.article_id')
    .innerJoin('users', 'users.id', 'article_owners.user_id')
    .select(['article_owners.article_id', 'users.username'])
    .where('articles.community_id', '=', communityId)
    .execute();
  const sorted = (xs: string[]) => xs.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    type: r.type as ArticleType,
    state: r.state,
    tags: sorted(tags.filter((t) => t.article_id === r.id).map((t) => t.tag)),
    wiki: Number(r.wiki) === 1,
    author: r.username,
    owners: sorted(owners.filter((o) => o.article_id === r.id).map((o) => o.username)),
    created: r.created_at,
    updated: r.updated_at,
    body: r.body,
  }));
}

/** A glossary term as exported, with its id and key (for matching on import). */
export type StoredTerm = TermRecord & { id: number; key: string; ownerId: number };

/** Every glossary term of a community as export records (synonyms in their stored order). */
export async function loadTerms(db: Db, communityId: number): Promise<StoredTerm[]> {
  const rows = await db
    .selectFrom('glossary_terms')
    .innerJoin('users', 'users.id', 'glossary_terms.owner_id')
    .select(['glossary_terms.id', 'glossary_terms.term', 'glossary_terms.term_key', 'glossary_terms.synonyms', 'glossary_terms.definition', 'glossary_terms.owner_id', 'glossary_terms.created_at', 'glossary_terms.updated_at', 'users.username'])
    .where('glossary_terms.community_id', '=', communityId)
    .orderBy('glossary_terms.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    key: r.term_key,
    ownerId: r.owner_id,
    term: r.term,
    synonyms: JSON.parse(r.synonyms) as string[],
    owner: r.username,
    created: r.created_at,
    updated: r.updated_at,
    definition: r.definition,
  }));
}

/** The ids of the community's members among `usernames` (case-insensitive), by lower-cased username. */
export async function memberIds(db: Db, communityId: number, usernames: string[]): Promise<Map<string, number>> {
  if (usernames.length === 0) return new Map();
  const lower = [...new Set(usernames.map((u) => u.toLowerCase()))];
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.username'])
    .where('memberships.community_id', '=', communityId)
    .where((eb) => eb(eb.fn('lower', ['users.username']), 'in', lower))
    .execute();
  return new Map(rows.map((r) => [r.username.toLowerCase(), r.id]));
}
