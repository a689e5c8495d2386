import type { Generated } from 'kysely';

/** What a row of evidence is: an accepted answer, an answer's net votes, an endorsed article, or "I applied this" on the member's content. */
export type EvidenceKind = 'accepted_answer' | 'answer_votes' | 'question_votes' | 'endorsed_article' | 'applied';

/** One piece of demonstrated expertise (and reputation) of a member, about one answer or article. */
export interface ExpertiseEvidenceTable {
  id: Generated<number>;
  user_id: number;
  community_id: number;
  kind: EvidenceKind;
  subject_type: 'post' | 'article';
  subject_id: number;
  /** Expertise weight before decay. */
  weight: number;
  /** Reputation points. */
  points: number;
  /** When the evidence happened (decay runs from here). */
  at: string;
}

/** A tag of an evidence row's subject. */
export interface ExpertiseEvidenceTagTable {
  evidence_id: number;
  tag: string;
}

/** A badge a member earned (once per badge and scope). */
export interface UserBadgeTable {
  id: Generated<number>;
  user_id: number;
  badge: string;
  scope: Generated<string>;
  community_id: number | null;
  subject_type: string | null;
  subject_id: number | null;
  awarded_at: string;
}

/** A community's recognition settings (0/1); no row means the defaults. */
export interface CommunityRecognitionSettingsTable {
  community_id: number;
  leaderboard_enabled: Generated<number>;
  updated_at: string;
  updated_by: number | null;
}

/** Tables of src/people/expertise (added to Database in ../schema.ts). */
export interface ExpertiseTables {
  expertise_evidence: ExpertiseEvidenceTable;
  expertise_evidence_tags: ExpertiseEvidenceTagTable;
  user_badges: UserBadgeTable;
  community_recognition_settings: CommunityRecognitionSettingsTable;
}
