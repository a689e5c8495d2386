import type { Db } from '../../core/db/index.ts';
import type { HealthWindow } from '../period.ts';
import type { QuestionFact } from './responsiveness.measures.ts';

/** Reads of the responsiveness figures: the question facts of one community in a window (index community_id, asked_at). */

/** Live questions asked by person accounts in the window, oldest first. */
export async function listQuestionFacts(db: Db, communityId: number, window: HealthWindow): Promise<QuestionFact[]> {
  const rows = await db
    .selectFrom('analytics_questions')
    .select(['asker_id', 'asked_at', 'asker_joined_at', 'response_seconds', 'accepted_seconds'])
    .where('community_id', '=', communityId)
    .where('asked_at', '>=', window.from)
    .where('asked_at', '<=', window.to)
    .where('deleted', '=', 0)
    .where('asker_kind', '=', 'person')
    .orderBy('asked_at')
    .execute();
  return rows.map((r) => ({
    askerId: Number(r.asker_id),
    askedAt: r.asked_at,
    askerJoinedAt: r.asker_joined_at,
    responseSeconds: r.response_seconds === null ? null : Number(r.response_seconds),
    acceptedSeconds: r.accepted_seconds === null ? null : Number(r.accepted_seconds),
  }));
}

/**
 * The disciplines of the given askers as they share them: '' when empty or when the member keeps the
 * field to themselves (profile_field_privacy 'only_me').
 */
export async function askerDisciplines(db: Db, userIds: readonly number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let i = 0; i < userIds.length; i += 500) {
    const ids = userIds.slice(i, i + 500);
    const rows = await db
      .selectFrom('users')
      .leftJoin('profile_field_privacy as p', (j) => j.onRef('p.user_id', '=', 'users.id').on('p.field', '=', 'discipline'))
      .select(['users.id', 'users.discipline', 'p.visibility'])
      .where('users.id', 'in', ids)
      .execute();
    for (const r of rows) out.set(Number(r.id), r.visibility === 'only_me' ? '' : r.discipline.trim());
  }
  return out;
}
