import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { unauthenticated } from '../../core/http/errors.ts';
import { decodeCursor, paginate } from '../../core/http/pagination.ts';
import { errorResponses, SlugParams, TopicIdParams } from '../discussions.schema.ts';
import { listBookmarks } from './bookmarks.store.ts';
import { BookmarkListQuery, BookmarkListSchema, BookmarkStateSchema, bookmarkUrl, PostIdParams, ReactionParams, ReactionsSchema, reactionsDto, WatchBody, WatchStateSchema } from './engagement.schema.ts';
import { reactionsOf, setBookmark, setReaction, watchCommunity, watchTopic } from './engagement.service.ts';

const tags = ['engagement'];

async function requireSignedIn(req: FastifyRequest): Promise<void> {
  if (!req.actor) throw unauthenticated();
}

/** The JSON API of reactions, bookmarks and watching. */
export async function engagementApi(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const write = { onRequest: requireSignedIn };
  const writeErrors = errorResponses(400, 401, 403, 404);

  r.get('/api/v1/posts/:id/reactions', { schema: { tags, summary: 'Reaction counts of a post', params: PostIdParams, response: { 200: ReactionsSchema, ...errorResponses(400, 404) } } }, async (req) =>
    reactionsDto(req.params.id, await reactionsOf(deps, req.actor, req.params.id)),
  );
  r.put('/api/v1/posts/:id/reactions/:reaction', { ...write, schema: { tags, summary: 'React to a post (members only; giving it twice changes nothing)', params: ReactionParams, response: { 200: ReactionsSchema, ...writeErrors } } }, async (req) =>
    reactionsDto(req.params.id, await setReaction(deps, req.actor, req.params.id, req.params.reaction, true)),
  );
  r.delete('/api/v1/posts/:id/reactions/:reaction', { ...write, schema: { tags, summary: 'Take back your reaction to a post', params: ReactionParams, response: { 200: ReactionsSchema, ...writeErrors } } }, async (req) =>
    reactionsDto(req.params.id, await setReaction(deps, req.actor, req.params.id, req.params.reaction, false)),
  );

  r.put('/api/v1/posts/:id/bookmark', { ...write, schema: { tags, summary: 'Bookmark a post (a topic: its opening post)', params: PostIdParams, response: { 200: BookmarkStateSchema, ...writeErrors } } }, async (req) =>
    setBookmark(deps, req.actor, req.params.id, true),
  );
  r.delete('/api/v1/posts/:id/bookmark', { ...write, schema: { tags, summary: 'Remove a bookmark', params: PostIdParams, response: { 200: BookmarkStateSchema, ...writeErrors } } }, async (req) =>
    setBookmark(deps, req.actor, req.params.id, false),
  );
  r.get(
    '/api/v1/me/bookmarks',
    { ...write, schema: { tags, summary: 'My bookmarks that I can still read, newest first', querystring: BookmarkListQuery, response: { 200: BookmarkListSchema, ...errorResponses(400, 401) } } },
    async (req) => {
      const limit = req.query.limit ?? 20;
      const rows = await listBookmarks(deps.db, req.actor!, { limit: limit + 1, after: decodeCursor(req.query.cursor) });
      const page = paginate(rows, limit, (b) => ({ v: b.bookmarkedAt, id: b.postId }));
      return { items: page.items.map((b) => ({ ...b, url: bookmarkUrl(b) })), nextCursor: page.nextCursor };
    },
  );

  const watchSummary = 'watch (every post), track (mentions and replies to your topics, the default) or mute (nothing)';
  r.get('/api/v1/topics/:id/watch', { ...write, schema: { tags, summary: 'How closely I follow a topic', params: TopicIdParams, response: { 200: WatchStateSchema, ...errorResponses(400, 401, 404) } } }, async (req) =>
    watchTopic(deps, req.actor, req.params.id),
  );
  r.put('/api/v1/topics/:id/watch', { ...write, schema: { tags, summary: `Follow a topic: ${watchSummary}`, params: TopicIdParams, body: WatchBody, response: { 200: WatchStateSchema, ...writeErrors } } }, async (req) =>
    watchTopic(deps, req.actor, req.params.id, req.body.level),
  );
  r.delete('/api/v1/topics/:id/watch', { ...write, schema: { tags, summary: 'Back to the default level for a topic', params: TopicIdParams, response: { 200: WatchStateSchema, ...writeErrors } } }, async (req) =>
    watchTopic(deps, req.actor, req.params.id, null),
  );
  const community = async (slug: string, req: FastifyRequest, level?: 'watch' | 'track' | 'mute' | null) => {
    const { level: chosen, effective } = await watchCommunity(deps, req.actor, slug, level);
    return { level: chosen, effective };
  };
  r.get('/api/v1/communities/:slug/watch', { ...write, schema: { tags, summary: 'How closely I follow a community', params: SlugParams, response: { 200: WatchStateSchema, ...errorResponses(400, 401, 404) } } }, async (req) =>
    community(req.params.slug, req),
  );
  r.put('/api/v1/communities/:slug/watch', { ...write, schema: { tags, summary: `Follow a community: ${watchSummary}`, params: SlugParams, body: WatchBody, response: { 200: WatchStateSchema, ...writeErrors } } }, async (req) =>
    community(req.params.slug, req, req.body.level),
  );
  r.delete('/api/v1/communities/:slug/watch', { ...write, schema: { tags, summary: 'Back to the default level for a community', params: SlugParams, response: { 200: WatchStateSchema, ...writeErrors } } }, async (req) =>
    community(req.params.slug, req, null),
  );
}
