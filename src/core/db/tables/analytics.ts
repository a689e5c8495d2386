import type { Generated } from 'kysely';

/**
 * Tables of src/analytics (added to Database in ../schema.ts). Each part of the health analytics keeps
 * its own rollups in its own file beside this one (analytics-*.ts); this file holds what they share.
 */
declare module '../schema.ts' {
  interface UserTable {
    /** 'person' (counted), 'staff' or 'bot' (left out of participation, inequality and newcomer figures). */
    account_kind: Generated<AccountKind>;
  }
}

export type AccountKind = 'person' | 'staff' | 'bot';

/** How far the analytics refresh has read the activity stream (one row, name 'rollups'). */
export interface AnalyticsStateTable {
  name: string;
  last_activity_id: number;
  refreshed_at: string;
}

/** A community's lifecycle stage for one month, as the refresh estimated it (src/analytics/overview/stage.ts). */
export interface AnalyticsStageTable {
  community_id: number;
  /** 'YYYY-MM' */
  month: string;
  stage: string;
  reason: string;
  /** JSON: Evidence[] */
  evidence: string;
  /** JSON: the StageMonth it was read from. */
  inputs: string;
  computed_at: string;
}

export interface AnalyticsTables {
  analytics_state: AnalyticsStateTable;
  analytics_stages: AnalyticsStageTable;
}
