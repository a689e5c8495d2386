import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { forbidden, notFound, unauthenticated, type FieldIssue } from '../../core/http/errors.ts';
import { decodeCursor, paginate } from '../../core/http/pagination.ts';
import { canPost } from '../../core/permissions/index.ts';
import { formIssues, idOf, isFormProblem, str } from '../../discussions/discussions.http.ts';
import { parseTagField } from '../../discussions/tags.ts';
import { ArticlePage } from './article-page.views.tsx';
import { loadArticleSlots } from './article-slots.tsx';
import { loadGlossaryMarker } from '../glossary/glossary-marks.ts';
import { ArticleRevisionsPage } from './article-revisions.views.tsx';
import { canEditArticle, createArticle, isOwner, editArticle, findReadableArticle, readableCommunity } from './articles.service.ts';
import { articleHistory, restoreRevision } from './articles.revisions.service.ts';
import { articleTypes, listArticles, type ArticleType } from './articles.store.ts';
import { ArticleFormPage, ArticleListPage, type ArticleFormValues } from './articles.views.tsx';
import { articleStates, type ArticleState } from '../lifecycle/lifecycle.rules.ts';
import { sweepReviews } from '../lifecycle/lifecycle.sweep.ts';
import { wikiDefaultFor } from '../lifecycle/knowledge-settings.store.ts';
import { storyFormIssues, storyOfForm } from '../stories/story-input.ts';
import { composeStory } from '../stories/story-template.ts';
import { recordViewLater } from '../../analytics/views/views.service.ts';

const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });
const PageParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }), id: Type.String({ maxLength: 20 }) });
const RestorePageParams = Type.Object({ ...PageParams.properties, rev: Type.String({ maxLength: 20 }) });
const ListQuery = Type.Object({ type: Type.Optional(Type.String({ maxLength: 40 })), tag: Type.Optional(Type.String({ maxLength: 40 })), state: Type.Optional(Type.String({ maxLength: 40 })), cursor: Type.Optional(Type.String({ maxLength: 200 })) });

const typeOf = (v: unknown): ArticleType | null => (articleTypes.includes(v as ArticleType) ? (v as ArticleType) : null);

function valuesOf(body: unknown): ArticleFormValues {
  const raw = (body ?? {}) as Record<string, unknown>;
  const story = storyOfForm(raw);
  return { type: str(raw.type), title: str(raw.title), body: story ? composeStory(story) : str(raw.body), tags: str(raw.tags), wiki: raw.wiki === 'on', reason: str(raw.reason), ...(story ? { story } : {}) };
}

/** The article pages: list, new, show, edit, history and restore. Forms work without JavaScript. */
export async function articlesPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const limits = deps.config.limits;

  /** An article at its address: 404 unless readable and in the community the address names. */
  async function articleAt(req: FastifyRequest, slug: string, rawId: string) {
    await sweepReviews(deps, { articleId: idOf(rawId, 'Article') });
    const found = await findReadableArticle(deps, req.actor, idOf(rawId, 'Article'));
    if (found.community.slug !== slug) throw notFound('Article');
    return found;
  }

  async function writable(req: FastifyRequest, slug: string) {
    if (!req.actor) throw unauthenticated('Sign in to write articles.');
    const found = await readableCommunity(deps, req.actor, slug);
    if (!canPost(req.actor, found.access)) throw forbidden('Only members of this community can write articles. Join it first.');
    return found.community;
  }

  function form(reply: FastifyReply, community: { slug: string; name: string }, values: ArticleFormValues, issues: FieldIssue[], status: number, articleId?: number) {
    const editing = articleId !== undefined;
    const action = editing ? `/c/${community.slug}/a/${articleId}/edit` : `/c/${community.slug}/articles/new`;
    const heading = editing ? 'Edit the article' : `Write an article in ${community.name}`;
    return reply.page(heading, <ArticleFormPage ctx={reply.viewContext()} community={community} values={values} issues={issues} action={action} heading={heading} editing={editing} />, { status });
  }

  async function save(reply: FastifyReply, community: { slug: string; name: string }, values: ArticleFormValues, run: (type: ArticleType, tags: string[]) => Promise<number>, articleId?: number) {
    try {
      const type = typeOf(values.type);
      if (!type) return form(reply, community, values, [{ field: 'type', message: 'Choose a type' }], 400, articleId);
      const storyProblems = values.story ? storyFormIssues(values.story, limits.bodyMax) : [];
      if (storyProblems.length > 0) return form(reply, community, values, storyProblems, 400, articleId);
      const id = await run(type, parseTagField(values.tags, limits.tagsMax));
      reply.flash(articleId ? 'Your changes are saved.' : 'Your draft article is saved.');
      return reply.redirect(`/c/${community.slug}/a/${id}`, 303);
    } catch (err) {
      if (isFormProblem(err)) return form(reply, community, values, err.details, 400, articleId);
      throw err;
    }
  }

  r.get('/c/:slug/articles', { schema: { params: SlugParams, querystring: ListQuery } }, async (req, reply) => {
    const { community, access } = await readableCommunity(deps, req.actor, req.params.slug);
    const type = typeOf(req.query.type) ?? undefined;
    const tag = req.query.tag?.trim().toLowerCase() || undefined;
    const state = articleStates.includes(req.query.state as ArticleState) ? req.query.state : undefined;
    await sweepReviews(deps, { communityId: community.id });
    const rows = await listArticles(deps.db, community.id, { type, tag, state, after: decodeCursor(req.query.cursor), limit: 21 });
    const { items, nextCursor } = paginate(rows, 20, (a) => ({ v: a.updatedAt, id: a.id }));
    const qs = new URLSearchParams({ ...(type ? { type } : {}), ...(tag ? { tag } : {}), ...(state ? { state } : {}), ...(nextCursor ? { cursor: nextCursor } : {}) });
    const page = <ArticleListPage community={community} items={items} type={type ?? ''} tag={tag ?? ''} state={state ?? ''} nextHref={nextCursor ? `/c/${community.slug}/articles?${qs}` : null} canWrite={canPost(req.actor, access)} />;
    return reply.page(`Articles · ${community.name}`, page);
  });

  r.get('/c/:slug/articles/new', { schema: { params: SlugParams } }, async (req, reply) => {
    if (!req.actor) return reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);
    const community = await writable(req, req.params.slug);
    return form(reply, community, { type: 'how-to', title: '', body: '', tags: '', wiki: await wikiDefaultFor(deps.db, community.slug), reason: '' }, [], 200);
  });

  r.post('/c/:slug/articles/new', { attachValidation: true, schema: { params: SlugParams } }, async (req, reply) => {
    const community = await writable(req, req.params.slug);
    const values = valuesOf(req.body);
    if (req.validationError) return form(reply, community, values, formIssues(req), 400);
    return save(reply, community, values, (type, tags) => createArticle(deps, req.actor, community.slug, { ...values, type, tags }));
  });

  r.get('/c/:slug/a/:id', { schema: { params: PageParams } }, async (req, reply) => {
    const { article, community, access } = await articleAt(req, req.params.slug, req.params.id);
    const ctx = reply.viewContext();
    const slots = await loadArticleSlots({ deps, ctx, actor: req.actor, access, community, article });
    const mark = await loadGlossaryMarker(deps.db, community);
    recordViewLater(deps, req.actor, { type: 'article', id: article.id, communityId: community.id });
    return reply.page(article.title, <ArticlePage ctx={ctx} community={community} a={{ ...article, bodyHtml: mark(article.bodyHtml) }} canEdit={canEditArticle(req.actor, access, article)} isOwner={access.role !== null && isOwner(req.actor, article)} slots={slots} />);
  });

  r.get('/c/:slug/a/:id/edit', { schema: { params: PageParams } }, async (req, reply) => {
    if (!req.actor) return reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);
    const { article: a, community, access } = await articleAt(req, req.params.slug, req.params.id);
    if (!canEditArticle(req.actor, access, a)) throw forbidden('Only the owners of this article (or stewards and moderators) may edit it.');
    return form(reply, community, { type: a.type, title: a.title, body: a.body, tags: a.tags.join(', '), wiki: a.wiki, reason: '' }, [], 200, a.id);
  });

  r.post('/c/:slug/a/:id/edit', { schema: { params: PageParams } }, async (req, reply) => {
    if (!req.actor) throw unauthenticated('Sign in to edit articles.');
    const { article: a, community, access } = await articleAt(req, req.params.slug, req.params.id);
    if (!canEditArticle(req.actor, access, a)) throw forbidden('Only the owners of this article (or stewards and moderators) may edit it.');
    const values = valuesOf(req.body);
    return save(reply, community, values, async (type, tags) => (await editArticle(deps, req.actor, a.id, { type, title: values.title, body: values.body, tags, wiki: values.wiki, reason: values.reason })).id, a.id);
  });

  r.get('/c/:slug/a/:id/revisions', { schema: { params: PageParams } }, async (req, reply) => {
    const { article } = await articleAt(req, req.params.slug, req.params.id);
    const { community, access, edits } = await articleHistory(deps, req.actor, article.id);
    return reply.page(`History: ${article.title}`, <ArticleRevisionsPage ctx={reply.viewContext()} community={community} a={article} edits={edits} canEdit={canEditArticle(req.actor, access, article)} />);
  });

  r.post('/c/:slug/a/:id/revisions/:rev/restore', { schema: { params: RestorePageParams } }, async (req, reply) => {
    if (!req.actor) throw unauthenticated('Sign in to restore a version.');
    const { article, community } = await articleAt(req, req.params.slug, req.params.id);
    await restoreRevision(deps, req.actor, article.id, idOf(req.params.rev, 'Revision'));
    reply.flash(`Version ${req.params.rev} is restored as a new version.`);
    return reply.redirect(`/c/${community.slug}/a/${article.id}`, 303);
  });
}
