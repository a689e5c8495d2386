import type { Deps } from '../../core/deps.ts';
import type { Db } from '../../core/db/index.ts';
import { recordActivity } from '../../core/activity.ts';
import { indexArticle } from '../../search/search.index.ts';
import { badRequest, conflict, forbidden, notFound, unauthenticated } from '../../core/http/errors.ts';
import { canPost, canReadCommunity, type Actor, type CommunityAccess } from '../../core/permissions/index.ts';
import { findCommunityForActor, type CommunityRow } from '../../communities/communities.access.ts';
import { renderPostBody } from '../../discussions/post-body.ts';
import { checkTags } from '../../discussions/tags.ts';
import { checkCommunityTags } from '../../people/profiles/tag-policy.ts';
import { recordLinks } from '../links/links.store.ts';
import { findArticle, setTags, type Article, type ArticleType } from './articles.store.ts';
import { refreshExpertise } from '../../people/expertise/expertise.hooks.ts';

/** An article the actor may read, with its community and the actor's access. */
export interface ReadableArticle {
  article: Article;
  community: CommunityRow;
  access: CommunityAccess;
}

/** A community whose content the actor may read; 404 otherwise (never reveals a private one). */
export async function readableCommunity(deps: Deps, actor: Actor | null, slug: string): Promise<{ community: CommunityRow; access: CommunityAccess }> {
  const found = await findCommunityForActor(deps.db, slug, actor);
  if (!found || !canReadCommunity(actor, found.access)) throw notFound('Community');
  return found;
}

/** Loads an article the actor may read; 404 when missing or in a community the actor may not read. */
export async function findReadableArticle(deps: Deps, actor: Actor | null, id: number): Promise<ReadableArticle> {
  const article = await findArticle(deps.db, id);
  if (!article) throw notFound('Article');
  const c = await deps.db.selectFrom('communities').select('slug').where('id', '=', article.communityId).executeTakeFirstOrThrow();
  const found = await findCommunityForActor(deps.db, c.slug, actor);
  if (!found || !canReadCommunity(actor, found.access)) throw notFound('Article');
  return { article, ...found };
}

/** Is the actor an owner of the article? */
export function isOwner(actor: Actor | null, a: Article): boolean {
  return actor !== null && a.owners.some((o) => o.id === actor.id);
}

/** May the actor edit? Members only: owners, stewards and moderators, or any member when the article is a wiki or the community lets members edit every article. */
export function canEditArticle(actor: Actor | null, access: CommunityAccess, a: Article): boolean {
  if (!actor || access.role === null) return false;
  return a.wiki || a.membersEditAll || isOwner(actor, a) || access.role === 'steward' || access.role === 'moderator';
}

/** 401 for anonymous, 403 unless the actor may edit; returns the actor. */
export function assertMayEdit(actor: Actor | null, r: ReadableArticle): Actor {
  if (!actor) throw unauthenticated('Sign in to edit articles.');
  if (!canEditArticle(actor, r.access, r.article)) throw forbidden('Only the owners of this article (or stewards and moderators) may edit it.');
  return actor;
}

/** What an article is written from. */
export interface ArticleInput {
  type: ArticleType;
  title: string;
  body: string;
  tags: string[];
  wiki: boolean;
}

function checkTitle(title: string, max: number): string {
  const t = title.trim();
  if (t === '' || t.length > max) throw badRequest(`Title must be 1 to ${max} characters`, [{ field: 'title', message: `must be 1 to ${max} characters` }]);
  return t;
}

/**
 * Writes a new draft article (members only), the author as first owner, with an activity row. Returns
 * its id. `also` runs inside the same transaction (promote-to-article records its capture there).
 */
export async function createArticle(deps: Deps, actor: Actor | null, slug: string, input: ArticleInput, also?: (tx: Db, id: number, at: string) => Promise<void>): Promise<number> {
  if (!actor) throw unauthenticated('Sign in to write articles.');
  const { community, access } = await readableCommunity(deps, actor, slug);
  if (!canPost(actor, access)) throw forbidden('Only members of this community can write articles. Join it first.');
  const title = checkTitle(input.title, deps.config.limits.titleMax);
  const tags = checkTags(input.tags, deps.config.limits.tagsMax);
  await checkCommunityTags(deps.db, community.id, tags);
  const rendered = await renderPostBody(deps.db, input.body);
  const at = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (tx) => {
    const { id } = await tx
      .insertInto('articles')
      .values({ community_id: community.id, author_id: actor.id, type: input.type, title, body: rendered.body, body_html: rendered.html, wiki: input.wiki ? 1 : 0, created_at: at, updated_at: at, edited_at: null, edited_by: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.insertInto('article_owners').values({ article_id: id, user_id: actor.id, added_at: at }).execute();
    await setTags(tx, id, community.id, tags);
    await recordLinks(tx, { kind: 'article', id }, rendered.html, deps.config.baseUrl, at);
    await indexArticle(tx, id);
    await recordActivity(tx, { actorId: actor.id, verb: 'article.created', communityId: community.id, subjectType: 'article', subjectId: id, data: { title, type: input.type }, at });
    if (also) await also(tx, id, at);
    return id;
  });
}

/** A change to an article; absent fields stay as they are. */
export type ArticleChange = Partial<ArticleInput> & { reason?: string | undefined };

/**
 * Edits an article the actor may edit. When title or body change, the previous version is stored as
 * revision n and the article becomes n+1. Changing `wiki` is for owners, stewards and moderators.
 */
export async function editArticle(deps: Deps, actor: Actor | null, id: number, change: ArticleChange, verb = 'article.edited'): Promise<Article> {
  const r = await findReadableArticle(deps, actor, id);
  const editor = assertMayEdit(actor, r);
  const a = r.article;
  const newTitle = change.title === undefined ? null : checkTitle(change.title, deps.config.limits.titleMax);
  const tags = change.tags === undefined ? null : checkTags(change.tags, deps.config.limits.tagsMax);
  if (tags) await checkCommunityTags(deps.db, a.communityId, tags);
  const rendered = change.body === undefined ? null : await renderPostBody(deps.db, change.body);
  if (change.wiki !== undefined && change.wiki !== a.wiki && !(isOwner(editor, a) || r.access.role === 'steward' || r.access.role === 'moderator')) {
    throw forbidden('Only owners, stewards and moderators may turn wiki editing on or off.');
  }
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    // Touch the row first: on PostgreSQL this locks it, so concurrent edits number revisions in turn.
    await tx.updateTable('articles').set({ updated_at: at }).where('id', '=', a.id).execute();
    const cur = await tx.selectFrom('articles').select(['title', 'body', 'revision']).where('id', '=', a.id).executeTakeFirstOrThrow();
    const title = newTitle ?? cur.title;
    const body = rendered?.body ?? cur.body;
    const textChanged = title !== cur.title || body !== cur.body;
    if (textChanged) {
      await tx.insertInto('article_revisions').values({ article_id: a.id, revision: cur.revision, editor_id: editor.id, title: cur.title, body: cur.body, reason: (change.reason ?? '').slice(0, 300), created_at: at }).execute();
    }
    await tx
      .updateTable('articles')
      .set({
        title,
        body,
        ...(rendered ? { body_html: rendered.html } : {}),
        ...(change.type ? { type: change.type } : {}),
        ...(change.wiki !== undefined ? { wiki: change.wiki ? 1 : 0 } : {}),
        ...(textChanged ? { revision: cur.revision + 1, edited_at: at, edited_by: editor.id } : {}),
      })
      .where('id', '=', a.id)
      .execute();
    if (tags) await setTags(tx, a.id, a.communityId, tags);
    if (tags) await refreshExpertise(tx, { articles: [a.id] }, at);
    if (rendered) await recordLinks(tx, { kind: 'article', id: a.id }, rendered.html, deps.config.baseUrl, at);
    await indexArticle(tx, a.id);
    await recordActivity(tx, { actorId: editor.id, verb, communityId: a.communityId, subjectType: 'article', subjectId: a.id, data: { title, revision: textChanged ? cur.revision + 1 : cur.revision }, at });
  });
  const updated = await findArticle(deps.db, a.id);
  if (!updated) throw conflict('The article was removed meanwhile');
  return updated;
}
