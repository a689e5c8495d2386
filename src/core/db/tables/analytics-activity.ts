/**
 * Rollups of src/analytics/activity (added to Database in ../schema.ts), kept by `activityStep`
 * (docs/analytics/activity.md, docs/analytics/participation.md).
 *
 * `analytics_member_months` is shared: other parts of the health analytics read it. It holds every
 * actor (staff and bots too); readers keep `users.account_kind = 'person'`. The community series
 * tables below count people only.
 */

/** One row per (community, month 'YYYY-MM', member) with any activity in that month. */
export interface AnalyticsMemberMonthTable {
  community_id: number;
  month: string;
  user_id: number;
  /** questions + answers + replies + articles + comments + events. */
  contributions: number;
  questions: number;
  answers: number;
  replies: number;
  articles: number;
  comments: number;
  /** Events hosted (event.created). */
  events: number;
  /** post.voted + post.reacted + knowledge.applied + article.endorsement_added. */
  reactions: number;
  /** topic.viewed + article.viewed. */
  views: number;
  /** Answers of theirs accepted this month (credited to the answer's author). */
  accepted: number;
  /** Every act of theirs this month (any verb), so 0 when the row is only credit for an accepted answer. */
  acts: number;
  /** First and last act of theirs this month (ISO); null when the row is only credit for an accepted answer. */
  first_at: string | null;
  last_at: string | null;
}

/** Per community per UTC day (people only): who acted, who contributed, what was made, who joined. */
export interface AnalyticsCommunityDayTable {
  community_id: number;
  day: string;
  active_members: number;
  contributors: number;
  contributions: number;
  /** Topics opened + replies + answers. */
  posts: number;
  questions: number;
  answers: number;
  articles: number;
  events: number;
  joins: number;
}

/** Distinct people who acted / contributed per community per ISO week (week = its Monday). */
export interface AnalyticsCommunityWeekTable {
  community_id: number;
  week: string;
  active_members: number;
  contributors: number;
}

/** Per community per month (people only): activity, participation levels, flows and inequality. */
export interface AnalyticsCommunityMonthTable {
  community_id: number;
  month: string;
  /** Members at the end of the month (or now, for the current month). */
  members: number;
  new_members: number;
  active_members: number;
  contributors: number;
  contributions: number;
  posts: number;
  questions: number;
  answers: number;
  replies: number;
  articles: number;
  comments: number;
  events: number;
  /** Participation levels over the trailing 3 months. */
  core: number;
  active: number;
  occasional: number;
  peripheral: number;
  transactional: number;
  /** Members with no activity in the trailing 3 months. */
  inactive: number;
  /** Level changes from the month before. */
  moved_inward: number;
  held: number;
  moved_outward: number;
  /** Inequality of contributions over the trailing 3 months (members with none included). */
  population: number;
  gini: number;
  top1_share: number;
  next9_share: number;
  rest_share: number;
  zero_share: number;
  absence_factor: number;
}

/** Each person's participation level for a month (trailing 3 months); members with none have no row. */
export interface AnalyticsMemberLevelTable {
  community_id: number;
  month: string;
  user_id: number;
  level: string;
  /** Contributions over the trailing 3 months. */
  contributions: number;
}

/** How many people moved from one level to another between the month before and this one. */
export interface AnalyticsLevelFlowTable {
  community_id: number;
  month: string;
  from_level: string;
  to_level: string;
  members: number;
}

export interface AnalyticsActivityTables {
  analytics_member_months: AnalyticsMemberMonthTable;
  analytics_community_days: AnalyticsCommunityDayTable;
  analytics_community_weeks: AnalyticsCommunityWeekTable;
  analytics_community_months: AnalyticsCommunityMonthTable;
  analytics_member_levels: AnalyticsMemberLevelTable;
  analytics_level_flows: AnalyticsLevelFlowTable;
}
