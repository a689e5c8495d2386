import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { AppError, forbidden, notFound, unauthenticated, type FieldIssue } from '../../core/http/errors.ts';
import { decodeCursor, paginate } from '../../core/http/pagination.ts';
import { canPost } from '../../core/permissions/index.ts';
import { idOf, isFormProblem } from '../../discussions/discussions.http.ts';
import { readableCommunity } from '../../knowledge/articles/articles.service.ts';
import { canDeleteStory, canEditStory, createStory, deleteStory, editStory, findReadableStory } from './stories.service.ts';
import { linksOf, listStories } from './stories.store.ts';
import { StoryFormPage, StoryListPage, StoryPage, type StoryFormValues } from './stories.views.tsx';
import { storyFormInput, storyFormValues } from './story-form.ts';

const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });
const PageParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }), id: Type.String({ maxLength: 20 }) });
const ListQuery = Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 200 })) });

/** The value-story pages: list, record, show, edit, delete. Forms work without JavaScript. */
export async function storiesPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  /** A story at its address: 404 unless readable and in the community the address names. */
  async function storyAt(req: FastifyRequest, slug: string, rawId: string) {
    const found = await findReadableStory(deps, req.actor, idOf(rawId, 'Story'));
    if (found.community.slug !== slug) throw notFound('Story');
    return found;
  }

  function form(reply: FastifyReply, community: { slug: string; name: string }, values: StoryFormValues, issues: FieldIssue[], status: number, id?: number) {
    const heading = id ? 'Edit the value story' : `Record a value story in ${community.name}`;
    const action = id ? `/c/${community.slug}/value-stories/${id}/edit` : `/c/${community.slug}/value-stories/new`;
    return reply.page(heading, <StoryFormPage ctx={reply.viewContext()} community={community} values={values} issues={issues} action={action} heading={heading} maxTitle={deps.config.limits.titleMax} />, { status });
  }

  /** Runs the save; a 400 naming fields shows the form again with each message beside its field. */
  async function save(req: FastifyRequest, reply: FastifyReply, community: { slug: string; name: string }, run: (input: ReturnType<typeof storyFormInput>['input']) => Promise<number>, id?: number) {
    const { values, input, issues } = storyFormInput(req.body);
    try {
      if (issues.length > 0) throw new AppError(400, 'VALIDATION_FAILED', 'Check the story', issues);
      const saved = await run(input);
      reply.flash(id ? 'Your changes are saved.' : 'Thank you: your story is recorded and counts in the value matrix.');
      return reply.redirect(`/c/${community.slug}/value-stories/${saved}`, 303);
    } catch (err) {
      if (isFormProblem(err)) return form(reply, community, values, [...issues, ...err.details.filter((d) => !issues.some((i) => i.field === d.field))], 400, id);
      throw err;
    }
  }

  r.get('/c/:slug/value-stories', { schema: { params: SlugParams, querystring: ListQuery } }, async (req, reply) => {
    const { community, access } = await readableCommunity(deps, req.actor, req.params.slug);
    const rows = await listStories(deps.db, community.id, { after: decodeCursor(req.query.cursor), limit: 21 });
    const { items, nextCursor } = paginate(rows, 20, (s) => ({ v: s.createdAt, id: s.id }));
    const nextHref = nextCursor ? `/c/${community.slug}/value-stories?cursor=${nextCursor}` : null;
    return reply.page(`Value stories · ${community.name}`, <StoryListPage community={community} items={items} nextHref={nextHref} canWrite={canPost(req.actor, access)} />);
  });

  r.get('/c/:slug/value-stories/new', { schema: { params: SlugParams } }, async (req, reply) => {
    if (!req.actor) return reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);
    const { community, access } = await readableCommunity(deps, req.actor, req.params.slug);
    if (!canPost(req.actor, access)) throw forbidden('Only members of this community can record value stories. Join it first.');
    return form(reply, community, storyFormInput({}).values, [], 200);
  });

  r.post('/c/:slug/value-stories/new', { schema: { params: SlugParams } }, async (req, reply) => {
    if (!req.actor) throw unauthenticated('Sign in to record a value story.');
    const { community, access } = await readableCommunity(deps, req.actor, req.params.slug);
    if (!canPost(req.actor, access)) throw forbidden('Only members of this community can record value stories. Join it first.');
    return save(req, reply, community, (input) => createStory(deps, req.actor, community.slug, input));
  });

  r.get('/c/:slug/value-stories/:id', { schema: { params: PageParams } }, async (req, reply) => {
    const found = await storyAt(req, req.params.slug, req.params.id);
    const links = (await linksOf(deps.db, req.actor, [found.story.id])).get(found.story.id) ?? [];
    return reply.page(found.story.title, <StoryPage ctx={reply.viewContext()} community={found.community} story={found.story} links={links} canEdit={canEditStory(req.actor, found)} canDelete={canDeleteStory(req.actor, found)} />);
  });

  r.get('/c/:slug/value-stories/:id/edit', { schema: { params: PageParams } }, async (req, reply) => {
    if (!req.actor) return reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);
    const found = await storyAt(req, req.params.slug, req.params.id);
    if (!canEditStory(req.actor, found)) throw forbidden('Only the author of this story may edit it.');
    const links = (await linksOf(deps.db, req.actor, [found.story.id])).get(found.story.id) ?? [];
    return form(reply, found.community, storyFormValues(found.story, links), [], 200, found.story.id);
  });

  r.post('/c/:slug/value-stories/:id/edit', { schema: { params: PageParams } }, async (req, reply) => {
    if (!req.actor) throw unauthenticated('Sign in to edit value stories.');
    const found = await storyAt(req, req.params.slug, req.params.id);
    if (!canEditStory(req.actor, found)) throw forbidden('Only the author of this story may edit it.');
    const id = found.story.id;
    return save(req, reply, found.community, async (input) => (await editStory(deps, req.actor, id, input), id), id);
  });

  r.post('/c/:slug/value-stories/:id/delete', { schema: { params: PageParams } }, async (req, reply) => {
    if (!req.actor) throw unauthenticated('Sign in to delete value stories.');
    const found = await storyAt(req, req.params.slug, req.params.id);
    await deleteStory(deps, req.actor, found.story.id);
    reply.flash(`The story “${found.story.title}” is deleted.`);
    return reply.redirect(`/c/${found.community.slug}/value-stories`, 303);
  });
}
