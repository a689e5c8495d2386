import type { Db } from '../../core/db/index.ts';
import type { HealthWindow } from '../period.ts';

/** Reads of the newcomer figures: rollups only (memberships, analytics_milestones, analytics_newcomer_returns, analytics_member_months). */

export interface NewcomerRow {
  userId: number;
  username: string;
  displayName: string;
  joinedAt: string;
  /** First act 30–59 / 90–179 days after this join (null when none, or measured from an earlier join). */
  back30At: string | null;
  back90At: string | null;
}

/** Person accounts who joined the community in the window, newest first. */
export async function listNewcomers(db: Db, communityId: number, window: HealthWindow): Promise<NewcomerRow[]> {
  const rows = await db
    .selectFrom('memberships as mb')
    .innerJoin('users as u', 'u.id', 'mb.user_id')
    .leftJoin('analytics_newcomer_returns as r', (j) => j.onRef('r.community_id', '=', 'mb.community_id').onRef('r.user_id', '=', 'mb.user_id').onRef('r.joined_at', '=', 'mb.created_at'))
    .select(['u.id', 'u.username', 'u.display_name', 'mb.created_at', 'r.back_30_at', 'r.back_90_at'])
    .where('mb.community_id', '=', communityId)
    .where('mb.created_at', '>=', window.from)
    .where('mb.created_at', '<=', window.to)
    .where('u.account_kind', '=', 'person')
    .orderBy('mb.created_at', 'desc')
    .orderBy('u.id', 'desc')
    .execute();
  return rows.map((r) => ({ userId: Number(r.id), username: r.username, displayName: r.display_name, joinedAt: r.created_at, back30At: r.back_30_at ?? null, back90At: r.back_90_at ?? null }));
}

/** Milestones of the members who joined in the window (from memberships_community_joined_idx, then the milestones' primary key). */
export async function listNewcomerMilestones(db: Db, communityId: number, window: HealthWindow): Promise<Array<{ userId: number; step: string; at: string }>> {
  const rows = await db
    .selectFrom('memberships as mb')
    .innerJoin('analytics_milestones as m', (j) => j.onRef('m.community_id', '=', 'mb.community_id').onRef('m.user_id', '=', 'mb.user_id'))
    .select(['m.user_id', 'm.step', 'm.first_at'])
    .where('mb.community_id', '=', communityId)
    .where('mb.created_at', '>=', window.from)
    .where('mb.created_at', '<=', window.to)
    .execute();
  return rows.map((r) => ({ userId: Number(r.user_id), step: r.step, at: r.first_at }));
}

/**
 * Per month, people (person accounts) with an act in the community and the newcomers among them
 * (joined less than 90 days before the month began, or during it): the inclusion step's rollup
 * (analytics_inclusion_months; docs/analytics/inclusion.md), one row per month.
 */
export async function activeNewcomersByMonth(db: Db, communityId: number, months: readonly string[]): Promise<Map<string, { active: number; newcomers: number }>> {
  const rows = await db.selectFrom('analytics_inclusion_months').select(['month', 'active', 'newcomer_active']).where('community_id', '=', communityId).where('month', 'in', [...months]).execute();
  return new Map(rows.map((r) => [r.month, { active: Number(r.active), newcomers: Number(r.newcomer_active) }]));
}
