import type { Db } from '../../core/db/index.ts';
import type { HealthWindow } from '../period.ts';
import type { QuestionFact } from './responsiveness.measures.ts';

/** Reads of the responsiveness figures: the question facts of one community in a window (index community_id, asked_at). */

/** A question fact with the asker's discipline as they share it ('' when empty or kept to themselves: profile_field_privacy 'only_me'). */
export type QuestionFactRow = QuestionFact & { discipline: string };

/** Live questions asked by person accounts in the window, oldest first. */
function questionsIn(db: Db, communityId: number, window: HealthWindow) {
  return db
    .selectFrom('analytics_questions as q')
    .select(['q.asker_id', 'q.asked_at', 'q.asker_joined_at', 'q.response_seconds', 'q.accepted_seconds'])
    .where('q.community_id', '=', communityId)
    .where('q.asked_at', '>=', window.from)
    .where('q.asked_at', '<=', window.to)
    .where('q.deleted', '=', 0)
    .where('q.asker_kind', '=', 'person')
    .orderBy('q.asked_at');
}

const toFact = (r: { asker_id: number; asked_at: string; asker_joined_at: string | null; response_seconds: number | null; accepted_seconds: number | null }): QuestionFact => ({
  askerId: Number(r.asker_id),
  askedAt: r.asked_at,
  askedMs: Date.parse(r.asked_at),
  askerJoinedAt: r.asker_joined_at,
  responseSeconds: r.response_seconds === null ? null : Number(r.response_seconds),
  acceptedSeconds: r.accepted_seconds === null ? null : Number(r.accepted_seconds),
});

/** Live questions asked by person accounts in the window, oldest first, with the asker's shared discipline. */
export async function listQuestionFacts(db: Db, communityId: number, window: HealthWindow): Promise<QuestionFactRow[]> {
  const rows = await questionsIn(db, communityId, window)
    .innerJoin('users as u', 'u.id', 'q.asker_id')
    .leftJoin('profile_field_privacy as p', (j) => j.onRef('p.user_id', '=', 'q.asker_id').on('p.field', '=', 'discipline'))
    .select(['u.discipline', 'p.visibility'])
    .execute();
  return rows.map((r) => ({ ...toFact(r), discipline: r.visibility === 'only_me' ? '' : r.discipline.trim() }));
}

/**
 * The same questions without the asker's discipline (no joins): what the monthly and headline
 * figures need, for the overview and the lifecycle stage.
 */
export async function listQuestionTimes(db: Db, communityId: number, window: HealthWindow): Promise<QuestionFact[]> {
  return (await questionsIn(db, communityId, window).execute()).map(toFact);
}
