import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { notFound, unauthenticated } from '../../core/http/errors.ts';
import { safeNext } from '../../core/http/page-helpers.tsx';
import { decodeCursor, encodeCursor } from '../../core/http/pagination.ts';
import { postAddress } from '../post-address.ts';
import { listBookmarks } from './bookmarks.store.ts';
import { BookmarksPage } from './bookmarks.views.tsx';
import { readablePost, readableTopic } from './engagement.access.ts';
import { checkLevel, reactablePost, setBookmark, setReaction, watchCommunity, watchTopic } from './engagement.service.ts';
import { ReactPage, WatchForm } from './engagement.views.tsx';
import { findPostGist } from './reactions.store.ts';

const text = (max: number) => Type.Optional(Type.String({ maxLength: max }));
const IdParams = Type.Object({ id: Type.String({ maxLength: 20 }) });
const TopicParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }), id: Type.String({ maxLength: 20 }) });
const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });
const ReactForm = Type.Object({ reaction: Type.String({ maxLength: 100 }), on: text(1), next: text(500) });
const ToggleForm = Type.Object({ on: text(1), next: text(500) });
const WatchFormBody = Type.Object({ level: Type.String({ maxLength: 20 }), next: text(500) });

function idOf(raw: string, what: string): number {
  const id = /^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id)) throw notFound(what);
  return id;
}

function signedIn(req: FastifyRequest, doing: string) {
  if (!req.actor) throw unauthenticated(`Sign in to ${doing}.`);
  return req.actor;
}

/**
 * Where to go back to after a form on a topic page: the page the form was on (from the Referer, so
 * a later page of posts stays put) when it is this topic's page, else `next`, else `fallback()`
 * (by default the topic itself).
 */
async function backTo(req: FastifyRequest, topicPath: string, next: string | undefined, anchor: string, fallback = async () => `${topicPath}${anchor}`): Promise<string> {
  try {
    const ref = new URL(req.headers.referer ?? '', 'http://x.invalid');
    if (ref.pathname === topicPath) return `${ref.pathname}${ref.search}${anchor}`;
  } catch {
    // no usable Referer: fall through
  }
  const to = safeNext(next, '');
  if (!to) return fallback();
  return to.includes('#') ? to : `${to}${anchor}`;
}

/** Server-rendered engagement: reaction, bookmark and watch forms, a post's reaction page, the bookmarks page, a community's follow page. */
export async function engagementPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  // A post's reaction page (the topic page links to it rather than carrying five buttons per post): shown
  // to whom the form post below would count, refusing the others as it does (404 before 403, so a
  // private post never shows); visitors go to sign in and come back.
  r.get('/posts/:id/reactions', { schema: { params: IdParams } }, async (req, reply) => {
    if (!req.actor) return reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);
    const { post, topic, counts } = await reactablePost(deps, req.actor, idOf(req.params.id, 'Post'));
    const gist = await findPostGist(deps.db, post.id);
    if (!gist) throw notFound('Post');
    // Back to the page of the topic that holds the post (a topic page shows 50 posts).
    const postPath = await postAddress(deps.db, topic, post.id);
    const d = { postId: post.id, postPath, topicTitle: topic.title, authorName: gist.authorName, excerpt: gist.excerpt, counts };
    return reply.page(`React: ${topic.title}`, <ReactPage ctx={reply.viewContext()} d={d} />);
  });

  r.post('/posts/:id/reactions', { schema: { params: IdParams, body: ReactForm } }, async (req, reply) => {
    const actor = signedIn(req, 'react to posts');
    const id = idOf(req.params.id, 'Post');
    // The page's buttons send `+reaction` (give) or `-reaction` (take back); `reaction` + `on` also works.
    const signed = /^[+-]/.exec(req.body.reaction);
    const on = signed ? signed[0] === '+' : req.body.on !== '0';
    await setReaction(deps, actor, id, signed ? req.body.reaction.slice(1) : req.body.reaction, on);
    const { topic } = await readablePost(deps, actor, id);
    const to = await backTo(req, `/c/${topic.community.slug}/t/${topic.id}`, req.body.next, `#post-${id}`, () => postAddress(deps.db, topic, id));
    return reply.redirect(to, 303);
  });

  r.post('/posts/:id/bookmark', { schema: { params: IdParams, body: ToggleForm } }, async (req, reply) => {
    const actor = signedIn(req, 'bookmark posts');
    const id = idOf(req.params.id, 'Post');
    const { bookmarked } = await setBookmark(deps, actor, id, req.body?.on !== '0');
    const { topic } = await readablePost(deps, actor, id);
    reply.flash(bookmarked ? 'Bookmarked. Find it under Bookmarks.' : 'Bookmark removed.');
    return reply.redirect(await backTo(req, `/c/${topic.community.slug}/t/${topic.id}`, req.body?.next, `#post-${id}`, () => postAddress(deps.db, topic, id)), 303);
  });

  r.get('/bookmarks', { schema: { querystring: Type.Object({ cursor: text(200) }) } }, async (req, reply) => {
    if (!req.actor) return reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);
    const limit = 30;
    const rows = await listBookmarks(deps.db, req.actor, { limit: limit + 1, after: decodeCursor(req.query.cursor) });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const nextHref = rows.length > limit && last ? `/bookmarks?cursor=${encodeCursor({ v: last.bookmarkedAt, id: last.postId })}` : null;
    return reply.page('Bookmarks', <BookmarksPage ctx={reply.viewContext()} items={items} nextHref={nextHref} />);
  });

  r.post('/c/:slug/t/:id/watch', { schema: { params: TopicParams, body: WatchFormBody } }, async (req, reply) => {
    const actor = signedIn(req, 'watch topics');
    const id = idOf(req.params.id, 'Topic');
    const { topic } = await readableTopic(deps, actor, id);
    if (topic.community.slug !== req.params.slug) throw notFound('Topic');
    const before = await watchTopic(deps, actor, id);
    const after = await watchTopic(deps, actor, id, checkLevel(req.body.level));
    if (after.level !== before.level) reply.flash('Saved: you will hear about this topic as you chose.');
    return reply.redirect(await backTo(req, `/c/${topic.community.slug}/t/${topic.id}`, req.body.next, ''), 303);
  });

  r.get('/c/:slug/watch', { schema: { params: SlugParams } }, async (req, reply) => {
    if (!req.actor) return reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);
    const state = await watchCommunity(deps, req.actor, req.params.slug);
    const c = await deps.db.selectFrom('communities').select(['name', 'slug']).where('id', '=', state.communityId).executeTakeFirstOrThrow();
    return reply.page(
      `Notifications from ${c.name}`,
      <>
        <h1>Notifications from {c.name}</h1>
        <p>Choose what you hear about new topics and posts in <a href={`/c/${c.slug}`}>{c.name}</a>. A choice made on a topic wins over this one.</p>
        <WatchForm ctx={reply.viewContext()} action={`/c/${c.slug}/watch`} what="community" level={state.level} next={`/c/${c.slug}`} />
      </>,
    );
  });

  r.post('/c/:slug/watch', { schema: { params: SlugParams, body: WatchFormBody } }, async (req, reply) => {
    const actor = signedIn(req, 'watch communities');
    const state = await watchCommunity(deps, actor, req.params.slug, checkLevel(req.body.level));
    reply.flash(state.level === null ? 'Back to the default: mentions and replies to your topics.' : `Saved: ${state.level} for this community.`);
    return reply.redirect(safeNext(req.body.next, `/c/${req.params.slug}`), 303);
  });
}
