import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { badRequest, forbidden, notFound, unauthenticated, type FieldIssue } from '../../core/http/errors.ts';
import { decodeCursor, paginate } from '../../core/http/pagination.ts';
import { canPost } from '../../core/permissions/index.ts';
import { idOf, isFormProblem, str } from '../../discussions/discussions.http.ts';
import { parseTagField } from '../../discussions/tags.ts';
import { findReadableArticle, readableCommunity } from '../articles/articles.service.ts';
import { articleTypes, listArticles, type ArticleType } from '../articles/articles.store.ts';
import { ArticleFormPage, type ArticleFormValues } from '../articles/articles.views.tsx';
import { draftOf, promotableTopic, promoteTopic } from './promote.service.ts';
import { addStoryLink, removeStoryLink } from './story-links.service.ts';
import { storyTargetTypes, type StoryTargetType } from './stories.store.ts';
import { StoryListPage } from './stories.views.tsx';
import { emptyStory } from './story-template.ts';

const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });
const PageParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }), id: Type.String({ maxLength: 20 }) });
const LinkPageParams = Type.Object({ ...PageParams.properties, linkId: Type.String({ maxLength: 20 }) });
const ListQuery = Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 200 })) });

/** Stories pages (list, the story template's entry, link forms) and the promote-to-article form. */
export async function storiesPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  const signIn = (req: FastifyRequest, reply: FastifyReply) => reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);

  r.get('/c/:slug/stories', { schema: { params: SlugParams, querystring: ListQuery } }, async (req, reply) => {
    const { community, access } = await readableCommunity(deps, req.actor, req.params.slug);
    const rows = await listArticles(deps.db, community.id, { type: 'story', after: decodeCursor(req.query.cursor), limit: 21 });
    const { items, nextCursor } = paginate(rows, 20, (a) => ({ v: a.updatedAt, id: a.id }));
    const page = <StoryListPage community={community} items={items} nextHref={nextCursor ? `/c/${community.slug}/stories?cursor=${nextCursor}` : null} canWrite={canPost(req.actor, access)} />;
    return reply.page(`Stories · ${community.name}`, page);
  });

  r.get('/c/:slug/stories/new', { schema: { params: SlugParams } }, async (req, reply) => {
    if (!req.actor) return signIn(req, reply);
    const { community, access } = await readableCommunity(deps, req.actor, req.params.slug);
    if (!canPost(req.actor, access)) throw forbidden('Only members of this community can write stories. Join it first.');
    const values: ArticleFormValues = { type: 'story', title: '', body: '', tags: '', wiki: false, reason: '', story: emptyStory() };
    const heading = `Write a story in ${community.name}`;
    return reply.page(heading, <ArticleFormPage ctx={reply.viewContext()} community={community} values={values} issues={[]} action={`/c/${community.slug}/articles/new`} heading={heading} editing={false} />);
  });

  /** A story at its address, for the link forms; 404 unless readable and in this community. */
  async function storyAt(req: FastifyRequest, slug: string, rawId: string) {
    if (!req.actor) throw unauthenticated('Sign in to change a story’s links.');
    const found = await findReadableArticle(deps, req.actor, idOf(rawId, 'Article'));
    if (found.community.slug !== slug) throw notFound('Article');
    return found;
  }

  r.post('/c/:slug/a/:id/story-links', { schema: { params: PageParams } }, async (req, reply) => {
    const { article, community } = await storyAt(req, req.params.slug, req.params.id);
    const raw = (req.body ?? {}) as Record<string, unknown>;
    const type = str(raw.targetType) as StoryTargetType;
    if (!storyTargetTypes.includes(type)) throw badRequest('Choose a thread or an article', [{ field: 'targetType', message: 'must be topic or article' }]);
    const target = str(raw.targetId).trim().replace(/^#/, '');
    if (!/^[1-9]\d{0,14}$/.test(target)) throw badRequest('Give the number of the thread or article', [{ field: 'targetId', message: 'must be a positive whole number' }]);
    const link = await addStoryLink(deps, req.actor, article.id, type, Number(target));
    reply.flash(`The story now links to “${link.title}”.`);
    return reply.redirect(`/c/${community.slug}/a/${article.id}`, 303);
  });

  r.post('/c/:slug/a/:id/story-links/:linkId/remove', { schema: { params: LinkPageParams } }, async (req, reply) => {
    const { article, community } = await storyAt(req, req.params.slug, req.params.id);
    await removeStoryLink(deps, req.actor, article.id, idOf(req.params.linkId, 'Link'));
    reply.flash('The link is removed.');
    return reply.redirect(`/c/${community.slug}/a/${article.id}`, 303);
  });

  /** The thread at its address, promotable by the actor. */
  async function promotableAt(req: FastifyRequest, slug: string, rawId: string) {
    const found = await promotableTopic(deps, req.actor, idOf(rawId));
    if (found.topic.community.slug !== slug) throw notFound('Topic');
    return found;
  }

  function promoteForm(reply: FastifyReply, topic: Awaited<ReturnType<typeof promotableAt>>['topic'], values: ArticleFormValues, credited: number, issues: FieldIssue[], status: number) {
    const threadPath = `/c/${topic.community.slug}/t/${topic.id}`;
    const heading = `Promote “${topic.title}” to an article`;
    const intro = (
      <p>
        Saving creates a draft article in {topic.community.name} that quotes <a href={threadPath}>the thread</a>, links both ways, and credits its {credited} {credited === 1 ? 'contributor' : 'contributors'}. Edit the draft as you like.
      </p>
    );
    return reply.page(heading, <ArticleFormPage ctx={reply.viewContext()} community={topic.community} values={values} issues={issues} action={`${threadPath}/promote`} heading={heading} editing={false} intro={intro} />, { status });
  }

  r.get('/c/:slug/t/:id/promote', { schema: { params: PageParams } }, async (req, reply) => {
    if (!req.actor) return signIn(req, reply);
    const { topic } = await promotableAt(req, req.params.slug, req.params.id);
    const draft = await draftOf(deps, topic);
    return promoteForm(reply, topic, { type: draft.type, title: draft.title, body: draft.body, tags: '', wiki: false, reason: '' }, draft.contributors.length, [], 200);
  });

  r.post('/c/:slug/t/:id/promote', { schema: { params: PageParams } }, async (req, reply) => {
    const { topic } = await promotableAt(req, req.params.slug, req.params.id);
    const raw = (req.body ?? {}) as Record<string, unknown>;
    const values: ArticleFormValues = { type: str(raw.type), title: str(raw.title), body: str(raw.body), tags: str(raw.tags), wiki: false, reason: '' };
    const credited = (await draftOf(deps, topic)).contributors.length;
    try {
      if (!articleTypes.includes(values.type as ArticleType)) throw badRequest('Choose a type', [{ field: 'type', message: 'Choose a type' }]);
      const tags = parseTagField(values.tags, deps.config.limits.tagsMax);
      const id = await promoteTopic(deps, req.actor, topic.id, { type: values.type as ArticleType, title: values.title, body: values.body, tags });
      reply.flash('The thread is captured in a draft article. It credits everyone who took part.');
      return await reply.redirect(`/c/${topic.community.slug}/a/${id}`, 303);
    } catch (err) {
      if (isFormProblem(err)) return promoteForm(reply, topic, values, credited, err.details, 400);
      throw err;
    }
  });
}
