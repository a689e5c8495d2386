import type { Generated } from 'kysely';

/** A story's related thread or article (same community only). */
export interface StoryLinkTable {
  id: Generated<number>;
  story_id: number;
  community_id: number;
  target_type: 'topic' | 'article';
  target_id: number;
  created_by: number;
  created_at: string;
}

/** An article made from a thread by "promote to article". */
export interface ArticleCaptureTable {
  id: Generated<number>;
  article_id: number;
  topic_id: number;
  created_by: number;
  created_at: string;
}

/** Everyone credited by a capture: the authors of the thread's posts that were not deleted. */
export interface CaptureContributorTable {
  capture_id: number;
  user_id: number;
  position: number;
}

/** Tables of src/knowledge/stories (added to Database in ../schema.ts). */
export interface StoriesTables {
  story_links: StoryLinkTable;
  article_captures: ArticleCaptureTable;
  capture_contributors: CaptureContributorTable;
}
