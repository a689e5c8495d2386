import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { AppError, notFound, unauthenticated } from '../../core/http/errors.ts';
import { idOf, str } from '../../discussions/discussions.http.ts';
import { addOwner, removeOwner } from './articles.owners.service.ts';
import { findReadableArticle } from './articles.service.ts';

const Params = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }), id: Type.String({ maxLength: 20 }) });
const RemoveParams = Type.Object({ ...Params.properties, username: Type.String({ minLength: 1, maxLength: 40 }) });

/** Form posts that add and remove owners of an article (owners only); each redirects back with a flash. */
export async function articleOwnersPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  async function articleId(actorPresent: boolean, slug: string, rawId: string, actor: Parameters<typeof findReadableArticle>[1]): Promise<number> {
    if (!actorPresent) throw unauthenticated('Sign in to manage owners.');
    const { article, community } = await findReadableArticle(deps, actor, idOf(rawId, 'Article'));
    if (community.slug !== slug) throw notFound('Article');
    return article.id;
  }

  r.post('/c/:slug/a/:id/owners', { schema: { params: Params } }, async (req, reply) => {
    const id = await articleId(req.actor !== null, req.params.slug, req.params.id, req.actor);
    const username = str((req.body as Record<string, unknown> | undefined)?.username).trim().replace(/^@/, '');
    try {
      await addOwner(deps, req.actor, id, username);
      reply.flash(`@${username} is now an owner.`);
    } catch (err) {
      // A name that is not a member (or not a user) is the owner's typo: say so on the article page.
      if (!(err instanceof AppError) || (err.status !== 400 && !(err.status === 404 && err.message.startsWith('User')))) throw err;
      reply.flash(`@${username.slice(0, 40)} is not a member of this community, so they cannot be an owner.`);
    }
    return reply.redirect(`/c/${req.params.slug}/a/${id}`, 303);
  });

  r.post('/c/:slug/a/:id/owners/:username/remove', { schema: { params: RemoveParams } }, async (req, reply) => {
    const id = await articleId(req.actor !== null, req.params.slug, req.params.id, req.actor);
    await removeOwner(deps, req.actor, id, req.params.username);
    reply.flash(`@${req.params.username} is no longer an owner.`);
    return reply.redirect(`/c/${req.params.slug}/a/${id}`, 303);
  });
}
