import { breathe, type Pace } from '../pace.ts';
import type { Db } from '../../core/db/index.ts';
import type { AnalyticsQuestionTable } from '../../core/db/tables/analytics-questions.ts';
import type { ActivityRow, AnalyticsStep } from '../refresh.ts';
import { secondsBetween } from './responsiveness.measures.ts';
import { loadAcceptedAt, loadJoins, loadKinds, loadQuestions, loadResponses, saveQuestions, topicsOfPosts, topicsTouchedBy } from './questions.store.ts';

const BATCH = 500;

/** Verbs whose row names the topic in data.topicId (or the post it belongs to in data.postId / the subject). */
const TOPIC_VERBS = new Set(['post.created', 'post.deleted', 'comment.created', 'comment.deleted', 'answer.accepted']);

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

/**
 * Keeps analytics_questions: one fact row per question (docs/analytics/responsiveness.md). Every
 * question a new activity row touches (asked, answered, replied or commented in, accepted, deleted,
 * moved, merged, or its asker's or a responder's account kind changed) is computed again from the
 * topics, posts and comments tables, so the step is idempotent and a backdated import lands right.
 * The accept time is the one thing the tables do not keep: it is the earliest answer.accepted seen,
 * kept across refreshes.
 */
export const questionsStep: AnalyticsStep = {
  name: 'questions',
  tables: ['analytics_questions'],
  begin(db: Db, _now: Date, pace?: Pace) {
    const topics = new Set<number>();
    const posts = new Set<number>();
    const users = new Set<number>();
    const accepts = new Map<number, string>();
    return {
      add(rows: readonly ActivityRow[]) {
        for (const r of rows) {
          if (r.verb === 'topic.created' && r.subjectId !== null && r.data.kind !== 'discussion') topics.add(r.subjectId);
          else if (r.verb === 'topic.moved' || r.verb === 'topic.merged') {
            if (r.subjectId !== null) topics.add(r.subjectId);
            const into = num(r.data.into);
            if (into !== null) topics.add(into);
          } else if (r.verb === 'user.kind_changed') {
            const id = r.subjectType === 'user' ? r.subjectId : num(r.data.userId);
            if (id !== null) users.add(id);
          } else if (TOPIC_VERBS.has(r.verb)) {
            const topicId = num(r.data.topicId);
            if (topicId !== null) topics.add(topicId);
            else if (r.subjectType === 'post' && r.subjectId !== null) posts.add(r.subjectId);
            else if (num(r.data.postId) !== null) posts.add(num(r.data.postId)!);
            if (r.verb === 'answer.accepted') {
              // Without data.topicId (older rows) the accept is keyed by its post and resolved in finish.
              const key = topicId ?? -(r.subjectId ?? 0);
              const seen = accepts.get(key);
              if (!seen || r.at < seen) accepts.set(key, r.at);
            }
          }
        }
      },
      async finish() {
        for (const id of await topicsOfPosts(db, [...posts])) topics.add(id);
        for (const u of users) for (const id of await topicsTouchedBy(db, u)) topics.add(id);
        await resolveAcceptsByPost(db, accepts);
        const all = [...topics];
        // One transaction per batch of topics (each batch is whole in itself), giving way between them.
        for (let i = 0; i < all.length; i += BATCH) {
          await db.transaction().execute((tx) => recompute(tx, all.slice(i, i + BATCH), accepts));
          await breathe(pace);
        }
      },
    };
  },
};

/** Moves accepts keyed by a post (negative key) to their topic. */
async function resolveAcceptsByPost(db: Db, accepts: Map<number, string>): Promise<void> {
  for (const [key, at] of [...accepts]) {
    if (key >= 0) continue;
    accepts.delete(key);
    const [topicId] = await topicsOfPosts(db, [-key]);
    if (topicId === undefined) continue;
    const seen = accepts.get(topicId);
    if (!seen || at < seen) accepts.set(topicId, at);
  }
}

/** Computes the fact rows of one batch of touched topics and writes them. */
async function recompute(db: Db, ids: number[], accepts: ReadonlyMap<number, string>): Promise<void> {
  const questions = await loadQuestions(db, ids);
  const qids = questions.map((q) => q.id);
  const responses = await loadResponses(db, qids);
  const kinds = await loadKinds(db, [...new Set(questions.map((q) => q.askerId))]);
  const joins = await loadJoins(db, questions.map((q) => ({ communityId: q.communityId, userId: q.askerId })));
  const stored = await loadAcceptedAt(db, qids);
  const first = new Map<number, { at: string; by: number }>();
  const asker = new Map(questions.map((q) => [q.id, q.askerId]));
  for (const r of responses) {
    if (r.authorId === asker.get(r.topicId)) continue;
    const seen = first.get(r.topicId);
    if (!seen || r.at < seen.at || (r.at === seen.at && r.authorId < seen.by)) first.set(r.topicId, { at: r.at, by: r.authorId });
  }
  const rows: AnalyticsQuestionTable[] = questions.map((q) => {
    const resp = first.get(q.id) ?? null;
    const accepted = [stored.get(q.id), accepts.get(q.id)].filter((x): x is string => !!x).sort()[0] ?? null;
    return {
      topic_id: q.id,
      community_id: q.communityId,
      asker_id: q.askerId,
      asker_kind: kinds.get(q.askerId) ?? 'person',
      asker_joined_at: joins.get(`${q.communityId}:${q.askerId}`) ?? null,
      asked_at: q.askedAt,
      first_response_at: resp?.at ?? null,
      first_responder_id: resp?.by ?? null,
      response_seconds: resp ? secondsBetween(q.askedAt, resp.at) : null,
      accepted_at: accepted,
      accepted_seconds: accepted ? secondsBetween(q.askedAt, accepted) : null,
      deleted: q.deleted ? 1 : 0,
    };
  });
  const kept = new Set(qids);
  await saveQuestions(db, rows, ids.filter((id) => !kept.has(id)));
}
