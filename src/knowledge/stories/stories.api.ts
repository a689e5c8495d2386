import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { unauthenticated } from '../../core/http/errors.ts';
import { findReadableTopic } from '../../discussions/discussions.service.ts';
import { articleDto, ArticleSchema } from '../articles/articles.schema.ts';
import { findReadableArticle } from '../articles/articles.service.ts';
import { promoteTopic } from './promote.service.ts';
import { addStoryLink, removeStoryLink, storyLinks } from './story-links.service.ts';
import { CaptureListSchema, captureDto, errorResponses, IdParams, LinkParams, PromoteBody, StoryLinkBody, StoryLinkListSchema, StoryLinkSchema, storyLinkDto, StoryRefListSchema, storyRefDto, tags } from './stories.schema.ts';
import { capturesOfArticle, capturesOfTopic, storiesAbout } from './stories.store.ts';

async function requireSignedIn(req: FastifyRequest): Promise<void> {
  if (!req.actor) throw unauthenticated();
}

/** The JSON API of story links and promote-to-article under /api/v1. */
export async function storiesApi(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/api/v1/articles/:id/story-links', { schema: { tags, summary: 'A story’s related threads and articles (404 unless the article is a story)', params: IdParams, response: { 200: StoryLinkListSchema, ...errorResponses(400, 404) } } }, async (req) => {
    const { story, links } = await storyLinks(deps, req.actor, req.params.id);
    return { items: links.map((l) => storyLinkDto(l, story.community.slug)) };
  });

  r.post('/api/v1/articles/:id/story-links', { onRequest: requireSignedIn, schema: { tags, summary: 'Link a story to a thread or article of the same community (who may edit the story)', params: IdParams, body: StoryLinkBody, response: { 201: StoryLinkSchema, ...errorResponses(400, 401, 403, 404, 409) } } }, async (req, reply) => {
    const link = await addStoryLink(deps, req.actor, req.params.id, req.body.targetType, req.body.targetId);
    const { community } = await findReadableArticle(deps, req.actor, req.params.id);
    return reply.status(201).send(storyLinkDto(link, community.slug));
  });

  r.delete('/api/v1/articles/:id/story-links/:linkId', { onRequest: requireSignedIn, schema: { tags, summary: 'Remove one of a story’s links (who may edit the story)', params: LinkParams, response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) } } }, async (req, reply) => {
    await removeStoryLink(deps, req.actor, req.params.id, req.params.linkId);
    return reply.status(204).send(null);
  });

  r.get('/api/v1/articles/:id/stories', { schema: { tags, summary: 'Stories that link to this article', params: IdParams, response: { 200: StoryRefListSchema, ...errorResponses(400, 404) } } }, async (req) => {
    const { community } = await findReadableArticle(deps, req.actor, req.params.id);
    return { items: (await storiesAbout(deps.db, 'article', req.params.id)).map((s) => storyRefDto(s, community.slug)) };
  });

  r.get('/api/v1/topics/:id/stories', { schema: { tags, summary: 'Stories that link to this thread', params: IdParams, response: { 200: StoryRefListSchema, ...errorResponses(400, 404) } } }, async (req) => {
    const { topic } = await findReadableTopic(deps, req.actor, req.params.id);
    return { items: (await storiesAbout(deps.db, 'topic', topic.id)).map((s) => storyRefDto(s, topic.community.slug)) };
  });

  r.post('/api/v1/topics/:id/promote', { onRequest: requireSignedIn, schema: { tags, summary: 'Promote a solved question or a discussion to a draft article in its community, quoting it and crediting every contributor (members only)', params: IdParams, body: PromoteBody, response: { 201: ArticleSchema, ...errorResponses(400, 401, 403, 404, 409) } } }, async (req, reply) => {
    const id = await promoteTopic(deps, req.actor, req.params.id, { title: req.body.title, type: req.body.type });
    const { article, community } = await findReadableArticle(deps, req.actor, id);
    return reply.status(201).send(articleDto(article, community.slug));
  });

  r.get('/api/v1/topics/:id/captures', { schema: { tags, summary: 'The articles this thread was captured in, with whom each credits', params: IdParams, response: { 200: CaptureListSchema, ...errorResponses(400, 404) } } }, async (req) => {
    const { topic } = await findReadableTopic(deps, req.actor, req.params.id);
    return { items: (await capturesOfTopic(deps.db, topic.id)).map((c) => captureDto(c, topic.community.slug)) };
  });

  r.get('/api/v1/articles/:id/captures', { schema: { tags, summary: 'The threads this article was captured from, with whom each credits', params: IdParams, response: { 200: CaptureListSchema, ...errorResponses(400, 404) } } }, async (req) => {
    const { community } = await findReadableArticle(deps, req.actor, req.params.id);
    return { items: (await capturesOfArticle(deps.db, req.params.id)).map((c) => captureDto(c, community.slug)) };
  });
}
