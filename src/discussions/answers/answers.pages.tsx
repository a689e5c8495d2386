import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { AppError, notFound, unauthenticated, type FieldIssue } from '../../core/http/errors.ts';
import { issuesFromValidation } from '../../core/http/validation.ts';
import { topicPageOfPost } from '../post-address.ts';
import { acceptAnswer, unacceptAnswer } from './accept.service.ts';
import { loadAnswerExtras } from './answers.loader.ts';
import { COMMENT_MAX } from './answers.schema.ts';
import { findPostQuote, findPostTarget, findTopicTarget, type PostTarget } from './answers.store.ts';
import { addComment, commentablePost, deleteComment } from './comments.service.ts';
import { findComment } from './comments.store.ts';
import { CommentFormPage, type CommentTarget } from './comments.views.tsx';
import { castVote, removeVote } from './votes.service.ts';

// Page addresses take ids as text, so /c/x/t/1/posts/abc/vote is a plain 404 rather than a validation error.
const idText = Type.String({ maxLength: 20 });
const TopicParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }), id: idText });
const PostParams = Type.Object({ ...TopicParams.properties, postId: idText });
const CommentParams = Type.Object({ ...TopicParams.properties, commentId: idText });
const back = Type.Optional(Type.String({ maxLength: 500 }));
const BackForm = Type.Object({ back });
const BackQuery = Type.Object({ back });
// `next`: the topic page's post-actions form, which the vote buttons submit, names the page it is on.
const VoteForm = Type.Object({ value: Type.Unsafe<'1' | '-1' | '0'>({ type: 'string', enum: ['1', '-1', '0'] }), back, next: back });
const CommentForm = Type.Object({ body: Type.String({ minLength: 1, maxLength: COMMENT_MAX }), back });

function idOf(raw: string, what: string): number {
  const id = /^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id)) throw notFound(what);
  return id;
}

/** The page a form came from when it is this topic's page (any cursor or sort), else undefined. */
function givenBack(raw: unknown, slug: string, topicId: number): string | undefined {
  const base = `/c/${slug}/t/${topicId}`;
  return typeof raw === 'string' && (raw === base || (raw.startsWith(`${base}?`) && !/[#\s\\]/.test(raw))) ? raw : undefined;
}

/** The page a form came from when it is this topic's page (any cursor or sort), else the topic's page. */
function backTo(raw: unknown, slug: string, topicId: number): string {
  return givenBack(raw, slug, topicId) ?? `/c/${slug}/t/${topicId}`;
}

/** For a post's comment page: the page it came from when it is this topic's, else the topic page that holds the post. */
async function backToPost(deps: Deps, raw: unknown, post: PostTarget): Promise<string> {
  return givenBack(raw, post.topic.community.slug, post.topic.id) ?? (await topicPageOfPost(deps.db, post.topic, post.id));
}

/** Throws 404 unless the post exists on the topic at this address (the services check visibility); returns it. */
async function requirePostOnPage(deps: Deps, slug: string, topicId: number, postId: number): Promise<PostTarget> {
  const post = await findPostTarget(deps.db, postId);
  if (!post || post.topic.id !== topicId || post.topic.community.slug !== slug) throw notFound('Post');
  return post;
}

function signedIn(req: FastifyRequest, doing: string): void {
  if (!req.actor) throw unauthenticated(`Sign in to ${doing}.`);
}

/**
 * Form posts of Q&A on the topic page: vote, accept/unaccept, comment, delete a comment. Each redirects back to the post.
 * Also the page of one post's comment form, which the topic page links to rather than carrying a form per post.
 */
export async function answersPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.post('/c/:slug/t/:id/posts/:postId/vote', { schema: { params: PostParams, body: VoteForm } }, async (req, reply) => {
    signedIn(req, 'vote');
    const { slug } = req.params;
    const [topicId, postId] = [idOf(req.params.id, 'Topic'), idOf(req.params.postId, 'Post')];
    const post = await requirePostOnPage(deps, slug, topicId, postId);
    const value = req.body.value;
    await (value === '0' ? removeVote(deps, req.actor, postId) : castVote(deps, req.actor, postId, value === '1' ? 1 : -1));
    reply.flash(value === '0' ? 'Your vote is taken back.' : 'Thanks — your vote is counted.');
    return reply.redirect(`${await backToPost(deps, givenBack(req.body.back, slug, topicId) ?? req.body.next, post)}#post-${postId}`, 303);
  });

  r.post('/c/:slug/t/:id/posts/:postId/accept', { schema: { params: PostParams, body: BackForm } }, async (req, reply) => {
    signedIn(req, 'accept answers');
    const { slug } = req.params;
    const [topicId, postId] = [idOf(req.params.id, 'Topic'), idOf(req.params.postId, 'Post')];
    await requirePostOnPage(deps, slug, topicId, postId);
    await acceptAnswer(deps, req.actor, topicId, postId);
    reply.flash('Answer accepted. Thanks for closing the loop.');
    return reply.redirect(`${backTo(req.body?.back, slug, topicId)}#post-${postId}`, 303);
  });

  r.post('/c/:slug/t/:id/unaccept', { schema: { params: TopicParams, body: BackForm } }, async (req, reply) => {
    signedIn(req, 'accept answers');
    const { slug } = req.params;
    const topicId = idOf(req.params.id, 'Topic');
    const topic = await findTopicTarget(deps.db, topicId);
    if (!topic || topic.community.slug !== slug) throw notFound('Topic');
    const previous = topic.acceptedPostId;
    await unacceptAnswer(deps, req.actor, topicId);
    reply.flash('The answer is no longer marked as accepted.');
    return reply.redirect(`${backTo(req.body?.back, slug, topicId)}${previous ? `#post-${previous}` : ''}`, 303);
  });

  r.get('/c/:slug/t/:id/posts/:postId/comments/new', { schema: { params: PostParams, querystring: BackQuery } }, async (req, reply) => {
    if (!req.actor) return reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);
    const { slug } = req.params;
    const [topicId, postId] = [idOf(req.params.id, 'Topic'), idOf(req.params.postId, 'Post')];
    const post = await requirePostOnPage(deps, slug, topicId, postId);
    // The same 403/404/400/409 as posting the form.
    await commentablePost(deps, req.actor, postId);
    return showCommentPage(req, reply, { topicId, postId, back: await backToPost(deps, req.query.back, post), body: '', issues: [] }, 200);
  });

  r.post('/c/:slug/t/:id/posts/:postId/comments', { attachValidation: true, schema: { params: PostParams, body: CommentForm } }, async (req, reply) => {
    signedIn(req, 'comment');
    const { slug } = req.params;
    const [topicId, postId] = [idOf(req.params.id, 'Topic'), idOf(req.params.postId, 'Post')];
    const post = await requirePostOnPage(deps, slug, topicId, postId);
    const raw = (req.body ?? {}) as Record<string, unknown>;
    const body = typeof raw.body === 'string' ? raw.body : '';
    const backHref = await backToPost(deps, raw.back, post);
    const again = (issues: FieldIssue[]) => refuseComment(req, reply, { topicId, postId, back: backHref, body, issues });
    try {
      if (req.validationError) {
        // 401/403/404/409 win over a complaint about the text.
        await commentablePost(deps, req.actor, postId);
        const v = req.validationError as { validation?: Parameters<typeof issuesFromValidation>[0] };
        return await again(v.validation ? issuesFromValidation(v.validation) : [{ field: 'body', message: 'Comment is not valid' }]);
      }
      const comment = await addComment(deps, req.actor, postId, body);
      reply.flash('Your comment is posted.');
      return reply.redirect(`${backHref}#comment-${comment.id}`, 303);
    } catch (err) {
      if (err instanceof AppError && err.status === 400 && err.details[0]?.field === 'body') return again(err.details);
      throw err;
    }
  });

  r.post('/c/:slug/t/:id/comments/:commentId/delete', { schema: { params: CommentParams, body: BackForm } }, async (req, reply) => {
    signedIn(req, 'delete comments');
    const { slug } = req.params;
    const [topicId, commentId] = [idOf(req.params.id, 'Topic'), idOf(req.params.commentId, 'Comment')];
    const comment = await findComment(deps.db, commentId);
    const post = comment ? await findPostTarget(deps.db, comment.postId) : undefined;
    if (!post || post.topic.id !== topicId || post.topic.community.slug !== slug) throw notFound('Comment');
    await deleteComment(deps, req.actor, commentId);
    reply.flash('The comment is deleted.');
    return reply.redirect(`${backTo(req.body?.back, slug, topicId)}#post-${post.id}`, 303);
  });

  /** Re-renders the comment form alone with what was wrong (400), keeping the text. */
  function refuseComment(req: FastifyRequest, reply: FastifyReply, f: CommentPageFacts) {
    const issues = f.issues.map((i) => ({ field: 'body', message: i.message.replace(/^Body\b/, 'Comment') }));
    return showCommentPage(req, reply, { ...f, issues }, 400);
  }

  /** The comment form of one post on its own page, under the post it comments on. The caller has checked the viewer may comment. */
  async function showCommentPage(req: FastifyRequest, reply: FastifyReply, f: CommentPageFacts, status: number) {
    const [x, topic, quote] = await Promise.all([loadAnswerExtras(deps.db, req.actor, f.topicId, [f.postId], { back: f.back }), findTopicTarget(deps.db, f.topicId), findPostQuote(deps.db, f.postId)]);
    const target: CommentTarget | undefined = quote && { isQuestion: quote.kind === 'opening', authorName: quote.authorName, bodyHtml: quote.bodyHtml };
    return reply.page('Add a comment', <CommentFormPage ctx={reply.viewContext()} x={x} postId={f.postId} topicTitle={topic?.title ?? 'Topic'} target={target} body={f.body} issues={f.issues} />, { status });
  }
}

interface CommentPageFacts {
  topicId: number;
  postId: number;
  back: string;
  body: string;
  issues: FieldIssue[];
}
