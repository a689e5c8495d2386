import { recordActivity } from '../../core/activity.ts';
import type { Deps } from '../../core/deps.ts';
import { badRequest, forbidden, notFound, unauthenticated } from '../../core/http/errors.ts';
import { canPost, type Actor, type CommunityAccess } from '../../core/permissions/index.ts';
import { findReadablePost } from '../../discussions/discussions.service.ts';
import { findReadableArticle } from '../articles/articles.service.ts';
import { appliedOn, deleteApplied, upsertApplied, type AppliedEntry, type AppliedKind } from './applied.store.ts';
import { refreshExpertise } from '../../people/expertise/expertise.hooks.ts';

/** The longest note a member may leave with "I applied this". */
export const APPLIED_NOTE_MAX = 500;

/** Who marked a subject as applied, and whether the asking member did. */
export interface AppliedSummary {
  count: number;
  items: AppliedEntry[];
  mine: AppliedEntry | null;
}

/** A subject as the rules need it: its community, the reader's access, and whose content it is. */
interface Subject {
  communityId: number;
  access: CommunityAccess;
  authorIds: number[];
  /** Title for activity rows. */
  title: string;
}

/**
 * Loads an article or an answer the actor may read (404 otherwise, never revealing private ones).
 * A post must be an answer to a question (400 naming `id`), and not deleted (404).
 */
async function loadSubject(deps: Deps, actor: Actor | null, kind: AppliedKind, id: number): Promise<Subject> {
  if (kind === 'article') {
    const { article, access } = await findReadableArticle(deps, actor, id);
    return { communityId: article.communityId, access, authorIds: [article.author.id, ...article.owners.map((o) => o.id)], title: article.title };
  }
  const { post, topic, access } = await findReadablePost(deps, actor, id);
  if (post.deleted || topic.deleted) throw notFound('Post');
  if (post.kind !== 'answer') throw badRequest('Only answers to questions can be marked as applied', [{ field: 'id', message: 'is not an answer to a question' }]);
  return { communityId: topic.communityId, access, authorIds: [post.author.id], title: topic.title };
}

function summarise(items: AppliedEntry[], actor: Actor | null): AppliedSummary {
  return { count: items.length, items, mine: actor ? (items.find((i) => i.user.id === actor.id) ?? null) : null };
}

/** The "I applied this" marks on a readable article or answer. */
export async function listApplied(deps: Deps, actor: Actor | null, kind: AppliedKind, id: number): Promise<AppliedSummary> {
  await loadSubject(deps, actor, kind, id);
  return summarise((await appliedOn(deps.db, kind, [id])).get(id) ?? [], actor);
}

/** Checks a note: at most APPLIED_NOTE_MAX characters (400 naming `note`). Returns it trimmed. */
export function checkNote(raw: string | undefined): string {
  const note = (raw ?? '').trim();
  if (note.length > APPLIED_NOTE_MAX) throw badRequest(`Note must be at most ${APPLIED_NOTE_MAX} characters`, [{ field: 'note', message: `must be at most ${APPLIED_NOTE_MAX} characters` }]);
  return note;
}

/** The subject when the actor may mark it: signed in (401), may read it (404, see loadSubject), a member (403), not its author (403). */
async function markable(deps: Deps, actor: Actor | null, kind: AppliedKind, id: number): Promise<{ me: Actor; s: Subject }> {
  if (!actor) throw unauthenticated('Sign in to record that you applied this.');
  const s = await loadSubject(deps, actor, kind, id);
  if (!canPost(actor, s.access)) throw forbidden('Only members of this community can record that they applied this. Join it first.');
  if (s.authorIds.includes(actor.id)) throw forbidden('You cannot mark your own content as applied.');
  return { me: actor, s };
}

/**
 * The marks on a subject the actor may mark, for the form that records or withdraws theirs: the same
 * checks and errors as markApplied (401, 404, 400, 403), writing nothing.
 */
export async function appliedForMarking(deps: Deps, actor: Actor | null, kind: AppliedKind, id: number): Promise<AppliedSummary> {
  const { me } = await markable(deps, actor, kind, id);
  return summarise((await appliedOn(deps.db, kind, [id])).get(id) ?? [], me);
}

/**
 * Records that a member applied an article or an answer (again: updates the note). Members of its
 * community only (403; 404 when they may not read it), never on their own content (403).
 * Writes 'knowledge.applied' in the same transaction.
 */
export async function markApplied(deps: Deps, actor: Actor | null, kind: AppliedKind, id: number, rawNote: string | undefined): Promise<AppliedSummary> {
  const { me, s } = await markable(deps, actor, kind, id);
  const note = checkNote(rawNote);
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    await upsertApplied(tx, kind, id, me.id, note, at);
    await recordActivity(tx, { actorId: me.id, verb: 'knowledge.applied', communityId: s.communityId, subjectType: kind, subjectId: id, data: { title: s.title, note }, at });
    await refreshExpertise(tx, kind === 'post' ? { posts: [id] } : { articles: [id] }, at);
  });
  return listApplied(deps, actor, kind, id);
}

/** Withdraws the actor's "I applied this" (404 when there is none). Writes 'knowledge.applied_withdrawn'. */
export async function withdrawApplied(deps: Deps, actor: Actor | null, kind: AppliedKind, id: number): Promise<AppliedSummary> {
  if (!actor) throw unauthenticated('Sign in to withdraw.');
  const s = await loadSubject(deps, actor, kind, id);
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    if (!(await deleteApplied(tx, kind, id, actor.id))) throw notFound('Your “I applied this”');
    await recordActivity(tx, { actorId: actor.id, verb: 'knowledge.applied_withdrawn', communityId: s.communityId, subjectType: kind, subjectId: id, data: { title: s.title }, at });
    await refreshExpertise(tx, kind === 'post' ? { posts: [id] } : { articles: [id] }, at);
  });
  return listApplied(deps, actor, kind, id);
}
