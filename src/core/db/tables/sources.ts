import type { Generated } from 'kysely';

/** Tables of src/importers/stackexchange (added to Database in ../schema.ts). */

/**
 * The origin of one imported item. `kind` is the dump's kind of record; `local_id` the row it became:
 * user → users.id, question → topics.id (with `post_id` its opening post), answer → posts.id (and
 * `post_id`), comment → comments.id, vote → posts.id it counted on, link → topic_links.id,
 * revision → post_revisions.id. Unique on (site, kind, original_id): re-running an import skips these.
 */
export interface ImportSourceTable {
  id: Generated<number>;
  community_id: number;
  site: string;
  kind: ImportSourceKind;
  original_id: number;
  local_id: number;
  post_id: number | null;
  url: string;
  license: string;
  /** The author's name on the original site, for the attribution line (survives a claimed account's rename). */
  author_name: string;
  /** When the original was created on the site. */
  created_at: string;
  imported_at: string;
}

export type ImportSourceKind = 'user' | 'question' | 'answer' | 'comment' | 'vote' | 'link' | 'revision';

/** A link between two topics of a community: 'related' or 'duplicate' (topic_id duplicates target_topic_id). */
export interface TopicLinkTable {
  id: Generated<number>;
  community_id: number;
  topic_id: number;
  target_topic_id: number;
  kind: 'related' | 'duplicate';
  created_at: string;
}

export interface SourcesTables {
  import_sources: ImportSourceTable;
  topic_links: TopicLinkTable;
}

declare module '../schema.ts' {
  interface UserTable {
    /** 1 for an account made by an import for an author who has not claimed it (no password, no real email). */
    placeholder: Generated<number>;
  }
}
