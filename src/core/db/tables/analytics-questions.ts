import type { AccountKind } from './analytics.ts';

/**
 * One question (a topic of kind 'question') as the responsiveness figures read it, kept by
 * questionsStep (docs/analytics/responsiveness.md). Times are ISO-8601 UTC text.
 */
export interface AnalyticsQuestionTable {
  topic_id: number;
  community_id: number;
  asker_id: number;
  /** The asker's account kind when the row was last computed (readers keep 'person'). */
  asker_kind: AccountKind;
  /** When the asker joined the community (their membership), null when they are not a member. */
  asker_joined_at: string | null;
  asked_at: string;
  /** The first answer, reply or comment by a person other than the asker; null while there is none. */
  first_response_at: string | null;
  first_responder_id: number | null;
  /** first_response_at − asked_at in seconds (never negative). */
  response_seconds: number | null;
  /** When an answer was first accepted (a later re-accept or unaccept keeps it). */
  accepted_at: string | null;
  accepted_seconds: number | null;
  /** 1 when the topic is deleted or merged into another: left out of every figure. */
  deleted: number;
}

/** The first time a member reached one step of the newcomer trajectory in a community (newcomersStep). */
export interface AnalyticsMilestoneTable {
  community_id: number;
  user_id: number;
  /** read | react | ask | reply | accepted | article | event | mentor (src/analytics/newcomers/newcomers.measures.ts). */
  step: string;
  first_at: string;
}

/** When a member came back after joining: their first act in days 30–59 and in days 90–179 after joining. */
export interface AnalyticsNewcomerReturnTable {
  community_id: number;
  user_id: number;
  /** The membership's join time these were measured from (a re-join measures again). */
  joined_at: string;
  back_30_at: string | null;
  back_90_at: string | null;
}

/** Tables of src/analytics/responsiveness and src/analytics/newcomers (added to Database in ../schema.ts). */
export interface AnalyticsQuestionsTables {
  analytics_questions: AnalyticsQuestionTable;
  analytics_milestones: AnalyticsMilestoneTable;
  analytics_newcomer_returns: AnalyticsNewcomerReturnTable;
}
