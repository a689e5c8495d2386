import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { badRequest, unauthenticated } from '../../core/http/errors.ts';
import { decodeCursor, paginate } from '../../core/http/pagination.ts';
import { articleBodies, articleDto, ArticleIdParams, ArticleListQuery, ArticleListSchema, ArticleSchema, errorResponses, OwnerParams, RestoreParams, RevisionsSchema, SlugParams, tags } from './articles.schema.ts';
import { createArticle, editArticle, findReadableArticle, readableCommunity } from './articles.service.ts';
import { addOwner, removeOwner } from './articles.owners.service.ts';
import { articleHistory, restoreRevision } from './articles.revisions.service.ts';
import { listArticles } from './articles.store.ts';
import { sweepReviews } from '../lifecycle/lifecycle.sweep.ts';
import { wikiDefaultFor } from '../lifecycle/knowledge-settings.store.ts';
import { storyBodyFor } from '../stories/story-input.ts';

async function requireSignedIn(req: FastifyRequest): Promise<void> {
  if (!req.actor) throw unauthenticated();
}

/** The JSON API of articles under /api/v1. */
export async function articlesApi(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { CreateArticleBody, EditArticleBody } = articleBodies(deps.config.limits);
  const slugOf = async (communityId: number) => (await deps.db.selectFrom('communities').select('slug').where('id', '=', communityId).executeTakeFirstOrThrow()).slug;

  r.get('/api/v1/communities/:slug/articles', { schema: { tags, summary: 'List a community’s articles, most recently updated first, filtered by type or tag', params: SlugParams, querystring: ArticleListQuery, response: { 200: ArticleListSchema, ...errorResponses(400, 404) } } }, async (req) => {
    const { community } = await readableCommunity(deps, req.actor, req.params.slug);
    const limit = req.query.limit ?? 20;
    await sweepReviews(deps, { communityId: community.id });
    const rows = await listArticles(deps.db, community.id, { type: req.query.type, tag: req.query.tag, state: req.query.state, after: decodeCursor(req.query.cursor), limit: limit + 1 });
    const { items, nextCursor } = paginate(rows, limit, (a) => ({ v: a.updatedAt, id: a.id }));
    return { items: items.map((a) => articleDto(a, community.slug)), nextCursor };
  });

  r.post('/api/v1/communities/:slug/articles', { onRequest: requireSignedIn, schema: { tags, summary: 'Write an article (members only); it starts as a draft with you as its owner', params: SlugParams, body: CreateArticleBody, response: { 201: ArticleSchema, ...errorResponses(400, 401, 403, 404) } } }, async (req, reply) => {
    const b = req.body;
    const body = storyBodyFor(b.type, b.body, b.story, deps.config.limits.bodyMax);
    if (body === undefined) throw badRequest('Body is required', [{ field: 'body', message: b.type === 'story' ? 'give body or story' : 'is required' }]);
    const id = await createArticle(deps, req.actor, req.params.slug, { type: b.type, title: b.title, body, tags: b.tags ?? [], wiki: b.wiki ?? (await wikiDefaultFor(deps.db, req.params.slug)) });
    const { article, community } = await findReadableArticle(deps, req.actor, id);
    return reply.status(201).send(articleDto(article, community.slug));
  });

  r.get('/api/v1/articles/:id', { schema: { tags, summary: 'Get an article', params: ArticleIdParams, response: { 200: ArticleSchema, ...errorResponses(400, 404) } } }, async (req) => {
    await sweepReviews(deps, { articleId: req.params.id });
    const { article, community } = await findReadableArticle(deps, req.actor, req.params.id);
    return articleDto(article, community.slug);
  });

  r.patch('/api/v1/articles/:id', { onRequest: requireSignedIn, schema: { tags, summary: 'Edit an article (owners, stewards, moderators; any member of a wiki article); the old version is kept', params: ArticleIdParams, body: EditArticleBody, response: { 200: ArticleSchema, ...errorResponses(400, 401, 403, 404) } } }, async (req) => {
    const { story, ...change } = req.body;
    const type = story && !change.type ? (await findReadableArticle(deps, req.actor, req.params.id)).article.type : change.type;
    const body = storyBodyFor(type, change.body, story, deps.config.limits.bodyMax);
    const a = await editArticle(deps, req.actor, req.params.id, { ...change, ...(body !== undefined ? { body } : {}) });
    return articleDto(a, await slugOf(a.communityId));
  });

  r.get('/api/v1/articles/:id/revisions', { schema: { tags, summary: 'The edit history of an article, oldest edit first, with word diffs', params: ArticleIdParams, response: { 200: RevisionsSchema, ...errorResponses(400, 404) } } }, async (req) => {
    const { article, edits } = await articleHistory(deps, req.actor, req.params.id);
    return { articleId: article.id, items: edits };
  });

  r.post('/api/v1/articles/:id/revisions/:rev/restore', { onRequest: requireSignedIn, schema: { tags, summary: 'Restore a stored version as a new revision (same rights as editing)', params: RestoreParams, response: { 200: ArticleSchema, ...errorResponses(400, 401, 403, 404) } } }, async (req) => {
    const a = await restoreRevision(deps, req.actor, req.params.id, req.params.rev);
    return articleDto(a, await slugOf(a.communityId));
  });

  r.put('/api/v1/articles/:id/owners/:username', { onRequest: requireSignedIn, schema: { tags, summary: 'Add a community member as an owner (owners only)', params: OwnerParams, response: { 200: ArticleSchema, ...errorResponses(400, 401, 403, 404) } } }, async (req) => {
    const a = await addOwner(deps, req.actor, req.params.id, req.params.username);
    return articleDto(a, await slugOf(a.communityId));
  });

  r.delete('/api/v1/articles/:id/owners/:username', { onRequest: requireSignedIn, schema: { tags, summary: 'Remove an owner (owners only; never the last one)', params: OwnerParams, response: { 200: ArticleSchema, ...errorResponses(400, 401, 403, 404, 409) } } }, async (req) => {
    const a = await removeOwner(deps, req.actor, req.params.id, req.params.username);
    return articleDto(a, await slugOf(a.communityId));
  });
}
