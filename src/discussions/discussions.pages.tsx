import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { iso } from '../core/clock.ts';
import type { Deps } from '../core/deps.ts';
import { forbidden, notFound, unauthenticated, type FieldIssue } from '../core/http/errors.ts';
import { decodeCursor, encodeCursor } from '../core/http/pagination.ts';
import { canPost } from '../core/permissions/index.ts';
import { PostActionsForm } from '../core/views/components.tsx';
import { keptContext } from '../core/views/kept-markup.ts';
import { CrosspostPanel } from './crossposts.views.tsx';
import { crosspostTargets, memberCommunities } from './crossposts.store.ts';
import { isModerator, mayChangePost, mayCrosspost } from './discussions.rules.ts';
import { discussionBodies, postSorts, StringEnum, type PostSort } from './discussions.schema.ts';
import { formIssues, idOf, isFormProblem, str, TopicPageParams } from './discussions.http.ts';
import { findReadableTopic } from './discussions.service.ts';
import { TopicPage } from './discussions.views.tsx';
import { loadGlossaryMarker } from '../knowledge/glossary/glossary-marks.ts';
import { replyToTopic } from './posting.service.ts';
import { POSTS_PER_PAGE } from './post-address.ts';
import { listPosts, pageCursorForPost, postCursor, type Post } from './posts.store.ts';
import { markReadToLatest } from './read-state.store.ts';
import { tagsOfTopics } from './tags.store.ts';
import { visiblePosts } from './topic-dto.ts';
import { ReplyBox } from './topic-form.views.tsx';
import { loadTopicSlots } from './topic-slots.tsx';
import { mergedTopicAddressOf } from './moderation/moderation.view-model.ts';
import { findTopicState, type TopicState } from './moderation/topic-state.store.ts';
import { recordViewLater } from '../analytics/views/views.service.ts';

const TopicPageQuery = Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 200 })), sort: Type.Optional(StringEnum<PostSort>(postSorts)) });

/** The topic page (/c/:slug/t/:id) and the reply form behind it. */
export async function discussionsPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { ReplyBody } = discussionBodies(deps.config.limits);
  const limits = deps.config.limits;

  /** The topic under this address: 404 unless it is readable and lives in this community. */
  async function topicAt(req: FastifyRequest, slug: string, id: number) {
    const found = await findReadableTopic(deps, req.actor, id);
    if (found.topic.community.slug !== slug) throw notFound('Topic');
    return found;
  }

  async function renderTopic(req: FastifyRequest, reply: FastifyReply, slug: string, id: number, form: { body: string; issues: FieldIssue[]; status: number; cursor?: string; sort?: PostSort; state?: TopicState }) {
    const found = await findReadableTopic(deps, req.actor, id);
    const { topic, access, community } = found;
    if (topic.community.slug !== slug) {
      // A topic has one address, in its home community: reached through a cross-post, or after a
      // move, the old address sends the reader (who may read the home, or we would be at 404) there.
      return reply.redirect(`/c/${topic.community.slug}/t/${id}`, 301);
    }
    const sort: PostSort = topic.kind === 'question' ? (form.sort ?? 'votes') : 'time';
    const after = decodeCursor(form.cursor);
    const acceptedId = topic.acceptedPostId;
    const rows = await listPosts(deps.db, topic.id, { limit: POSTS_PER_PAGE + 1, after, sort, acceptedId, markdown: false });
    const posts = await visiblePosts(deps, rows.slice(0, POSTS_PER_PAGE), access);
    const last = posts[posts.length - 1];
    const sortParam = topic.kind === 'question' ? `sort=${sort}&` : '';
    const nextHref = rows.length > POSTS_PER_PAGE && last ? `/c/${slug}/t/${id}?${sortParam}cursor=${encodeCursor(postCursor(last, acceptedId, sort))}` : null;
    // Where the page's post buttons (bookmark, reactions given) come back to: this page, order and cursor kept.
    const thisQuery = [form.sort && topic.kind === 'question' ? `sort=${sort}` : '', after ? `cursor=${encodeCursor(after)}` : ''].filter(Boolean).join('&');
    const thisPage = `/c/${slug}/t/${id}${thisQuery ? `?${thisQuery}` : ''}`;
    const actor = req.actor;
    if (actor) await markReadToLatest(deps.db, actor.id, topic.id, iso(deps.clock.now()));
    const ctx = reply.viewContext();
    const open = !topic.locked && !topic.deleted;
    const links = (p: Post) => ({
      topicPath: `/c/${slug}/t/${id}`,
      mayChange: actor !== null && open && mayChangePost(actor.id, access, p.author.id),
      moderatorView: p.deleted !== null && isModerator(access),
    });
    const crosspostedTo = (await crosspostTargets(deps.db, actor, [id])).get(id) ?? [];
    const crossPostPanel =
      actor && !topic.deleted && mayCrosspost(actor.id, access, topic.author.id) ? (
        <CrosspostPanel ctx={ctx} topic={topic} linked={crosspostedTo} choices={(await memberCommunities(deps.db, actor.id)).filter((c) => c.id !== topic.communityId && !crosspostedTo.some((x) => x.id === c.id))} />
      ) : undefined;
    // Slots are made with the CSRF placeholder: their markup is kept between viewers (post.views.tsx, postHtml).
    const slots = await loadTopicSlots({ deps, ctx: keptContext(ctx), actor, access, topic, community, posts, moderationState: form.state });
    const mark = await loadGlossaryMarker(deps.db, { id: topic.communityId, slug });
    if (req.method === 'GET') recordViewLater(deps, actor, { type: 'topic', id: topic.id, communityId: topic.communityId });
    return reply.page(
      topic.title,
      <TopicPage
        topic={topic}
        tags={(await tagsOfTopics(deps.db, [id])).get(id) ?? []}
        crosspostedTo={crosspostedTo}
        posts={posts.map((p) => ({ ...p, bodyHtml: mark(p.bodyHtml) }))}
        firstPage={!after}
        sort={sort}
        nextHref={nextHref}
        links={links}
        slots={slots}
        headerExtras={crossPostPanel}
        keepPosts={actor !== null}
      >
        {/* The form the per-post buttons (reactions, bookmark, votes) of a signed-in reader submit. */}
        {actor && <PostActionsForm ctx={ctx} next={thisPage} />}
        {nextHref === null && <ReplyBox ctx={ctx} topic={topic} mayPost={canPost(actor, access)} body={form.body} issues={form.issues} bodyMax={limits.bodyMax} />}
      </TopicPage>,
      { status: form.status, scripts: ['editor.js', 'vote.js'] },
    );
  }

  r.get('/c/:slug/t/:id', { schema: { params: TopicPageParams, querystring: TopicPageQuery } }, async (req, reply) => {
    // A duplicate merged into another topic leads there (moderation decides when that is safe to say).
    const state = await findTopicState(deps.db, idOf(req.params.id));
    const mergedInto = await mergedTopicAddressOf(deps, req.actor, req.params.slug, state);
    if (mergedInto) return reply.redirect(mergedInto, 301);
    return renderTopic(req, reply, req.params.slug, idOf(req.params.id), { body: '', issues: [], status: 200, cursor: req.query.cursor, sort: req.query.sort, state });
  });

  r.post('/c/:slug/t/:id/reply', { attachValidation: true, schema: { params: TopicPageParams, body: ReplyBody } }, async (req, reply) => {
    if (!req.actor) throw unauthenticated('Sign in to reply.');
    const slug = req.params.slug;
    const id = idOf(req.params.id);
    const { topic, access } = await topicAt(req, slug, id);
    if (topic.deleted) throw notFound('Topic');
    if (!canPost(req.actor, access)) throw forbidden('Only members of this community can reply. Join it first.');
    const body = str((req.body as Record<string, unknown> | undefined)?.body);
    if (req.validationError) return renderTopic(req, reply, slug, id, { body, issues: formIssues(req), status: 400 });
    try {
      const { post } = await replyToTopic(deps, req.actor, id, body);
      reply.flash(post.kind === 'answer' ? 'Your answer is posted.' : 'Your reply is posted.');
      const cursor = await pageCursorForPost(deps.db, id, post.id, POSTS_PER_PAGE, topic.acceptedPostId);
      const query = [topic.kind === 'question' ? 'sort=time' : '', cursor ? `cursor=${encodeCursor(cursor)}` : ''].filter(Boolean).join('&');
      return reply.redirect(`/c/${slug}/t/${id}${query ? `?${query}` : ''}#post-${post.id}`, 303);
    } catch (err) {
      if (isFormProblem(err)) return renderTopic(req, reply, slug, id, { body, issues: err.details, status: 400 });
      throw err;
    }
  });
}
