import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { notFound } from '../core/http/errors.ts';
import { canPost } from '../core/permissions/index.ts';
import { EmptyState } from '../core/views/components.tsx';
import { SlugParams, StringEnum, TAG_PATTERN, TopicKindSchema } from './discussions.schema.ts';
import { TopicBreadcrumb } from './discussions.views.tsx';
import { findReadableCommunity } from './discussions.service.ts';
import { listCommunityTopics, listMyTopics } from './lists.service.ts';
import { listViews, type ListView } from './lists.store.ts';
import { ListFilters, listHref, ListTabs, TopicListBody, type ListParams } from './lists.views.tsx';
import { tagCounts } from './tags.store.ts';

// Page filters: an empty select ("Any") sends kind= or tag=, which means no filter.
const ListPageQuery = Type.Object({
  view: Type.Optional(StringEnum<ListView>(listViews)),
  kind: Type.Optional(Type.Union([TopicKindSchema, Type.Literal('')])),
  tag: Type.Optional(Type.Union([Type.String({ pattern: TAG_PATTERN }), Type.Literal('')])),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});
type ListPageQueryT = { view?: ListView; kind?: string; tag?: string; cursor?: string };

function paramsOf(q: ListPageQueryT, tag?: string): ListParams {
  return { view: q.view ?? 'latest', kind: q.kind === 'question' || q.kind === 'discussion' ? q.kind : undefined, tag: tag ?? (q.tag || undefined) };
}

/** Pages of topic lists: a community's topics, its tags and each tag's topics, and my topics. */
export async function listsPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  async function communityList(req: { actor: Parameters<typeof listCommunityTopics>[1] }, slug: string, q: ListPageQueryT, tag?: string) {
    const params = paramsOf(q, tag);
    const { community, access, page } = await listCommunityTopics(deps, req.actor, slug, { ...params, cursor: q.cursor }, true);
    const base = tag ? `/c/${community.slug}/tags/${tag}` : `/c/${community.slug}/topics`;
    const nextHref = page.nextCursor ? listHref(base, { ...params, tag: tag ? undefined : params.tag, cursor: page.nextCursor }) : null;
    const mayPost = canPost(req.actor, access);
    const empty = mayPost ? (
      <p>
        <a href={`/c/${community.slug}/t/new`}>Start a topic</a> — a question, an idea, something you learned.
      </p>
    ) : (
      <p>When members start discussions or ask questions, they appear here.</p>
    );
    return { community, params, page, base, nextHref, mayPost, empty, tags: await tagCounts(deps.db, req.actor, community.id) };
  }

  r.get('/c/:slug/topics', { schema: { params: SlugParams, querystring: ListPageQuery } }, async (req, reply) => {
    const l = await communityList(req, req.params.slug, req.query);
    return reply.page(
      `Topics in ${l.community.name}`,
      <>
        <TopicBreadcrumb community={l.community} />
        <div class="list-heading">
          <h1>Topics in {l.community.name}</h1>
          {l.mayPost && (
            <a class="button button--small" href={`/c/${l.community.slug}/t/new`}>
              Start a topic
            </a>
          )}
        </div>
        <p class="meta">
          <a href={`/c/${l.community.slug}/tags`}>All tags</a>
          {req.actor && (
            <>
              {' · '}
              <a href="/me/topics">Your topics</a>
            </>
          )}
        </p>
        <ListTabs base={l.base} p={l.params} />
        <ListFilters base={l.base} p={l.params} tags={l.tags} />
        <TopicListBody topics={l.page.items} pinned={l.page.pinned} hereId={l.community.id} params={l.params} nextHref={l.nextHref} empty={l.empty} />
      </>,
    );
  });

  r.get('/c/:slug/tags', { schema: { params: SlugParams } }, async (req, reply) => {
    const { community } = await findReadableCommunity(deps, req.actor, req.params.slug);
    const tags = await tagCounts(deps.db, req.actor, community.id);
    return reply.page(
      `Tags in ${community.name}`,
      <>
        <TopicBreadcrumb community={community} />
        <h1>Tags in {community.name}</h1>
        {tags.length === 0 ? (
          <EmptyState title="No tags yet">
            <p>Members tag topics when they start them; tags show up here.</p>
          </EmptyState>
        ) : (
          <ul class="chips tag-cloud">
            {tags.map((t) => (
              <li>
                <a href={`/c/${community.slug}/tags/${t.tag}`}>
                  {t.tag} <span class="meta">({t.count})</span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </>,
    );
  });

  r.get('/c/:slug/tags/:tag', { schema: { params: Type.Object({ ...SlugParams.properties, tag: Type.String({ maxLength: 100 }) }), querystring: ListPageQuery } }, async (req, reply) => {
    const tag = req.params.tag;
    if (!new RegExp(TAG_PATTERN).test(tag)) throw notFound('Tag');
    const l = await communityList(req, req.params.slug, req.query, tag);
    return reply.page(
      `Topics tagged ${tag} in ${l.community.name}`,
      <>
        <TopicBreadcrumb community={l.community} />
        <h1>
          Topics tagged <span class="tag">{tag}</span>
        </h1>
        <p class="meta">
          In {l.community.name} · <a href={`/c/${l.community.slug}/tags`}>All tags</a>
        </p>
        <ListTabs base={l.base} p={{ ...l.params, tag: undefined }} />
        <ListFilters base={l.base} p={l.params} tags={null} />
        <TopicListBody topics={l.page.items} pinned={l.page.pinned} hereId={l.community.id} params={l.params} nextHref={l.nextHref} empty={l.empty} />
      </>,
    );
  });

  r.get('/me/topics', { schema: { querystring: ListPageQuery } }, async (req, reply) => {
    if (!req.actor) return reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);
    const params = paramsOf(req.query);
    const page = await listMyTopics(deps, req.actor, { ...params, cursor: req.query.cursor });
    const nextHref = page.nextCursor ? listHref('/me/topics', { ...params, cursor: page.nextCursor }) : null;
    return reply.page(
      'Your topics',
      <>
        <h1>Your topics</h1>
        <p class="meta">Topics you started, in every community you can read.</p>
        <ListTabs base="/me/topics" p={params} />
        <ListFilters base="/me/topics" p={params} tags={null} />
        <TopicListBody topics={page.items} hereId={null} params={params} nextHref={nextHref} empty={<p>Start one from a community’s page: <a href="/communities">find a community</a>.</p>} />
      </>,
    );
  });
}
