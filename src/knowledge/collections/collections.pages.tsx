import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { badRequest, forbidden, notFound, unauthenticated, type FieldIssue } from '../../core/http/errors.ts';
import { decodeCursor, paginate } from '../../core/http/pagination.ts';
import { canPost } from '../../core/permissions/index.ts';
import { idOf, isFormProblem, str } from '../../discussions/discussions.http.ts';
import { readableCommunity } from '../articles/articles.service.ts';
import { addItem, moveItem, removeItem } from './collection-items.service.ts';
import { canEditCollection, createCollection, deleteCollection, editCollection, findReadableCollection } from './collections.service.ts';
import { itemsOf, listCollections } from './collections.store.ts';
import { CollectionFormPage, CollectionListPage, CollectionPage, type CollectionFormValues } from './collections.views.tsx';

const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });
const PageParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }), id: Type.String({ maxLength: 20 }) });
const ItemPageParams = Type.Object({ ...PageParams.properties, itemId: Type.String({ maxLength: 20 }) });
const ListQuery = Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 200 })) });

const fields = (body: unknown) => (body ?? {}) as Record<string, unknown>;

/** The collection pages: list, new, show, edit, delete, move/remove items, and "Add to collection". Forms work without JavaScript. */
export async function collectionsPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  /** A collection at its address: 404 unless readable and in the community the address names. */
  async function collectionAt(req: FastifyRequest, slug: string, rawId: string) {
    const found = await findReadableCollection(deps, req.actor, idOf(rawId, 'Collection'));
    if (found.community.slug !== slug) throw notFound('Collection');
    return found;
  }

  function form(reply: FastifyReply, community: { slug: string; name: string }, values: CollectionFormValues, issues: FieldIssue[], status: number, id?: number) {
    const heading = id ? 'Edit the collection' : `New collection in ${community.name}`;
    const action = id ? `/c/${community.slug}/collections/${id}/edit` : `/c/${community.slug}/collections/new`;
    return reply.page(heading, <CollectionFormPage ctx={reply.viewContext()} community={community} values={values} issues={issues} action={action} heading={heading} maxTitle={deps.config.limits.titleMax} />, { status });
  }

  async function save(reply: FastifyReply, community: { slug: string; name: string }, values: CollectionFormValues, run: () => Promise<number>, id?: number) {
    try {
      const saved = await run();
      reply.flash(id ? 'Your changes are saved.' : 'Your collection is made. Add articles and topics from their pages.');
      return reply.redirect(`/c/${community.slug}/collections/${saved}`, 303);
    } catch (err) {
      if (isFormProblem(err)) return form(reply, community, values, err.details, 400, id);
      throw err;
    }
  }

  r.get('/c/:slug/collections', { schema: { params: SlugParams, querystring: ListQuery } }, async (req, reply) => {
    const { community, access } = await readableCommunity(deps, req.actor, req.params.slug);
    const rows = await listCollections(deps.db, community.id, { after: decodeCursor(req.query.cursor), limit: 21 });
    const { items, nextCursor } = paginate(rows, 20, (c) => ({ v: c.updatedAt, id: c.id }));
    const all = await itemsOf(deps.db, items.map((c) => c.id));
    const list = items.map((c) => ({ c, count: all.get(c.id)?.length ?? 0 }));
    const nextHref = nextCursor ? `/c/${community.slug}/collections?cursor=${nextCursor}` : null;
    return reply.page(`Collections · ${community.name}`, <CollectionListPage community={community} items={list} nextHref={nextHref} canWrite={canPost(req.actor, access)} />);
  });

  r.get('/c/:slug/collections/new', { schema: { params: SlugParams } }, async (req, reply) => {
    if (!req.actor) return reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);
    const { community, access } = await readableCommunity(deps, req.actor, req.params.slug);
    if (!canPost(req.actor, access)) throw forbidden('Only members of this community can make collections. Join it first.');
    return form(reply, community, { title: '', description: '' }, [], 200);
  });

  r.post('/c/:slug/collections/new', { schema: { params: SlugParams } }, async (req, reply) => {
    if (!req.actor) throw unauthenticated('Sign in to make collections.');
    const { community, access } = await readableCommunity(deps, req.actor, req.params.slug);
    if (!canPost(req.actor, access)) throw forbidden('Only members of this community can make collections. Join it first.');
    const values = { title: str(fields(req.body).title), description: str(fields(req.body).description) };
    return save(reply, community, values, () => createCollection(deps, req.actor, community.slug, values));
  });

  r.get('/c/:slug/collections/:id', { schema: { params: PageParams } }, async (req, reply) => {
    const { collection, community, access } = await collectionAt(req, req.params.slug, req.params.id);
    const items = (await itemsOf(deps.db, [collection.id])).get(collection.id) ?? [];
    return reply.page(collection.title, <CollectionPage ctx={reply.viewContext()} community={community} c={collection} items={items} canEdit={canEditCollection(req.actor, access, collection)} />);
  });

  r.get('/c/:slug/collections/:id/edit', { schema: { params: PageParams } }, async (req, reply) => {
    if (!req.actor) return reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);
    const { collection: c, community, access } = await collectionAt(req, req.params.slug, req.params.id);
    if (!canEditCollection(req.actor, access, c)) throw forbidden('Only the owner of this collection (or stewards and moderators) may change it.');
    return form(reply, community, { title: c.title, description: c.description }, [], 200, c.id);
  });

  r.post('/c/:slug/collections/:id/edit', { schema: { params: PageParams } }, async (req, reply) => {
    if (!req.actor) throw unauthenticated('Sign in to change collections.');
    const { collection: c, community, access } = await collectionAt(req, req.params.slug, req.params.id);
    if (!canEditCollection(req.actor, access, c)) throw forbidden('Only the owner of this collection (or stewards and moderators) may change it.');
    const values = { title: str(fields(req.body).title), description: str(fields(req.body).description) };
    return save(reply, community, values, async () => (await editCollection(deps, req.actor, c.id, values), c.id), c.id);
  });

  r.post('/c/:slug/collections/:id/delete', { schema: { params: PageParams } }, async (req, reply) => {
    if (!req.actor) throw unauthenticated('Sign in to change collections.');
    const { collection, community } = await collectionAt(req, req.params.slug, req.params.id);
    await deleteCollection(deps, req.actor, collection.id);
    reply.flash(`The collection “${collection.title}” is deleted.`);
    return reply.redirect(`/c/${community.slug}/collections`, 303);
  });

  r.post('/c/:slug/collections/:id/items/:itemId/move', { schema: { params: ItemPageParams } }, async (req, reply) => {
    if (!req.actor) throw unauthenticated('Sign in to change collections.');
    const { collection, community } = await collectionAt(req, req.params.slug, req.params.id);
    const direction = str(fields(req.body).direction);
    if (direction !== 'up' && direction !== 'down') throw badRequest('Direction must be up or down', [{ field: 'direction', message: 'must be up or down' }]);
    await moveItem(deps, req.actor, collection.id, idOf(req.params.itemId, 'Item'), direction);
    return reply.redirect(`/c/${community.slug}/collections/${collection.id}`, 303);
  });

  r.post('/c/:slug/collections/:id/items/:itemId/remove', { schema: { params: ItemPageParams } }, async (req, reply) => {
    if (!req.actor) throw unauthenticated('Sign in to change collections.');
    const { collection, community } = await collectionAt(req, req.params.slug, req.params.id);
    await removeItem(deps, req.actor, collection.id, idOf(req.params.itemId, 'Item'));
    reply.flash('The item is removed from the collection.');
    return reply.redirect(`/c/${community.slug}/collections/${collection.id}`, 303);
  });

  // "Add to collection" from an article or topic page: the collection is chosen in the form.
  r.post('/c/:slug/collections/add', { schema: { params: SlugParams } }, async (req, reply) => {
    if (!req.actor) throw unauthenticated('Sign in to change collections.');
    const { community } = await readableCommunity(deps, req.actor, req.params.slug);
    const f = fields(req.body);
    const type = str(f.type);
    if (type !== 'article' && type !== 'topic') throw badRequest('Type must be article or topic', [{ field: 'type', message: 'must be article or topic' }]);
    const targetId = /^[1-9]\d{0,14}$/.test(str(f.targetId)) ? Number(str(f.targetId)) : NaN;
    if (!Number.isSafeInteger(targetId)) throw badRequest('Choose what to add', [{ field: 'targetId', message: 'must be an article or topic id' }]);
    const collectionId = /^[1-9]\d{0,14}$/.test(str(f.collection)) ? Number(str(f.collection)) : NaN;
    if (!Number.isSafeInteger(collectionId)) throw badRequest('Choose a collection', [{ field: 'collection', message: 'Choose a collection' }]);
    const found = await findReadableCollection(deps, req.actor, collectionId);
    if (found.community.id !== community.id) throw badRequest('Choose a collection of this community', [{ field: 'collection', message: 'must be a collection of this community' }]);
    await addItem(deps, req.actor, collectionId, { type, targetId, note: str(f.note) });
    reply.flash(`Added to “${found.collection.title}”.`);
    return reply.redirect(`/c/${community.slug}/${type === 'article' ? 'a' : 't'}/${targetId}`, 303);
  });
}
