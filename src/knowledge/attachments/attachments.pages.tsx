import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { AppError, forbidden, notFound, unauthenticated } from '../../core/http/errors.ts';
import { decodeCursor, paginate } from '../../core/http/pagination.ts';
import { findReadablePost } from '../../discussions/discussions.service.ts';
import { idOf, str } from '../../discussions/discussions.http.ts';
import { canEditArticle, findReadableArticle, readableCommunity } from '../articles/articles.service.ts';
import { attachToArticle, attachToPost, findReadableAttachment, mayAttachToPost, mayRemoveAttachment, removeAttachment, type UploadedFile } from './attachments.service.ts';
import { listArticleAttachments, listCommunityAttachments, listPostAttachments, type Attachment } from './attachments.store.ts';
import { CommunityFilesPage, limitsText, UploadPage } from './attachments.views.tsx';
import { uploadedFile } from './upload-body.ts';

const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });
const PageParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }), id: Type.String({ maxLength: 20 }) });
const ListQuery = Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 200 })) });

/** Where an upload goes and what to show on its page. */
interface Place {
  heading: string;
  target: { title: string; href: string };
  action: string;
  items: Attachment[];
  mayRemove: (a: Attachment) => boolean;
}

/** The attachments pages: the community's files, the upload page of a post, uploads and removal. */
export async function attachmentsPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const limits = limitsText(deps.config.uploads.maxBytes, deps.config.uploads.types);

  function uploadPage(reply: FastifyReply, place: Place, issues: AppError['details'], status: number) {
    return reply.page(place.heading, <UploadPage ctx={reply.viewContext()} {...place} limits={limits} issues={issues} />, { status });
  }

  /** Runs an upload; a refused file (400/413/415) re-renders the upload page with the reason, at that status. */
  async function upload(reply: FastifyReply, place: Place, run: () => Promise<Attachment>) {
    try {
      const a = await run();
      reply.flash(`${a.name} is attached.`);
      return reply.redirect(place.target.href, 303);
    } catch (err) {
      if (err instanceof AppError && [400, 413, 415].includes(err.status) && err.details.length > 0) return uploadPage(reply, place, err.details, err.status);
      throw err;
    }
  }

  async function postPlace(req: FastifyRequest, slug: string, rawId: string): Promise<Place & { postId: number }> {
    if (!req.actor) throw unauthenticated('Sign in to attach files.');
    const { post, topic, access } = await findReadablePost(deps, req.actor, idOf(rawId, 'Post'));
    if (topic.community.slug !== slug) throw notFound('Post');
    if (!mayAttachToPost(req.actor, access, post.author.id)) throw forbidden('Only the author of this post (or stewards and moderators) may attach files to it.');
    const actor = req.actor;
    return {
      postId: post.id,
      heading: 'Attach a file to a post',
      target: { title: topic.title, href: `/c/${slug}/t/${topic.id}#post-${post.id}` },
      action: `/c/${slug}/posts/${post.id}/attachments`,
      items: await listPostAttachments(deps.db, [post.id]),
      mayRemove: (a) => mayRemoveAttachment(actor, access, a),
    };
  }

  r.get('/c/:slug/files', { schema: { params: SlugParams, querystring: ListQuery } }, async (req, reply) => {
    const { community } = await readableCommunity(deps, req.actor, req.params.slug);
    const rows = await listCommunityAttachments(deps.db, community.id, decodeCursor(req.query.cursor), 26);
    const { items, nextCursor } = paginate(rows, 25, (a) => ({ v: a.createdAt, id: a.id }));
    const nextHref = nextCursor ? `/c/${community.slug}/files?cursor=${encodeURIComponent(nextCursor)}` : null;
    return reply.page(`Files · ${community.name}`, <CommunityFilesPage community={community} items={items} nextHref={nextHref} />);
  });

  r.get('/c/:slug/posts/:id/attach', { schema: { params: PageParams } }, async (req, reply) => {
    if (!req.actor) return reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);
    return uploadPage(reply, await postPlace(req, req.params.slug, req.params.id), [], 200);
  });

  r.post('/c/:slug/posts/:id/attachments', { schema: { params: PageParams } }, async (req, reply) => {
    const place = await postPlace(req, req.params.slug, req.params.id);
    return upload(reply, place, () => attachToPost(deps, req.actor, place.postId, () => uploadedFile(req)));
  });

  r.post('/c/:slug/a/:id/attachments', { schema: { params: PageParams } }, async (req, reply) => {
    if (!req.actor) throw unauthenticated('Sign in to attach files.');
    const { article, community, access } = await findReadableArticle(deps, req.actor, idOf(req.params.id, 'Article'));
    if (community.slug !== req.params.slug) throw notFound('Article');
    if (!canEditArticle(req.actor, access, article)) throw forbidden('Only those who may edit this article may attach files to it.');
    const actor = req.actor;
    const place: Place = {
      heading: 'Attach a file to an article',
      target: { title: article.title, href: `/c/${community.slug}/a/${article.id}` },
      action: `/c/${community.slug}/a/${article.id}/attachments`,
      items: await listArticleAttachments(deps.db, article.id),
      mayRemove: (a) => mayRemoveAttachment(actor, access, a),
    };
    return upload(reply, place, () => attachToArticle(deps, actor, article.id, (): UploadedFile | null => uploadedFile(req)));
  });

  r.post('/c/:slug/files/:id/delete', { schema: { params: PageParams } }, async (req, reply) => {
    if (!req.actor) throw unauthenticated('Sign in to remove files.');
    const { attachment } = await findReadableAttachment(deps, req.actor, idOf(req.params.id, 'File'));
    if (attachment.communitySlug !== req.params.slug) throw notFound('File');
    const a = await removeAttachment(deps, req.actor, attachment.id);
    const next = str((req.body as Record<string, unknown> | undefined)?.next);
    reply.flash(`${a.name} is removed.`);
    return reply.redirect(next.startsWith(`/c/${a.communitySlug}/`) && !next.includes('//') && !next.includes('\\') ? next : a.target.href, 303);
  });
}
