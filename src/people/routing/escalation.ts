import { recordActivity } from '../../core/activity.ts';
import type { Db } from '../../core/db/index.ts';
import type { Deps } from '../../core/deps.ts';
import { fieldError, forbidden } from '../../core/http/errors.ts';
import type { Actor, CommunityAccess } from '../../core/permissions/index.ts';
import { findTopicById } from '../../discussions/topics.store.ts';
import { notRoutable, rankForQuestion, writeInvitation } from './routing.service.ts';

/** A community's response target when its stewards set none. */
export const DEFAULT_RESPONSE_TARGET_HOURS = 48;
export const RESPONSE_TARGET_MIN = 1;
export const RESPONSE_TARGET_MAX = 720;
/** Escalation rounds per question (round k is due k × target after asking) and people invited per round. */
export const ESCALATION_ROUNDS = 3;
export const INVITES_PER_ROUND = 3;
/** Questions looked at per sweep (oldest first). */
const SWEEP_BATCH = 200;
const HOUR_MS = 60 * 60 * 1000;

/** The community's response target in hours, and whether it is the default (no setting stored). */
export async function responseTargetOf(db: Db, communityId: number): Promise<{ responseTargetHours: number; isDefault: boolean }> {
  const r = await db.selectFrom('routing_settings').select('response_target_hours').where('community_id', '=', communityId).executeTakeFirst();
  return { responseTargetHours: r?.response_target_hours ?? DEFAULT_RESPONSE_TARGET_HOURS, isDefault: r === undefined };
}

/** Stewards set the response target: 403 for others, 400 naming `responseTargetHours` out of range. */
export async function setResponseTarget(deps: Deps, actor: Actor, community: { id: number }, access: CommunityAccess, hours: number): Promise<number> {
  if (access.role !== 'steward') throw forbidden('Only stewards may change the response target.');
  if (!Number.isInteger(hours) || hours < RESPONSE_TARGET_MIN || hours > RESPONSE_TARGET_MAX) throw fieldError('responseTargetHours', `must be a whole number of hours from ${RESPONSE_TARGET_MIN} to ${RESPONSE_TARGET_MAX}`);
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    const values = { response_target_hours: hours, updated_by: actor.id, updated_at: at };
    await tx.insertInto('routing_settings').values({ community_id: community.id, ...values }).onConflict((oc) => oc.column('community_id').doUpdateSet(values)).execute();
    await recordActivity(tx, { actorId: actor.id, verb: 'community.response_target_changed', communityId: community.id, subjectType: 'community', subjectId: community.id, data: { hours }, at });
  });
  return hours;
}

/**
 * Escalates questions unanswered past their community's response target: round k (1..ESCALATION_ROUNDS)
 * falls due k × target after the question was asked, and invites the next INVITES_PER_ROUND ranked
 * members not yet invited (notified like any invitation), recording a question_escalations row and a
 * `question.escalated` activity in one transaction. A question with any answer, accepted, closed,
 * locked or deleted is never escalated, nor one asked more than (ESCALATION_ROUNDS + 1) × target ago
 * (the backlog: old or imported questions). Returns how many rounds ran.
 */
export async function escalateOverdueQuestions(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.db
    .selectFrom('topics as t')
    .leftJoin('routing_settings as rs', 'rs.community_id', 't.community_id')
    .select(['t.id', 't.created_at', 'rs.response_target_hours'])
    .select((eb) => eb.selectFrom('question_escalations as e').whereRef('e.topic_id', '=', 't.id').select((e) => e.fn.max('e.round').as('r')).as('rounds'))
    .where('t.kind', '=', 'question')
    .where('t.answer_count', '=', 0)
    .where('t.accepted_post_id', 'is', null)
    .where('t.deleted_at', 'is', null)
    .where('t.closed_at', 'is', null)
    .where('t.locked_at', 'is', null)
    .where('t.merged_into', 'is', null)
    .where('t.created_at', '<=', new Date(now.getTime() - RESPONSE_TARGET_MIN * HOUR_MS).toISOString())
    // Backlog is not escalated: only questions still inside their escalation window (bounded here by
    // the longest target, checked exactly below) — an import of old questions must not invite anyone.
    .where('t.created_at', '>=', new Date(now.getTime() - (ESCALATION_ROUNDS + 1) * RESPONSE_TARGET_MAX * HOUR_MS).toISOString())
    .where((eb) => eb.not(eb.exists(eb.selectFrom('question_escalations as f').select('f.id').whereRef('f.topic_id', '=', 't.id').where('f.round', '>=', ESCALATION_ROUNDS))))
    .orderBy('t.created_at')
    .orderBy('t.id')
    .limit(SWEEP_BATCH)
    .execute();
  let ran = 0;
  for (const q of due) {
    const round = Number(q.rounds ?? 0) + 1;
    const target = q.response_target_hours ?? DEFAULT_RESPONSE_TARGET_HOURS;
    if (now.getTime() < Date.parse(q.created_at) + round * target * HOUR_MS) continue;
    if (now.getTime() > Date.parse(q.created_at) + (ESCALATION_ROUNDS + 1) * target * HOUR_MS) continue;
    if (await escalate(deps, q.id, round, now)) ran += 1;
  }
  return ran;
}

async function escalate(deps: Deps, topicId: number, round: number, now: Date): Promise<boolean> {
  const topic = await findTopicById(deps.db, topicId);
  if (!topic || notRoutable(topic) || topic.answerCount > 0) return false;
  const ranked = await rankForQuestion(deps.db, topic, now, 50);
  const next = ranked.filter((s) => s.invitation === null).slice(0, INVITES_PER_ROUND);
  const at = now.toISOString();
  try {
    await deps.db.transaction().execute(async (tx) => {
      await tx.insertInto('question_escalations').values({ topic_id: topicId, community_id: topic.communityId, round, invited_count: next.length, created_at: at }).execute();
      for (const s of next) await writeInvitation(tx, { topic, inviteeId: s.user.id, invitedBy: null, source: 'escalation', at });
      await recordActivity(tx, { actorId: null, verb: 'question.escalated', communityId: topic.communityId, subjectType: 'topic', subjectId: topicId, data: { round, invited: next.map((s) => s.user.username) }, at });
    });
    return true;
  } catch (err) {
    // Another node ran this round first (unique topic_id + round): theirs stands.
    if (await deps.db.selectFrom('question_escalations').select('id').where('topic_id', '=', topicId).where('round', '=', round).executeTakeFirst()) return false;
    throw err;
  }
}

/** Runs the escalation sweep now and every `everyMs` (default 15 min) on an unref'd timer; failures are logged. Returns a stop function. */
export function startEscalationSweeper(deps: Deps, everyMs = 15 * 60 * 1000): () => void {
  const run = () => {
    escalateOverdueQuestions(deps).catch((err: unknown) => deps.log.error({ err }, 'question escalation sweep failed'));
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
