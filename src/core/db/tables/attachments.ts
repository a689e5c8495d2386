import type { Generated } from 'kysely';

/**
 * Tables of src/knowledge/attachments (added to Database in ../schema.ts). Add one interface per table and
 * one entry per table to AttachmentsTables.
 */
export interface AttachmentsTables {
  attachments: AttachmentTable;
}

/** One stored file, attached to exactly one article or one post. */
export interface AttachmentTable {
  id: Generated<number>;
  community_id: number;
  article_id: number | null;
  post_id: number | null;
  uploader_id: number;
  /** Generated random name of the file under DATA_DIR/uploads; never user input. */
  storage_key: string;
  /** Sanitised original file name, for display and the download's file name only. */
  name: string;
  /** A key of the accepted types (png, jpeg, …, see file-types.ts). */
  type: string;
  mime: string;
  size: number;
  created_at: string;
}
