import { recordActivity } from '../core/activity.ts';
import type { Db } from '../core/db/index.ts';
import { rebuildExpertise } from '../people/expertise/expertise.hooks.ts';
import { saveLeaderboardEnabled } from '../people/expertise/recognition.store.ts';
import type { KnowledgeSeedIds } from './knowledge.ts';

/**
 * Seeds the demo's part of src/people/expertise: a few "I applied this" on endorsed articles (by
 * members who do not own them), the incident-review community's leaderboard turned off (blameless
 * reviews and rankings do not mix), then the evidence rollup and badges computed from everything seeded.
 */
export async function addDemoExpertise(tx: Db, ids: KnowledgeSeedIds): Promise<void> {
  const endorsed = await tx.selectFrom('articles').select(['id', 'community_id', 'title']).where('state', '=', 'endorsed').orderBy('id').limit(3).execute();
  for (const [i, a] of endorsed.entries()) {
    const appliers = await tx
      .selectFrom('memberships')
      .select('user_id')
      .where('community_id', '=', a.community_id)
      .where('user_id', 'not in', tx.selectFrom('article_owners').select('user_id').where('article_id', '=', a.id))
      .orderBy('user_id')
      .limit(2 + i)
      .execute();
    for (const [j, u] of appliers.entries()) {
      const at = ids.at(20 - 5 * i - j);
      const note = 'Used this on our team’s work; it held up.';
      await tx.insertInto('applied').values({ subject_type: 'article', subject_id: a.id, user_id: u.user_id, note, created_at: at, updated_at: at }).execute();
      await recordActivity(tx, { actorId: u.user_id, verb: 'knowledge.applied', communityId: a.community_id, subjectType: 'article', subjectId: a.id, data: { title: a.title, note }, at });
    }
  }
  const incident = ids.communityId('incident-review');
  const steward = await tx.selectFrom('memberships').select('user_id').where('community_id', '=', incident).where('role', '=', 'steward').orderBy('user_id').executeTakeFirst();
  const at = ids.at(10);
  await saveLeaderboardEnabled(tx, incident, false, steward?.user_id ?? null, at);
  await recordActivity(tx, { actorId: steward?.user_id ?? null, verb: 'community.leaderboard_changed', communityId: incident, subjectType: 'community', subjectId: incident, data: { enabled: false }, at });
  await rebuildExpertise(tx, ids.at(0));
}
