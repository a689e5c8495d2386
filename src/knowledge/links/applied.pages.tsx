import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { notFound, unauthenticated } from '../../core/http/errors.ts';
import type { Actor } from '../../core/permissions/index.ts';
import { idOf, PostPageParams, str, TopicPageParams } from '../../discussions/discussions.http.ts';
import { findReadablePost } from '../../discussions/discussions.service.ts';
import { findReadableArticle } from '../articles/articles.service.ts';
import { markApplied, withdrawApplied } from './applied.service.ts';

/** The "I applied this" forms of article pages and answers on topic pages (work without JavaScript). */
export async function appliedPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const note = (body: unknown) => str(((body ?? {}) as Record<string, unknown>).note);

  async function articleAt(actor: Actor | null, slug: string, rawId: string) {
    if (!actor) throw unauthenticated('Sign in to record that you applied this.');
    const found = await findReadableArticle(deps, actor, idOf(rawId, 'Article'));
    if (found.community.slug !== slug) throw notFound('Article');
    return found.article.id;
  }

  async function postAt(actor: Actor | null, slug: string, rawTopic: string, rawPost: string) {
    if (!actor) throw unauthenticated('Sign in to record that you applied this.');
    const found = await findReadablePost(deps, actor, idOf(rawPost, 'Post'));
    if (found.topic.id !== idOf(rawTopic) || found.topic.community.slug !== slug) throw notFound('Post');
    return found.post.id;
  }

  const back = (reply: FastifyReply, url: string, message: string) => {
    reply.flash(message);
    return reply.redirect(url, 303);
  };

  r.post('/c/:slug/a/:id/applied', { schema: { params: TopicPageParams } }, async (req, reply) => {
    const id = await articleAt(req.actor, req.params.slug, req.params.id);
    await markApplied(deps, req.actor, 'article', id, note(req.body));
    return back(reply, `/c/${req.params.slug}/a/${id}`, 'Thank you: your “I applied this” is recorded.');
  });

  r.post('/c/:slug/a/:id/applied/withdraw', { schema: { params: TopicPageParams } }, async (req, reply) => {
    const id = await articleAt(req.actor, req.params.slug, req.params.id);
    await withdrawApplied(deps, req.actor, 'article', id);
    return back(reply, `/c/${req.params.slug}/a/${id}`, 'Your “I applied this” is withdrawn.');
  });

  r.post('/c/:slug/t/:id/posts/:postId/applied', { schema: { params: PostPageParams } }, async (req, reply) => {
    const id = await postAt(req.actor, req.params.slug, req.params.id, req.params.postId);
    await markApplied(deps, req.actor, 'post', id, note(req.body));
    return back(reply, `/c/${req.params.slug}/t/${req.params.id}#post-${id}`, 'Thank you: your “I applied this” is recorded.');
  });

  r.post('/c/:slug/t/:id/posts/:postId/applied/withdraw', { schema: { params: PostPageParams } }, async (req, reply) => {
    const id = await postAt(req.actor, req.params.slug, req.params.id, req.params.postId);
    await withdrawApplied(deps, req.actor, 'post', id);
    return back(reply, `/c/${req.params.slug}/t/${req.params.id}#post-${id}`, 'Your “I applied this” is withdrawn.');
  });
}
