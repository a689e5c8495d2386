/** An internal link from a post or article body to a topic or article, replaced when the body is written. */
export interface LinkTable {
  source_type: 'post' | 'article';
  source_id: number;
  target_type: 'topic' | 'article';
  target_id: number;
  created_at: string;
}

/** "I applied this": a member put an article or an answer to use, with an optional note. One per member per item. */
export interface AppliedTable {
  subject_type: 'article' | 'post';
  subject_id: number;
  user_id: number;
  note: string;
  created_at: string;
  updated_at: string;
}

/** Tables of src/knowledge/links (added to Database in ../schema.ts). */
export interface LinksTables {
  links: LinkTable;
  applied: AppliedTable;
}
