import type { Deps } from '../../core/deps.ts';
import type { Actor } from '../../core/permissions/index.ts';
import { findReadableArticle, type ReadableArticle } from '../articles/articles.service.ts';
import { hasDemonstratedExpertise } from './expertise.ts';
import { findKnowledgeSettings, type KnowledgeSettings } from './knowledge-settings.store.ts';
import { availableTransitions, checkDelete, checkEndorse, endorsableStates, type ArticleState } from './lifecycle.rules.ts';
import { findLifecycle, listEndorsements, listSuperseded, listTransitions, wasEverProposed, type Endorsement, type LifecycleRow, type Transition } from './lifecycle.store.ts';
import { whoOf } from './lifecycle.service.ts';
import { sweepReviews } from './lifecycle.sweep.ts';

/** Everything the article page and the API show about an article's lifecycle. */
export interface LifecycleView {
  row: LifecycleRow;
  settings: KnowledgeSettings;
  transitions: Transition[];
  endorsements: Endorsement[];
  successor: { id: number; title: string } | null;
  supersedes: Array<{ id: number; title: string }>;
  viewer: {
    transitions: ArticleState[];
    mayEndorse: boolean;
    /** Why the viewer may not endorse while endorsements are collected (null when they may, or it does not apply). */
    endorseBlocked: string | null;
    hasEndorsed: boolean;
    mayDelete: boolean;
  };
}

/** The lifecycle of an article already known readable by `actor` (sweeps its review date first). */
export async function lifecycleOf(deps: Deps, actor: Actor | null, r: ReadableArticle): Promise<LifecycleView> {
  await sweepReviews(deps, { articleId: r.article.id });
  const row = await findLifecycle(deps.db, r.article.id);
  if (!row) throw new Error('article vanished while reading its lifecycle');
  const settings = await findKnowledgeSettings(deps.db, row.communityId);
  const who = whoOf(actor, r.access, r.article);
  const [transitions, endorsements, supersedes, everProposed] = await Promise.all([listTransitions(deps.db, row.id), listEndorsements(deps.db, row.id, row.round), listSuperseded(deps.db, row.id), wasEverProposed(deps.db, row.id)]);
  const collecting = endorsableStates.includes(row.state);
  const hasEndorsed = actor !== null && endorsements.some((e) => e.current && e.user.id === actor.id);
  let mayEndorse = false;
  let endorseBlocked: string | null = null;
  if (collecting && who.member && !hasEndorsed) {
    const expert = who.owner ? false : await hasDemonstratedExpertise(deps.db, actor?.id ?? 0, row.communityId, r.article.tags);
    const v = checkEndorse(row.state, who, expert, settings);
    mayEndorse = v.ok;
    endorseBlocked = v.ok ? null : v.message;
  }
  const successor = row.supersededBy === null ? null : ((await deps.db.selectFrom('articles').select(['id', 'title']).where('id', '=', row.supersededBy).executeTakeFirst()) ?? null);
  return {
    row,
    settings,
    transitions,
    endorsements,
    successor,
    supersedes,
    viewer: { transitions: availableTransitions(row.state, who), mayEndorse, endorseBlocked, hasEndorsed: collecting && hasEndorsed, mayDelete: checkDelete(row.state, everProposed, who).ok },
  };
}

/** Loads a readable article (404 otherwise) and its lifecycle. */
export async function readLifecycle(deps: Deps, actor: Actor | null, id: number): Promise<{ r: ReadableArticle; view: LifecycleView }> {
  await sweepReviews(deps, { articleId: id });
  const r = await findReadableArticle(deps, actor, id);
  return { r, view: await lifecycleOf(deps, actor, r) };
}
