import type { Deps } from '../../core/deps.ts';
import type { Db } from '../../core/db/index.ts';
import { recordActivity } from '../../core/activity.ts';
import { indexArticle, unindex } from '../../search/search.index.ts';
import { AppError, badRequest, conflict, forbidden, unauthenticated } from '../../core/http/errors.ts';
import type { Actor, CommunityAccess } from '../../core/permissions/index.ts';
import { findReadableArticle, isOwner, type ReadableArticle } from '../articles/articles.service.ts';
import type { Article } from '../articles/articles.store.ts';
import { hasDemonstratedExpertise } from './expertise.ts';
import { findKnowledgeSettings, type KnowledgeSettings } from './knowledge-settings.store.ts';
import { checkDelete, checkEndorse, checkTransition, checkUnendorse, type ArticleState, type Refusal, type Who } from './lifecycle.rules.ts';
import { countEndorsements, findLifecycle, wasEverProposed, type LifecycleRow } from './lifecycle.store.ts';
import { isUniqueViolation } from '../../core/db/errors.ts';
import { discardStoredFiles } from '../attachments/attachments.service.ts';
import { refreshExpertise } from '../../people/expertise/expertise.hooks.ts';

const DAY = 24 * 60 * 60 * 1000;
const REASON_MAX = 500;

/** What the rules need to know about the actor and this article. */
export function whoOf(actor: Actor | null, access: CommunityAccess, a: Article): Who {
  const member = actor !== null && access.role !== null;
  return { member, owner: member && isOwner(actor, a), steward: member && access.role === 'steward' };
}

/** A refusal from the rules as the error the HTTP layer answers with. */
export function refusalError(r: Refusal): AppError {
  const details = r.field ? [{ field: r.field, message: r.message }] : [];
  if (r.kind === 'forbidden') return forbidden(r.message);
  if (r.kind === 'field') return badRequest(r.message, details);
  return conflict(r.message, details);
}

/** The review due date for an endorsement or re-confirmation at `at`. */
export function reviewDueFrom(at: string, days: number): string {
  return new Date(new Date(at).getTime() + days * DAY).toISOString();
}

/** A state change to write, inside the caller's transaction. */
interface Change {
  row: LifecycleRow;
  to: ArticleState;
  actorId: number | null;
  reason: string;
  successorId: number | null;
  verb: string;
  settings: KnowledgeSettings;
  at: string;
}

/**
 * Moves the article from `row.state` to `to`, records the transition and an activity row. Throws 409
 * when the state changed meanwhile (the update is guarded on the old state).
 */
export async function applyTransition(tx: Db, c: Change): Promise<void> {
  const { row, to, at } = c;
  const set = {
    state: to,
    ...(to === 'endorsed' ? { reviewed_at: at, review_due_at: reviewDueFrom(at, c.settings.reviewIntervalDays) } : { review_due_at: null }),
    ...(to === 'proposed' || to === 'needs_review' ? { endorsement_round: row.round + 1 } : {}),
    ...(to === 'superseded' ? { superseded_by: c.successorId } : {}),
  };
  const res = await tx.updateTable('articles').set(set).where('id', '=', row.id).where('state', '=', row.state).executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw conflict('The article’s state changed meanwhile; reload and try again.');
  await tx.insertInto('article_transitions').values({ article_id: row.id, from_state: row.state, to_state: to, actor_id: c.actorId, reason: c.reason, successor_id: c.successorId, created_at: at }).execute();
  await indexArticle(tx, row.id);
  await recordActivity(tx, { actorId: c.actorId, verb: c.verb, communityId: row.communityId, subjectType: 'article', subjectId: row.id, data: { title: row.title, from: row.state, to, ...(c.reason ? { reason: c.reason } : {}), ...(c.successorId ? { successorId: c.successorId } : {}) }, at });
  await refreshExpertise(tx, { articles: [row.id] }, at);
}

function checkReason(raw: string | undefined, required: boolean, what: string): string {
  const reason = (raw ?? '').trim();
  if (reason.length > REASON_MAX) throw badRequest(`Reason must be at most ${REASON_MAX} characters`, [{ field: 'reason', message: `must be at most ${REASON_MAX} characters` }]);
  if (required && reason === '') throw badRequest(`Say why you ${what}`, [{ field: 'reason', message: `say why you ${what}` }]);
  return reason;
}

const successorIssue = (message: string) => badRequest(`Successor: ${message}`, [{ field: 'successorId', message }]);

/** The successor must be another current article of the same community (nothing about other communities is revealed). */
async function checkSuccessor(db: Db, row: LifecycleRow, successorId: number | null | undefined): Promise<number> {
  if (successorId === undefined || successorId === null) throw successorIssue('choose the article that replaces this one');
  if (successorId === row.id) throw successorIssue('an article cannot supersede itself');
  const s = await findLifecycle(db, successorId);
  if (!s || s.communityId !== row.communityId) throw successorIssue('must be an article of this community');
  if (s.state === 'archived' || s.state === 'superseded') throw successorIssue(`must be a current article; that one is ${s.state}`);
  return s.id;
}

async function loadForAct(deps: Deps, actor: Actor | null, id: number, signInMessage: string): Promise<{ r: ReadableArticle; row: LifecycleRow; actor: Actor; who: Who; settings: KnowledgeSettings }> {
  if (!actor) throw unauthenticated(signInMessage);
  const r = await findReadableArticle(deps, actor, id);
  const row = await findLifecycle(deps.db, id);
  if (!row) throw conflict('The article was removed meanwhile');
  const who = whoOf(actor, r.access, r.article);
  if (!who.member) throw forbidden('Only members of this community may do that. Join it first.');
  return { r, row, actor, who, settings: await findKnowledgeSettings(deps.db, row.communityId) };
}

/** A requested state change. */
export interface TransitionRequest {
  to: ArticleState;
  reason?: string | undefined;
  successorId?: number | null | undefined;
}

/**
 * Changes an article's state by hand (see lifecycle.rules.ts). 401 anonymous, 404 unreadable, 403 not
 * allowed, 409 not possible from the current state, 400 missing reason or bad successor.
 */
export async function transitionArticle(deps: Deps, actor: Actor | null, id: number, req: TransitionRequest): Promise<void> {
  const { row, actor: me, who, settings } = await loadForAct(deps, actor, id, 'Sign in to change an article’s state.');
  const plan = checkTransition(row.state, req.to, who);
  if (!plan.ok) throw refusalError(plan);
  const reason = checkReason(req.reason, plan.reasonRequired, req.to === 'archived' ? 'archive it' : 'flag it for review');
  const successorId = plan.successorRequired ? await checkSuccessor(deps.db, row, req.successorId) : null;
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute((tx) => applyTransition(tx, { row, to: req.to, actorId: me.id, reason, successorId, verb: plan.verb, settings, at }));
}

/**
 * Endorses an article. A steward's endorsement (when the community allows it) endorses at once;
 * otherwise it counts towards the community's N and the N-th endorses. 403 own article or no expertise,
 * 409 wrong state or already endorsed this round.
 */
export async function endorseArticle(deps: Deps, actor: Actor | null, id: number, rawNote: string | undefined): Promise<{ endorsed: boolean }> {
  const { r, row, actor: me, who, settings } = await loadForAct(deps, actor, id, 'Sign in to endorse articles.');
  const note = (rawNote ?? '').trim();
  if (note.length > REASON_MAX) throw badRequest(`Note must be at most ${REASON_MAX} characters`, [{ field: 'note', message: `must be at most ${REASON_MAX} characters` }]);
  const expert = who.owner || !who.member ? false : await hasDemonstratedExpertise(deps.db, me.id, row.communityId, r.article.tags);
  const verdict = checkEndorse(row.state, who, expert, settings);
  if (!verdict.ok) throw refusalError(verdict);
  const at = deps.clock.now().toISOString();
  const already = () => conflict('You have already endorsed this article.');
  return deps.db.transaction().execute(async (tx) => {
    // Lock the article's row first (PostgreSQL; SQLite writes one at a time anyway), so endorsements of
    // one article count in turn and the one that completes the N always sees the others.
    await tx.updateTable('articles').set((eb) => ({ endorsement_round: eb.ref('endorsement_round') })).where('id', '=', row.id).execute();
    const now = await tx.selectFrom('articles').select(['state', 'endorsement_round']).where('id', '=', row.id).executeTakeFirst();
    if (!now || now.state !== row.state || now.endorsement_round !== row.round) throw conflict('The article’s state changed meanwhile; reload and try again.');
    const mine = await tx.selectFrom('article_endorsements').select('user_id').where('article_id', '=', row.id).where('round', '=', row.round).where('user_id', '=', me.id).executeTakeFirst();
    if (mine) throw already();
    // Two endorsements by the same member at the same instant: the second meets the unique key.
    await tx.insertInto('article_endorsements').values({ article_id: row.id, round: row.round, user_id: me.id, note, created_at: at }).execute().catch((err: unknown) => {
      throw isUniqueViolation(err) ? already() : err;
    });
    await recordActivity(tx, { actorId: me.id, verb: 'article.endorsement_added', communityId: row.communityId, subjectType: 'article', subjectId: row.id, data: { title: row.title, ...(note ? { note } : {}) }, at });
    const count = await countEndorsements(tx, row.id, row.round);
    if (!verdict.immediate && count < settings.endorsementsRequired) return { endorsed: false };
    const reason = verdict.immediate ? 'endorsed by a steward' : `${count} endorsements by members with expertise`;
    await applyTransition(tx, { row, to: 'endorsed', actorId: me.id, reason, successorId: null, verb: 'article.endorsed', settings, at });
    return { endorsed: true };
  });
}

/** Withdraws the actor's endorsement of the current round. 409 when not collecting endorsements, 404 when there is none. */
export async function withdrawEndorsement(deps: Deps, actor: Actor | null, id: number): Promise<void> {
  const { row, actor: me } = await loadForAct(deps, actor, id, 'Sign in to withdraw an endorsement.');
  const verdict = checkUnendorse(row.state);
  if (!verdict.ok) throw refusalError(verdict);
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    const res = await tx.deleteFrom('article_endorsements').where('article_id', '=', row.id).where('round', '=', row.round).where('user_id', '=', me.id).executeTakeFirst();
    if (Number(res.numDeletedRows) === 0) throw conflict('You have not endorsed this article.');
    await recordActivity(tx, { actorId: me.id, verb: 'article.endorsement_withdrawn', communityId: row.communityId, subjectType: 'article', subjectId: row.id, data: { title: row.title }, at });
  });
}

/** Deletes an article and everything hanging off it (stewards; owners of a never-proposed draft). */
export async function deleteArticle(deps: Deps, actor: Actor | null, id: number): Promise<{ communitySlug: string }> {
  const { r, row, actor: me, who } = await loadForAct(deps, actor, id, 'Sign in to delete articles.');
  const verdict = checkDelete(row.state, await wasEverProposed(deps.db, row.id), who);
  if (!verdict.ok) throw refusalError(verdict);
  const at = deps.clock.now().toISOString();
  const files = await deps.db.transaction().execute(async (tx) => {
    const attached = await tx.selectFrom('attachments').select('storage_key').where('article_id', '=', row.id).execute();
    await tx.deleteFrom('articles').where('id', '=', row.id).execute();
    await unindex(tx, 'article', row.id);
    await recordActivity(tx, { actorId: me.id, verb: 'article.deleted', communityId: row.communityId, subjectType: 'article', subjectId: row.id, data: { title: row.title, state: row.state }, at });
    await refreshExpertise(tx, { articles: [row.id] }, at);
    return attached.map((a) => a.storage_key);
  });
  // The attachment rows went with the article (cascade); their files go once that is committed.
  await discardStoredFiles(deps, files);
  return { communitySlug: r.community.slug };
}
