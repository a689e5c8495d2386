import type { Generated } from 'kysely';

/**
 * A member's offer to mentor (one per member). `taken` counts their active mentorships; it is raised only by a
 * guarded UPDATE (`taken < capacity`) in the accept transaction, so no mentor is ever over capacity.
 */
export interface MentorOfferTable {
  id: Generated<number>;
  user_id: number;
  /** 1–10 mentees at a time. */
  capacity: number;
  taken: Generated<number>;
  /** IANA time zone, e.g. 'Europe/Berlin'. */
  time_zone: string;
  note: Generated<string>;
  /** 1 = taking requests and listed on /mentors; 0 = paused. */
  active: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A skill offered by a mentor; `skill_key` is the normalised form used for matching. */
export interface MentorOfferSkillTable {
  offer_id: number;
  skill: string;
  skill_key: string;
}

export type MentoringRequestState = 'open' | 'pending' | 'accepted' | 'declined' | 'withdrawn';

/** A mentee asking for mentoring; `mentor_id` is set once they name a mentor (state 'pending'). */
export interface MentoringRequestTable {
  id: Generated<number>;
  mentee_id: number;
  mentor_id: number | null;
  community_id: number | null;
  /** Markdown source and its safe HTML. */
  goals: string;
  goals_html: string;
  state: MentoringRequestState;
  created_at: string;
  updated_at: string;
  decided_at: string | null;
}

/** A skill the mentee wants to learn. */
export interface MentoringRequestSkillTable {
  request_id: number;
  skill: string;
  skill_key: string;
}

/** A mentor and a mentee working together; read by expertise ("mentor of N") and network ("mentored" edges). */
export interface MentorshipTable {
  id: Generated<number>;
  mentor_id: number;
  mentee_id: number;
  community_id: number | null;
  request_id: number | null;
  state: 'active' | 'ended';
  started_at: string;
  ended_at: string | null;
}

export interface MentorshipGoalTable {
  id: Generated<number>;
  mentorship_id: number;
  title: string;
  done: Generated<number>;
  done_at: string | null;
  created_by: number;
  created_at: string;
}

/** A check-in note: private to the mentor and the mentee. */
export interface MentorshipCheckinTable {
  id: Generated<number>;
  mentorship_id: number;
  author_id: number;
  body: string;
  body_html: string;
  created_at: string;
}

/** Feedback given at the end, one per side; private to the two. */
export interface MentorshipFeedbackTable {
  mentorship_id: number;
  author_id: number;
  rating: number | null;
  body: Generated<string>;
  body_html: Generated<string>;
  created_at: string;
}

/** Tables of src/people/mentoring (added to Database in ../schema.ts). */
export interface MentoringTables {
  mentor_offers: MentorOfferTable;
  mentor_offer_skills: MentorOfferSkillTable;
  mentoring_requests: MentoringRequestTable;
  mentoring_request_skills: MentoringRequestSkillTable;
  mentorships: MentorshipTable;
  mentorship_goals: MentorshipGoalTable;
  mentorship_checkins: MentorshipCheckinTable;
  mentorship_feedback: MentorshipFeedbackTable;
}
