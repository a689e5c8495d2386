import { sql } from 'kysely';
import type { Db } from '../../core/db/index.ts';
import { ANSWER_VOTE_WEIGHT, APPLIED_WEIGHT } from './expertise.rules.ts';
import { BADGE_RULES, wasNewcomer, type BadgeKey } from './badges.rules.ts';

/** What earned a badge (the first qualifying item); community null for organisation-wide ones. */
export interface BadgeEarned {
  communityId: number | null;
  subjectType: string | null;
  subjectId: number | null;
  /** When the qualifying evidence happened, where one item earned it. */
  at?: string;
}

type Earned = Map<number, BadgeEarned>;

function firstOf(rows: Array<{ user_id: number; community_id: number; subject_type: string; subject_id: number; at: string }>): Earned {
  const m: Earned = new Map();
  for (const r of rows) if (!m.has(r.user_id)) m.set(r.user_id, { communityId: r.community_id, subjectType: r.subject_type, subjectId: r.subject_id, at: r.at });
  return m;
}

function evidenceOf(db: Db, userIds: number[], kind: 'accepted_answer' | 'endorsed_article' | 'answer_votes' | 'applied') {
  return db.selectFrom('expertise_evidence').select(['user_id', 'community_id', 'subject_type', 'subject_id', 'at']).where('user_id', 'in', userIds).where('kind', '=', kind).orderBy('at').orderBy('id');
}

/** Which of `userIds` have earned each badge now, from the evidence rollup and mentorships. */
export const badgeChecks: Record<BadgeKey, (db: Db, userIds: number[]) => Promise<Earned>> = {
  first_accepted_answer: async (db, ids) => firstOf(await evidenceOf(db, ids, 'accepted_answer').execute()),
  first_endorsed_article: async (db, ids) => firstOf(await evidenceOf(db, ids, 'endorsed_article').execute()),
  well_received: async (db, ids) => firstOf(await evidenceOf(db, ids, 'answer_votes').where('weight', '>=', ANSWER_VOTE_WEIGHT * BADGE_RULES.wellReceivedScore).execute()),
  helped_newcomer: async (db, ids) => {
    const rows = await db
      .selectFrom('expertise_evidence as e')
      .innerJoin('posts as p', 'p.id', 'e.subject_id')
      .innerJoin('topics as t', 't.id', 'p.topic_id')
      .innerJoin('memberships as m', (j) => j.onRef('m.community_id', '=', 't.community_id').onRef('m.user_id', '=', 't.author_id'))
      .select(['e.user_id', 'e.community_id', 'e.subject_type', 'e.subject_id', 'e.at', 'm.created_at as joined_at', 't.created_at as asked_at'])
      .where('e.user_id', 'in', ids)
      .where('e.kind', '=', 'accepted_answer')
      .orderBy('e.at')
      .execute();
    return firstOf(rows.filter((r) => wasNewcomer(r.joined_at, r.asked_at)));
  },
  put_to_use: async (db, ids) => {
    const rows = await db.selectFrom('expertise_evidence').select(['user_id', sql<number>`sum(weight)`.as('w')]).where('user_id', 'in', ids).where('kind', '=', 'applied').groupBy('user_id').execute();
    return new Map(rows.filter((r) => Number(r.w) >= APPLIED_WEIGHT * BADGE_RULES.putToUseCount).map((r) => [r.user_id, { communityId: null, subjectType: null, subjectId: null }]));
  },
  bridge_builder: async (db, ids) => {
    const rows = await db.selectFrom('expertise_evidence').select(['user_id', sql<number>`count(distinct community_id)`.as('n')]).where('user_id', 'in', ids).where('kind', '=', 'accepted_answer').groupBy('user_id').execute();
    return new Map(rows.filter((r) => Number(r.n) >= BADGE_RULES.bridgeCommunities).map((r) => [r.user_id, { communityId: null, subjectType: null, subjectId: null }]));
  },
  mentor: async (db, ids) => {
    const rows = await db.selectFrom('mentorships').select(['mentor_id', sql<number>`count(distinct mentee_id)`.as('n')]).where('mentor_id', 'in', ids).groupBy('mentor_id').execute();
    return new Map(rows.filter((r) => Number(r.n) >= BADGE_RULES.mentorOf).map((r) => [r.mentor_id, { communityId: null, subjectType: null, subjectId: null }]));
  },
};

/** A badge as shown: which, when, and (when it names one) the community it was earned in. */
export interface BadgeRow {
  badge: string;
  awardedAt: string;
  communityId: number | null;
}

/** The badges of a member, oldest first, leaving out ones earned in communities not in `readable`. */
export async function listBadges(db: Db, userId: number, readable: Set<number>): Promise<BadgeRow[]> {
  const rows = await db.selectFrom('user_badges').select(['badge', 'awarded_at', 'community_id']).where('user_id', '=', userId).orderBy('awarded_at').orderBy('id').execute();
  return rows.filter((r) => r.community_id === null || readable.has(r.community_id)).map((r) => ({ badge: r.badge, awardedAt: r.awarded_at, communityId: r.community_id }));
}
