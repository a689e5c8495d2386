import { recordActivity } from '../../core/activity.ts';
import type { Db } from '../../core/db/index.ts';
import { badgeKeys } from './badges.rules.ts';
import { badgeChecks } from './badges.store.ts';

/**
 * Awards every badge the members have earned and do not hold yet. Idempotent: user_badges is unique
 * per (member, badge), inserts that conflict write nothing, and only a real award records
 * 'badge.awarded' (actor = the member). Pass the transaction of the act that may have earned it.
 * With `backdate` (a rebuild), a badge earned by one dated item is dated then, not `at`.
 * Returns how many badges were awarded.
 */
export async function awardBadges(db: Db, userIds: number[], at: string, opts: { backdate?: boolean } = {}): Promise<number> {
  const ids = [...new Set(userIds)];
  let awarded = 0;
  for (let i = 0; i < ids.length; i += 400) {
    const part = ids.slice(i, i + 400);
    for (const badge of badgeKeys) {
      const earned = await badgeChecks[badge](db, part);
      for (const [userId, e] of earned) {
        const when = opts.backdate && e.at && e.at < at ? e.at : at;
        const row = await db
          .insertInto('user_badges')
          .values({ user_id: userId, badge, scope: '', community_id: e.communityId, subject_type: e.subjectType, subject_id: e.subjectId, awarded_at: when })
          .onConflict((oc) => oc.columns(['user_id', 'badge', 'scope']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!row) continue;
        awarded += 1;
        await recordActivity(db, { actorId: userId, verb: 'badge.awarded', communityId: e.communityId, subjectType: 'badge', subjectId: row.id, data: { badge }, at: when });
      }
    }
  }
  return awarded;
}
