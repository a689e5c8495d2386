import type { Generated } from 'kysely';

/**
 * Tables of src/knowledge/lifecycle (added to Database in ../schema.ts), and the lifecycle columns
 * added to `articles` by migration 202611261700.
 */
declare module '../schema.ts' {
  interface ArticleTable {
    /** The article that replaces this one (state 'superseded'). */
    superseded_by: number | null;
    /** When it was last endorsed or re-confirmed. */
    reviewed_at: string | null;
    /** When an endorsed article falls due for review (reviewed_at + the community's interval). */
    review_due_at: string | null;
    /** Endorsements count per round: a new round starts on each proposal and each review. */
    endorsement_round: Generated<number>;
  }
}

/** One recorded change of an article's state; `actor_id` null means the system. */
export interface ArticleTransitionTable {
  id: Generated<number>;
  article_id: number;
  from_state: string;
  to_state: string;
  actor_id: number | null;
  reason: Generated<string>;
  successor_id: number | null;
  created_at: string;
}

/** A member's endorsement of an article in one round (one per member per round). */
export interface ArticleEndorsementTable {
  article_id: number;
  round: number;
  user_id: number;
  note: Generated<string>;
  created_at: string;
}

/** A community's knowledge settings (0/1 booleans); a missing row means the defaults. */
export interface CommunityKnowledgeSettingsTable {
  community_id: number;
  wiki_default: Generated<number>;
  members_edit_all: Generated<number>;
  steward_endorsement: Generated<number>;
  endorsements_required: Generated<number>;
  review_interval_days: Generated<number>;
  updated_at: string;
  updated_by: number | null;
}

export interface LifecycleTables {
  article_transitions: ArticleTransitionTable;
  article_endorsements: ArticleEndorsementTable;
  community_knowledge_settings: CommunityKnowledgeSettingsTable;
}
