import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { notFound } from '../core/http/errors.ts';
import { idOf, PostPageParams } from './discussions.http.ts';
import { postHistory } from './revisions.service.ts';
import { RevisionsPage } from './revisions.views.tsx';

/** The revision history page of a post. */
export async function revisionsPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/c/:slug/t/:id/posts/:postId/revisions', { schema: { params: PostPageParams } }, async (req, reply) => {
    const topicId = idOf(req.params.id);
    const { post, topic, edits } = await postHistory(deps, req.actor, idOf(req.params.postId, 'Post'));
    if (topic.id !== topicId || topic.community.slug !== req.params.slug) throw notFound('Post');
    return reply.page(`History: ${topic.title}`, <RevisionsPage topic={topic} post={post} edits={edits} />);
  });
}
