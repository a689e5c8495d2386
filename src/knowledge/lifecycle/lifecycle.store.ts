import type { Db } from '../../core/db/index.ts';
import type { Person } from '../articles/articles.store.ts';
import { asState, type ArticleState } from './lifecycle.rules.ts';

/** The lifecycle columns of an article. */
export interface LifecycleRow {
  id: number;
  communityId: number;
  title: string;
  state: ArticleState;
  supersededBy: number | null;
  reviewedAt: string | null;
  reviewDueAt: string | null;
  round: number;
}

/** The lifecycle columns of one article, or undefined. */
export async function findLifecycle(db: Db, articleId: number): Promise<LifecycleRow | undefined> {
  const r = await db
    .selectFrom('articles')
    .select(['id', 'community_id', 'title', 'state', 'superseded_by', 'reviewed_at', 'review_due_at', 'endorsement_round'])
    .where('id', '=', articleId)
    .executeTakeFirst();
  if (!r) return undefined;
  return { id: r.id, communityId: r.community_id, title: r.title, state: asState(r.state), supersededBy: r.superseded_by, reviewedAt: r.reviewed_at, reviewDueAt: r.review_due_at, round: Number(r.endorsement_round) };
}

/** A recorded state change; `actor` null = the system. */
export interface Transition {
  id: number;
  from: ArticleState;
  to: ArticleState;
  actor: Person | null;
  reason: string;
  successor: { id: number; title: string } | null;
  at: string;
}

/** An article's recorded state changes, oldest first. */
export async function listTransitions(db: Db, articleId: number): Promise<Transition[]> {
  const rows = await db
    .selectFrom('article_transitions as t')
    .leftJoin('users as u', 'u.id', 't.actor_id')
    .leftJoin('articles as s', 's.id', 't.successor_id')
    .select(['t.id', 't.from_state', 't.to_state', 't.reason', 't.created_at', 'u.id as user_id', 'u.username', 'u.display_name', 's.id as successor_id', 's.title as successor_title'])
    .where('t.article_id', '=', articleId)
    .orderBy('t.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    from: asState(r.from_state),
    to: asState(r.to_state),
    actor: r.user_id !== null && r.username !== null && r.display_name !== null ? { id: r.user_id, username: r.username, displayName: r.display_name } : null,
    reason: r.reason,
    successor: r.successor_id !== null && r.successor_title !== null ? { id: r.successor_id, title: r.successor_title } : null,
    at: r.created_at,
  }));
}

/** Has the article ever been proposed? */
export async function wasEverProposed(db: Db, articleId: number): Promise<boolean> {
  const r = await db.selectFrom('article_transitions').select('id').where('article_id', '=', articleId).where('to_state', '=', 'proposed').limit(1).executeTakeFirst();
  return r !== undefined;
}

/** An endorsement as shown. `current` is true when it counts in the article's present round. */
export interface Endorsement {
  user: Person;
  note: string;
  at: string;
  round: number;
  current: boolean;
}

/** An article's endorsements, newest round first, then oldest first within a round. */
export async function listEndorsements(db: Db, articleId: number, currentRound: number): Promise<Endorsement[]> {
  const rows = await db
    .selectFrom('article_endorsements as e')
    .innerJoin('users as u', 'u.id', 'e.user_id')
    .select(['e.round', 'e.note', 'e.created_at', 'u.id', 'u.username', 'u.display_name'])
    .where('e.article_id', '=', articleId)
    .orderBy('e.round', 'desc')
    .orderBy('e.created_at')
    .orderBy('u.id')
    .execute();
  return rows.map((r) => ({ user: { id: r.id, username: r.username, displayName: r.display_name }, note: r.note, at: r.created_at, round: Number(r.round), current: Number(r.round) === currentRound }));
}

/** How many endorsements count in the round. */
export async function countEndorsements(db: Db, articleId: number, round: number): Promise<number> {
  const r = await db.selectFrom('article_endorsements').select((eb) => eb.fn.countAll<number>().as('n')).where('article_id', '=', articleId).where('round', '=', round).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Articles of the community that name `articleId` as their successor (what it supersedes). */
export async function listSuperseded(db: Db, articleId: number): Promise<Array<{ id: number; title: string }>> {
  return db.selectFrom('articles').select(['id', 'title']).where('superseded_by', '=', articleId).orderBy('id').execute();
}

/** Articles that could succeed `articleId`: same community, not itself, not archived or superseded. */
export async function listSuccessorCandidates(db: Db, communityId: number, articleId: number): Promise<Array<{ id: number; title: string }>> {
  return db
    .selectFrom('articles')
    .select(['id', 'title'])
    .where('community_id', '=', communityId)
    .where('id', '!=', articleId)
    .where('state', 'not in', ['archived', 'superseded'])
    .orderBy('title')
    .orderBy('id')
    .limit(200)
    .execute();
}
