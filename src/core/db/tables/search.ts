import type { Generated } from 'kysely';

/** What a search document is about. */
export type SearchKind = 'topic' | 'post' | 'article' | 'term' | 'member' | 'community';

/**
 * One searchable document (src/search): a plain table the full-text index is kept from. On SQLite the
 * FTS5 table `search_fts` (title, tags, extra, body) is an external-content index over it, kept by
 * triggers; on PostgreSQL a generated `tsv` column (weighted A title, B tags + extra, C body), indexed
 * by one GIN index over `tsv` plus date, kind and community lexemes (migrations 202611270030 and
 * 202611270035; src/search/search.pg.ts says why). `(kind, ref_id)` is unique; deleted things have no row.
 */
export interface SearchDocTable {
  id: Generated<number>;
  kind: SearchKind;
  /** The id of the topic, post, article, glossary term, user or community. */
  ref_id: number;
  /** The community whose readers may see it; null for members (people are found by anyone). */
  community_id: number | null;
  /** For topics and posts, the topic. */
  topic_id: number | null;
  author_id: number | null;
  /** The title shown in results (for posts, the topic's title; not indexed). */
  label: string;
  title: string;
  tags: string;
  extra: string;
  body: string;
  /** An article's lifecycle state; null for other kinds. */
  state: string | null;
  /** Topics and posts: 1 when the topic has an accepted answer; null for other kinds. */
  solved: number | null;
  created_at: string;
}

/** Tables of the search feature (added to Database in ../schema.ts). */
export interface SearchTables {
  search_docs: SearchDocTable;
}
