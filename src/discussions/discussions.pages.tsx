import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { AppError, forbidden, notFound, unauthenticated, type FieldIssue } from '../core/http/errors.ts';
import { decodeCursor, encodeCursor } from '../core/http/pagination.ts';
import { issuesFromValidation } from '../core/http/validation.ts';
import { canPost } from '../core/permissions/index.ts';
import { discussionBodies, SlugParams, topicKinds, type TopicKind } from './discussions.schema.ts';
import { findReadableCommunity, findReadableTopic, replyToTopic, startTopic } from './discussions.service.ts';
import { TopicPage } from './discussions.views.tsx';
import { listPosts, pageCursorForPost } from './posts.store.ts';
import { NewTopicPage, ReplyBox, type TopicFormValues } from './topic-form.views.tsx';

const POSTS_PER_PAGE = 50;
const TopicPageQuery = Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 200 })) });
// Page addresses take the id as text, so /c/x/t/abc is a plain 404 page rather than a validation error.
const TopicPageParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }), id: Type.String({ maxLength: 20 }) });

function topicIdOf(raw: string): number {
  const id = /^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id)) throw notFound('Topic');
  return id;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** Field issues of a failed form: schema validation first, then a 400 the service raised. */
function formIssues(req: FastifyRequest): FieldIssue[] {
  return req.validationError ? issuesFromValidation((req.validationError as { validation: Parameters<typeof issuesFromValidation>[0] }).validation) : [];
}

function isFormProblem(err: unknown): err is AppError {
  return err instanceof AppError && err.status === 400 && err.details.length > 0;
}

/** Server-rendered discussion pages: new topic, topic with posts, reply. */
export async function discussionsPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { CreateTopicBody, ReplyBody } = discussionBodies(deps.config.limits);
  const limits = deps.config.limits;

  /** The community a member may start a topic in: 401 anonymous, 404 unreadable, 403 not a member. */
  async function communityToPostIn(req: FastifyRequest, slug: string) {
    if (!req.actor) throw unauthenticated('Sign in to start a topic.');
    const found = await findReadableCommunity(deps, req.actor, slug);
    if (!canPost(req.actor, found.access)) throw forbidden('Only members of this community can start topics. Join it first.');
    return found.community;
  }

  r.get('/c/:slug/t/new', { schema: { params: SlugParams } }, async (req, reply) => {
    if (!req.actor) return reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);
    const community = await communityToPostIn(req, req.params.slug);
    const values: TopicFormValues = { kind: 'discussion', title: '', body: '' };
    return reply.page(`Start a topic in ${community.name}`, <NewTopicPage ctx={reply.viewContext()} community={community} values={values} issues={[]} limits={limits} />);
  });

  r.post('/c/:slug/t/new', { attachValidation: true, schema: { params: SlugParams, body: CreateTopicBody } }, async (req, reply) => {
    const community = await communityToPostIn(req, req.params.slug);
    const raw = (req.body ?? {}) as Record<string, unknown>;
    const kind: TopicKind = topicKinds.includes(raw.kind as TopicKind) ? (raw.kind as TopicKind) : 'discussion';
    const values: TopicFormValues = { kind, title: str(raw.title), body: str(raw.body) };
    const again = (issues: FieldIssue[]) =>
      reply.page(`Start a topic in ${community.name}`, <NewTopicPage ctx={reply.viewContext()} community={community} values={values} issues={issues} limits={limits} />, { status: 400 });
    if (req.validationError) return again(formIssues(req));
    try {
      const { topicId } = await startTopic(deps, req.actor, community.slug, values);
      reply.flash('Your topic is up.');
      return reply.redirect(`/c/${community.slug}/t/${topicId}`, 303);
    } catch (err) {
      if (isFormProblem(err)) return again(err.details);
      throw err;
    }
  });

  async function renderTopic(req: FastifyRequest, reply: FastifyReply, slug: string, id: number, form: { body: string; issues: FieldIssue[]; status: number; cursor?: string }) {
    const { topic, access } = await findReadableTopic(deps, req.actor, id);
    if (topic.community.slug !== slug) throw notFound('Topic');
    const after = decodeCursor(form.cursor);
    const rows = await listPosts(deps.db, topic.id, { limit: POSTS_PER_PAGE + 1, after });
    const posts = rows.slice(0, POSTS_PER_PAGE);
    const last = posts[posts.length - 1];
    const nextHref = rows.length > POSTS_PER_PAGE && last ? `/c/${slug}/t/${id}?cursor=${encodeCursor({ v: last.id, id: last.id })}` : null;
    return reply.page(
      topic.title,
      <TopicPage topic={topic} posts={posts} firstPostId={after ? null : (posts[0]?.id ?? null)} nextHref={nextHref}>
        {nextHref === null && <ReplyBox ctx={reply.viewContext()} topic={topic} mayPost={canPost(req.actor, access)} body={form.body} issues={form.issues} bodyMax={limits.bodyMax} />}
      </TopicPage>,
      { status: form.status },
    );
  }

  r.get('/c/:slug/t/:id', { schema: { params: TopicPageParams, querystring: TopicPageQuery } }, async (req, reply) =>
    renderTopic(req, reply, req.params.slug, topicIdOf(req.params.id), { body: '', issues: [], status: 200, cursor: req.query.cursor }),
  );

  r.post('/c/:slug/t/:id/reply', { attachValidation: true, schema: { params: TopicPageParams, body: ReplyBody } }, async (req, reply) => {
    if (!req.actor) throw unauthenticated('Sign in to reply.');
    const slug = req.params.slug;
    const id = topicIdOf(req.params.id);
    const { topic, access } = await findReadableTopic(deps, req.actor, id);
    if (topic.community.slug !== slug) throw notFound('Topic');
    if (!canPost(req.actor, access)) throw forbidden('Only members of this community can reply. Join it first.');
    const body = str((req.body as Record<string, unknown> | undefined)?.body);
    if (req.validationError) return renderTopic(req, reply, slug, id, { body, issues: formIssues(req), status: 400 });
    try {
      const { post } = await replyToTopic(deps, req.actor, id, body);
      reply.flash('Your reply is posted.');
      const cursor = await pageCursorForPost(deps.db, id, post.id, POSTS_PER_PAGE);
      return reply.redirect(`/c/${slug}/t/${id}${cursor ? `?cursor=${encodeCursor(cursor)}` : ''}#post-${post.id}`, 303);
    } catch (err) {
      if (isFormProblem(err)) return renderTopic(req, reply, slug, id, { body, issues: err.details, status: 400 });
      throw err;
    }
  });
}
