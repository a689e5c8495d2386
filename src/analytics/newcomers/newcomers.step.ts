import type { Db } from '../../core/db/index.ts';
import type { AnalyticsNewcomerReturnTable } from '../../core/db/tables/analytics-questions.ts';
import type { ActivityRow, AnalyticsStep } from '../refresh.ts';
import { membershipTimes, postAuthors, saveMilestones, saveReturns, topicKinds } from './milestones.store.ts';
import { ACTIVE_VERBS, RETURN_30, RETURN_90, stepOf, within, type StepHit } from './newcomers.measures.ts';

const keep = (m: Map<string, string>, key: string, at: string) => {
  const seen = m.get(key);
  if (seen === undefined || at < seen) m.set(key, at);
};

/**
 * Keeps analytics_milestones (the first time each member reached each step of the trajectory in a
 * community) and analytics_newcomer_returns (their first act 30–59 and 90–179 days after joining).
 * Both keep the earliest time seen, so a refresh run twice or a backdated row gives the same result
 * (docs/analytics/newcomers.md). Every actor is stored; readers keep person accounts.
 */
export const newcomersStep: AnalyticsStep = {
  name: 'newcomers',
  tables: ['analytics_milestones', 'analytics_newcomer_returns'],
  begin(db: Db) {
    const milestones = new Map<string, string>(); // `${c}:${u}:${step}` → first_at
    const pending: Array<StepHit & { communityId: number }> = [];
    const joins = new Map<string, string | null>(); // `${c}:${u}` → joined_at (null: not a member)
    const returns = new Map<string, AnalyticsNewcomerReturnTable>();
    return {
      async add(rows: readonly ActivityRow[]) {
        const acts: ActivityRow[] = [];
        for (const r of rows) {
          if (r.communityId === null) continue;
          const hit = stepOf(r);
          if (hit?.lookup) pending.push({ ...hit, communityId: r.communityId });
          else if (hit && hit.userId !== null) keep(milestones, `${r.communityId}:${hit.userId}:${hit.step}`, hit.at);
          if (r.actorId !== null && ACTIVE_VERBS.has(r.verb)) acts.push(r);
        }
        const unknown = acts.filter((r) => !joins.has(`${r.communityId}:${r.actorId}`)).map((r) => ({ communityId: r.communityId!, userId: r.actorId! }));
        const found = await membershipTimes(db, unknown);
        for (const p of unknown) joins.set(`${p.communityId}:${p.userId}`, found.get(`${p.communityId}:${p.userId}`) ?? null);
        for (const r of acts) {
          const key = `${r.communityId}:${r.actorId}`;
          const joinedAt = joins.get(key);
          if (!joinedAt) continue;
          const in30 = within(joinedAt, r.at, RETURN_30);
          const in90 = within(joinedAt, r.at, RETURN_90);
          if (!in30 && !in90) continue;
          const row = returns.get(key) ?? { community_id: r.communityId!, user_id: r.actorId!, joined_at: joinedAt, back_30_at: null, back_90_at: null };
          if (in30 && (row.back_30_at === null || r.at < row.back_30_at)) row.back_30_at = r.at;
          if (in90 && (row.back_90_at === null || r.at < row.back_90_at)) row.back_90_at = r.at;
          returns.set(key, row);
        }
      },
      async finish() {
        const kinds = await topicKinds(db, pending.flatMap((p) => (p.lookup?.topicId ? [p.lookup.topicId] : [])));
        const authors = await postAuthors(db, pending.flatMap((p) => (p.lookup?.postId ? [p.lookup.postId] : [])));
        for (const p of pending) {
          if (p.lookup?.topicId !== undefined && kinds.get(p.lookup.topicId) === 'question' && p.userId !== null) keep(milestones, `${p.communityId}:${p.userId}:ask`, p.at);
          const author = p.lookup?.postId !== undefined ? authors.get(p.lookup.postId) : undefined;
          if (author !== undefined) keep(milestones, `${p.communityId}:${author}:accepted`, p.at);
        }
        const rows = [...milestones].map(([key, first_at]) => {
          const [c, u, step] = key.split(':') as [string, string, string];
          return { community_id: Number(c), user_id: Number(u), step, first_at };
        });
        await db.transaction().execute(async (tx) => {
          await saveMilestones(tx, rows);
          await saveReturns(tx, [...returns.values()]);
        });
      },
    };
  },
};
