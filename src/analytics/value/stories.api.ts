import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { decodeCursor, paginate } from '../../core/http/pagination.ts';
import { requireSignedIn } from '../../discussions/discussions.http.ts';
import { readableCommunity } from '../../knowledge/articles/articles.service.ts';
import { errorResponses, SlugParams, StoryIdParams, StoryListQuery, StoryListSchema, StorySchema, storyBodies, storyDto, tags } from './stories.schema.ts';
import { createStory, deleteStory, editStory, findReadableStory } from './stories.service.ts';
import { linksOf, listStories } from './stories.store.ts';

/** The JSON API of value-creation stories under /api/v1. */
export async function storiesApi(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { CreateStoryBody, EditStoryBody } = storyBodies(deps.config.limits);
  const show = async (req: FastifyRequest, id: number) => {
    const { story, community } = await findReadableStory(deps, req.actor, id);
    return storyDto(story, community.slug, (await linksOf(deps.db, req.actor, [id])).get(id) ?? []);
  };

  r.get('/api/v1/communities/:slug/value-stories', { schema: { tags, summary: 'List a community’s value-creation stories, newest first', params: SlugParams, querystring: StoryListQuery, response: { 200: StoryListSchema, ...errorResponses(400, 404) } } }, async (req) => {
    const { community } = await readableCommunity(deps, req.actor, req.params.slug);
    const limit = req.query.limit ?? 20;
    const rows = await listStories(deps.db, community.id, { after: decodeCursor(req.query.cursor), limit: limit + 1 });
    const { items, nextCursor } = paginate(rows, limit, (s) => ({ v: s.createdAt, id: s.id }));
    const links = await linksOf(deps.db, req.actor, items.map((s) => s.id));
    return { items: items.map((s) => storyDto(s, community.slug, links.get(s.id) ?? [])), nextCursor };
  });

  r.post('/api/v1/communities/:slug/value-stories', { onRequest: requireSignedIn, schema: { tags, summary: 'Record a value-creation story (members only): what happened, what it gave you, what you did differently, what difference it made', params: SlugParams, body: CreateStoryBody, response: { 201: StorySchema, ...errorResponses(400, 401, 403, 404) } } }, async (req, reply) => {
    const id = await createStory(deps, req.actor, req.params.slug, req.body);
    return reply.status(201).send(await show(req, id));
  });

  r.get('/api/v1/value-stories/:id', { schema: { tags, summary: 'Get a value-creation story with its cycles and links', params: StoryIdParams, response: { 200: StorySchema, ...errorResponses(400, 404) } } }, async (req) => show(req, req.params.id));

  r.patch('/api/v1/value-stories/:id', { onRequest: requireSignedIn, schema: { tags, summary: 'Change a story (its author); links given replace the old ones', params: StoryIdParams, body: EditStoryBody, response: { 200: StorySchema, ...errorResponses(400, 401, 403, 404) } } }, async (req) => {
    await editStory(deps, req.actor, req.params.id, req.body);
    return show(req, req.params.id);
  });

  r.delete('/api/v1/value-stories/:id', { onRequest: requireSignedIn, schema: { tags, summary: 'Delete a story (its author, or a steward of the community)', params: StoryIdParams, response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) } } }, async (req, reply) => {
    await deleteStory(deps, req.actor, req.params.id);
    return reply.status(204).send(null);
  });
}
