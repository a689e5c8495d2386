/**
 * Rollup of src/analytics/inclusion (added to Database in ../schema.ts), kept by `inclusionStep`
 * (docs/analytics/inclusion.md). The Blau indexes are not rolled up: they read current memberships and
 * profiles (which change without activity) grouped in SQL, plus `analytics_member_months`.
 */

/**
 * Per community per month, people only (`users.account_kind = 'person'`): how many acted and contributed,
 * and how much of it came from newcomers (members who joined less than 90 days before the month began,
 * or during it).
 */
export interface AnalyticsInclusionMonthTable {
  community_id: number;
  /** 'YYYY-MM'. */
  month: string;
  /** People with at least one act in the month. */
  active: number;
  newcomer_active: number;
  /** People with at least one contribution in the month. */
  contributors: number;
  newcomer_contributors: number;
  /** Contributions (questions, answers, replies, comments, articles, events hosted) by people. */
  contributions: number;
  newcomer_contributions: number;
}

export interface AnalyticsInclusionTables {
  analytics_inclusion_months: AnalyticsInclusionMonthTable;
}
