import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { conflict, notFound, type FieldIssue } from '../core/http/errors.ts';
import { formIssues, idOf, isFormProblem, PostPageParams, str } from './discussions.http.ts';
import { assertNotLocked, isModerator } from './discussions.rules.ts';
import { changeablePost, deletePost, editPost } from './post-edits.service.ts';
import { DeletePostPage, EditPostPage, type EditFormValues } from './post-edit.views.tsx';
import { parseTagField } from './tags.ts';
import { tagsOfTopics } from './tags.store.ts';

const EditForm = (limits: Deps['config']['limits']) =>
  Type.Object({
    title: Type.Optional(Type.String({ maxLength: limits.titleMax })),
    body: Type.String({ minLength: 1, maxLength: limits.bodyMax }),
    tags: Type.Optional(Type.String({ maxLength: 40 * limits.tagsMax })),
    reason: Type.Optional(Type.String({ maxLength: 300 })),
  });
const DeleteForm = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 300 })) });

/** The edit and delete pages of a post, and their form posts. */
export async function postEditPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const limits = deps.config.limits;

  /** The post under this address that the actor may change: 401/403/404 as changeablePost says. */
  async function postAt(req: FastifyRequest, params: { slug: string; id: string; postId: string }, what: 'edit' | 'delete') {
    const topicId = idOf(params.id);
    const found = await changeablePost(deps, req.actor, idOf(params.postId, 'Post'), what);
    if (found.topic.id !== topicId || found.topic.community.slug !== params.slug) throw notFound('Post');
    return found;
  }

  type Found = Awaited<ReturnType<typeof postAt>>;
  const where = (reply: FastifyReply, f: Found) => ({ ctx: reply.viewContext(), topic: f.topic, postId: f.post.id });

  function editPage(reply: FastifyReply, f: Found, values: EditFormValues, issues: FieldIssue[], status: number) {
    return reply.page(`Edit: ${f.topic.title}`, <EditPostPage {...where(reply, f)} values={values} issues={issues} limits={limits} />, { status, scripts: ['editor.js'] });
  }

  function deletePage(reply: FastifyReply, f: Found, reason: string, issues: FieldIssue[], status: number) {
    const reasonRequired = isModerator(f.access) && f.post.author.id !== f.actor.id;
    return reply.page(`Delete: ${f.topic.title}`, <DeletePostPage {...where(reply, f)} opening={f.post.kind === 'opening'} reason={reason} issues={issues} reasonRequired={reasonRequired} />, { status });
  }

  r.get('/c/:slug/t/:id/posts/:postId/edit', { schema: { params: PostPageParams } }, async (req, reply) => {
    if (!req.actor) return reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);
    const f = await postAt(req, req.params, 'edit');
    assertNotLocked(f.topic);
    if (f.post.deleted) throw conflict('This post is deleted');
    const opening = f.post.kind === 'opening';
    const tags = opening ? ((await tagsOfTopics(deps.db, [f.topic.id])).get(f.topic.id) ?? []).join(', ') : null;
    return editPage(reply, f, { title: opening ? f.topic.title : null, body: f.post.body, tags, reason: '' }, [], 200);
  });

  r.post('/c/:slug/t/:id/posts/:postId/edit', { attachValidation: true, schema: { params: PostPageParams, body: EditForm(limits) } }, async (req, reply) => {
    const f = await postAt(req, req.params, 'edit');
    const raw = (req.body ?? {}) as Record<string, unknown>;
    const opening = f.post.kind === 'opening';
    const values: EditFormValues = { title: opening ? str(raw.title) : null, body: str(raw.body), tags: opening ? str(raw.tags) : null, reason: str(raw.reason) };
    if (req.validationError) return editPage(reply, f, values, formIssues(req), 400);
    try {
      const tags = values.tags === null ? undefined : parseTagField(values.tags, limits.tagsMax);
      const { changed } = await editPost(deps, req.actor, f.post.id, { title: values.title ?? undefined, body: values.body, tags, reason: values.reason });
      reply.flash(changed ? 'Your changes are saved.' : 'Nothing changed.');
      return reply.redirect(`/c/${f.topic.community.slug}/t/${f.topic.id}#post-${f.post.id}`, 303);
    } catch (err) {
      if (isFormProblem(err)) return editPage(reply, f, values, err.details, 400);
      throw err;
    }
  });

  r.get('/c/:slug/t/:id/posts/:postId/delete', { schema: { params: PostPageParams } }, async (req, reply) => {
    if (!req.actor) return reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);
    const f = await postAt(req, req.params, 'delete');
    if (f.post.deleted) throw conflict('This post is already deleted');
    return deletePage(reply, f, '', [], 200);
  });

  r.post('/c/:slug/t/:id/posts/:postId/delete', { attachValidation: true, schema: { params: PostPageParams, body: DeleteForm } }, async (req, reply) => {
    const f = await postAt(req, req.params, 'delete');
    const reason = str((req.body as Record<string, unknown> | undefined)?.reason);
    if (req.validationError) return deletePage(reply, f, reason, formIssues(req), 400);
    try {
      const { topicDeleted } = await deletePost(deps, req.actor, f.post.id, reason);
      reply.flash(topicDeleted ? 'The topic is deleted.' : 'The post is deleted.');
      const slug = f.topic.community.slug;
      return reply.redirect(topicDeleted ? `/c/${slug}/topics` : `/c/${slug}/t/${f.topic.id}#post-${f.post.id}`, 303);
    } catch (err) {
      if (isFormProblem(err)) return deletePage(reply, f, reason, err.details, 400);
      throw err;
    }
  });
}
