import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { unauthenticated } from '../../core/http/errors.ts';
import { decodeCursor, paginate } from '../../core/http/pagination.ts';
import { readableCommunity } from '../articles/articles.service.ts';
import { addItem, removeItem, reorderItems } from './collection-items.service.ts';
import { AddItemBody, collectionBodies, collectionDto, CollectionIdParams, CollectionListQuery, CollectionListSchema, CollectionSchema, errorResponses, ItemParams, ReorderBody, SlugParams, tags } from './collections.schema.ts';
import { createCollection, deleteCollection, editCollection, findReadableCollection } from './collections.service.ts';
import { itemsOf, listCollections } from './collections.store.ts';

async function requireSignedIn(req: FastifyRequest): Promise<void> {
  if (!req.actor) throw unauthenticated();
}

/** The JSON API of collections under /api/v1. */
export async function collectionsApi(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { CreateCollectionBody, EditCollectionBody } = collectionBodies(deps.config.limits);
  const show = async (req: FastifyRequest, id: number) => {
    const { collection, community } = await findReadableCollection(deps, req.actor, id);
    return collectionDto(collection, community.slug, (await itemsOf(deps.db, [id])).get(id) ?? []);
  };

  r.get('/api/v1/communities/:slug/collections', { schema: { tags, summary: 'List a community’s collections, most recently changed first', params: SlugParams, querystring: CollectionListQuery, response: { 200: CollectionListSchema, ...errorResponses(400, 404) } } }, async (req) => {
    const { community } = await readableCommunity(deps, req.actor, req.params.slug);
    const limit = req.query.limit ?? 20;
    const rows = await listCollections(deps.db, community.id, { after: decodeCursor(req.query.cursor), limit: limit + 1 });
    const { items, nextCursor } = paginate(rows, limit, (c) => ({ v: c.updatedAt, id: c.id }));
    const all = await itemsOf(deps.db, items.map((c) => c.id));
    return { items: items.map((c) => collectionDto(c, community.slug, all.get(c.id) ?? [])), nextCursor };
  });

  r.post('/api/v1/communities/:slug/collections', { onRequest: requireSignedIn, schema: { tags, summary: 'Make a collection (members only); you own it', params: SlugParams, body: CreateCollectionBody, response: { 201: CollectionSchema, ...errorResponses(400, 401, 403, 404) } } }, async (req, reply) => {
    const id = await createCollection(deps, req.actor, req.params.slug, req.body);
    return reply.status(201).send(await show(req, id));
  });

  r.get('/api/v1/collections/:id', { schema: { tags, summary: 'Get a collection with its items in order', params: CollectionIdParams, response: { 200: CollectionSchema, ...errorResponses(400, 404) } } }, async (req) => show(req, req.params.id));

  r.patch('/api/v1/collections/:id', { onRequest: requireSignedIn, schema: { tags, summary: 'Change a collection’s title or description (owner, stewards, moderators)', params: CollectionIdParams, body: EditCollectionBody, response: { 200: CollectionSchema, ...errorResponses(400, 401, 403, 404) } } }, async (req) => {
    await editCollection(deps, req.actor, req.params.id, req.body);
    return show(req, req.params.id);
  });

  r.delete('/api/v1/collections/:id', { onRequest: requireSignedIn, schema: { tags, summary: 'Delete a collection (owner, stewards, moderators); its articles and topics stay', params: CollectionIdParams, response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) } } }, async (req, reply) => {
    await deleteCollection(deps, req.actor, req.params.id);
    return reply.status(204).send(null);
  });

  r.post('/api/v1/collections/:id/items', { onRequest: requireSignedIn, schema: { tags, summary: 'Add an article or topic of the same community at the end (owner, stewards, moderators)', params: CollectionIdParams, body: AddItemBody, response: { 201: CollectionSchema, ...errorResponses(400, 401, 403, 404, 409) } } }, async (req, reply) => {
    await addItem(deps, req.actor, req.params.id, req.body);
    return reply.status(201).send(await show(req, req.params.id));
  });

  r.delete('/api/v1/collections/:id/items/:itemId', { onRequest: requireSignedIn, schema: { tags, summary: 'Remove an item (owner, stewards, moderators)', params: ItemParams, response: { 200: CollectionSchema, ...errorResponses(400, 401, 403, 404) } } }, async (req) => {
    await removeItem(deps, req.actor, req.params.id, req.params.itemId);
    return show(req, req.params.id);
  });

  r.put('/api/v1/collections/:id/items', { onRequest: requireSignedIn, schema: { tags, summary: 'Reorder: send every item id in the new order (owner, stewards, moderators)', params: CollectionIdParams, body: ReorderBody, response: { 200: CollectionSchema, ...errorResponses(400, 401, 403, 404) } } }, async (req) => {
    await reorderItems(deps, req.actor, req.params.id, req.body.items);
    return show(req, req.params.id);
  });
}
