import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { notFound, unauthenticated, type FieldIssue } from '../../core/http/errors.ts';
import type { Actor } from '../../core/permissions/index.ts';
import { idOf, isFormProblem, PostPageParams, str, TopicPageParams } from '../../discussions/discussions.http.ts';
import { findReadablePost } from '../../discussions/discussions.service.ts';
import { postAddress } from '../../discussions/post-address.ts';
import { findReadableArticle } from '../articles/articles.service.ts';
import { appliedForMarking, markApplied, withdrawApplied, type AppliedSummary } from './applied.service.ts';
import { AppliedAnswerPage } from './links.views.tsx';

/**
 * The "I applied this" form posts of articles and answers (they work without JavaScript), and the page
 * with an answer's forms, which its topic page links to.
 */
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
    return found;
  }

  type Found = Awaited<ReturnType<typeof postAt>>;
  async function answerPage(reply: FastifyReply, f: Found, s: AppliedSummary, status: number, note?: string, issues: FieldIssue[] = []) {
    const backHref = await postAddress(deps.db, f.topic, f.post.id);
    return reply.page(`I applied this: ${f.topic.title}`, <AppliedAnswerPage ctx={reply.viewContext()} topic={f.topic} answer={f.post} backHref={backHref} s={s} note={note} issues={issues} />, { status });
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

  // Linked from under each answer on the topic page, which shows who applied it but not the forms (issue 6).
  r.get('/c/:slug/t/:id/posts/:postId/applied', { schema: { params: PostPageParams } }, async (req, reply) => {
    if (!req.actor) return reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);
    const f = await postAt(req.actor, req.params.slug, req.params.id, req.params.postId);
    return answerPage(reply, f, await appliedForMarking(deps, req.actor, 'post', f.post.id), 200);
  });

  r.post('/c/:slug/t/:id/posts/:postId/applied', { schema: { params: PostPageParams } }, async (req, reply) => {
    const f = await postAt(req.actor, req.params.slug, req.params.id, req.params.postId);
    const id = f.post.id;
    try {
      await markApplied(deps, req.actor, 'post', id, note(req.body));
    } catch (err) {
      // A refused note (checked after every permission) comes back on the form page, as sent.
      if (isFormProblem(err) && err.details.some((d) => d.field === 'note')) return answerPage(reply, f, await appliedForMarking(deps, req.actor, 'post', id), 400, note(req.body), err.details);
      throw err;
    }
    // Back to the page of the topic that holds the answer (a topic page shows 50 posts).
    return back(reply, await postAddress(deps.db, f.topic, id), 'Thank you: your “I applied this” is recorded.');
  });

  r.post('/c/:slug/t/:id/posts/:postId/applied/withdraw', { schema: { params: PostPageParams } }, async (req, reply) => {
    const f = await postAt(req.actor, req.params.slug, req.params.id, req.params.postId);
    await withdrawApplied(deps, req.actor, 'post', f.post.id);
    return back(reply, await postAddress(deps.db, f.topic, f.post.id), 'Your “I applied this” is withdrawn.');
  });
}
