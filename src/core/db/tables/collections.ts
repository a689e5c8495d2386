import type { Generated } from 'kysely';

/** A curated, ordered list of articles and topics in one community (a reading list, a playbook). */
export interface CollectionTable {
  id: Generated<number>;
  community_id: number;
  owner_id: number;
  title: string;
  /** Markdown source. */
  description: Generated<string>;
  /** Safe HTML of `description`, rendered at write time. */
  description_html: Generated<string>;
  created_at: string;
  updated_at: string;
}

/** One entry of a collection: an article or a topic of the same community, in `position` order. */
export interface CollectionItemTable {
  id: Generated<number>;
  collection_id: number;
  position: number;
  target_type: 'article' | 'topic';
  target_id: number;
  note: Generated<string>;
  added_by: number;
  created_at: string;
}

/** Tables of src/knowledge/collections (added to Database in ../schema.ts). */
export interface CollectionsTables {
  collections: CollectionTable;
  collection_items: CollectionItemTable;
}
