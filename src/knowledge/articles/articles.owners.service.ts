import type { Deps } from '../../core/deps.ts';
import { recordActivity } from '../../core/activity.ts';
import { badRequest, conflict, forbidden, notFound, unauthenticated } from '../../core/http/errors.ts';
import type { Actor } from '../../core/permissions/index.ts';
import { findArticle, type Article } from './articles.store.ts';
import { findReadableArticle, isOwner } from './articles.service.ts';

async function ownerContext(deps: Deps, actor: Actor | null, id: number) {
  if (!actor) throw unauthenticated('Sign in to manage owners.');
  const r = await findReadableArticle(deps, actor, id);
  if (!isOwner(actor, r.article) || r.access.role === null) throw forbidden('Only the owners of this article may change its owners.');
  return { ...r, actor };
}

/** Adds a community member as an owner (owners only; idempotent). 404 unknown user, 400 naming `username` for non-members. */
export async function addOwner(deps: Deps, actor: Actor | null, id: number, username: string): Promise<Article> {
  const { article, community, actor: by } = await ownerContext(deps, actor, id);
  const user = await deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  if (!user) throw notFound('User');
  const member = await deps.db.selectFrom('memberships').select('user_id').where('community_id', '=', community.id).where('user_id', '=', user.id).executeTakeFirst();
  if (!member) throw badRequest('Owners must be members of the community', [{ field: 'username', message: 'is not a member of this community' }]);
  if (!article.owners.some((o) => o.id === user.id)) {
    const at = deps.clock.now().toISOString();
    await deps.db.transaction().execute(async (tx) => {
      await tx.insertInto('article_owners').values({ article_id: article.id, user_id: user.id, added_at: at }).execute();
      await recordActivity(tx, { actorId: by.id, verb: 'article.owner_added', communityId: community.id, subjectType: 'article', subjectId: article.id, data: { userId: user.id }, at });
    });
  }
  return (await findArticle(deps.db, article.id)) ?? article;
}

/** Removes an owner (owners only). 404 when not an owner; 409 when they are the last one. */
export async function removeOwner(deps: Deps, actor: Actor | null, id: number, username: string): Promise<Article> {
  const { article, community, actor: by } = await ownerContext(deps, actor, id);
  const owner = article.owners.find((o) => o.username === username);
  if (!owner) throw notFound('Owner');
  if (article.owners.length === 1) throw conflict('An article needs at least one owner');
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('article_owners').where('article_id', '=', article.id).where('user_id', '=', owner.id).execute();
    await recordActivity(tx, { actorId: by.id, verb: 'article.owner_removed', communityId: community.id, subjectType: 'article', subjectId: article.id, data: { userId: owner.id }, at });
  });
  return (await findArticle(deps.db, article.id)) ?? article;
}
