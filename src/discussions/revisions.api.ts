import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { AuthorSchema, discussionBodies, errorResponses, PostIdParams, PostSchema, StringEnum } from './discussions.schema.ts';
import { requireSignedIn, tags } from './discussions.http.ts';
import { deletePost, editPost } from './post-edits.service.ts';
import { postHistory } from './revisions.service.ts';
import { postDto } from './topic-dto.ts';

const DiffSchema = Type.Array(Type.Object({ op: StringEnum(['same', 'added', 'removed'] as const), text: Type.String() }));
const Change = Type.Object({ before: Type.String(), after: Type.String(), diff: DiffSchema });
const RevisionsSchema = Type.Object({
  postId: Type.Integer(),
  topicId: Type.Integer(),
  items: Type.Array(
    Type.Object({
      revision: Type.Integer({ description: 'Edit n replaced revision n (1 = the original) with the next one.' }),
      editor: AuthorSchema,
      reason: Type.String(),
      createdAt: Type.String({ format: 'date-time' }),
      title: Type.Union([Change, Type.Null()], { description: 'The title change (opening posts), or null.' }),
      body: Change,
    }),
  ),
});
const EditResultSchema = Type.Object({ post: PostSchema, changed: Type.Boolean(), revision: Type.Union([Type.Integer(), Type.Null()]) });
const DeleteBody = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 300, description: 'Why; required when a moderator deletes someone else’s post.' })) });

/** The JSON API of editing, deleting and the revision history of posts under /api/v1. */
export async function revisionsApi(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { EditPostBody } = discussionBodies(deps.config.limits);

  r.patch(
    '/api/v1/posts/:id',
    {
      onRequest: requireSignedIn,
      schema: {
        tags,
        summary: 'Edit a post (author or moderator): body, and for opening posts title and tags; the old version is kept as a revision',
        params: PostIdParams,
        body: EditPostBody,
        response: { 200: EditResultSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const { post, changed, revision, access } = await editPost(deps, req.actor, req.params.id, req.body);
      return { post: postDto(post, access), changed, revision };
    },
  );

  r.delete(
    '/api/v1/posts/:id',
    {
      onRequest: requireSignedIn,
      schema: {
        tags,
        summary: 'Soft-delete a post with a reason (author or moderator); deleting an opening post deletes its topic',
        params: PostIdParams,
        body: Type.Optional(DeleteBody),
        response: { 200: Type.Object({ post: PostSchema, topicDeleted: Type.Boolean() }), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const { post, topicDeleted, access } = await deletePost(deps, req.actor, req.params.id, req.body?.reason);
      return { post: postDto(post, access), topicDeleted };
    },
  );

  r.get(
    '/api/v1/posts/:id/revisions',
    {
      schema: {
        tags,
        summary: 'The edit history of a post, oldest edit first, each with a word-level diff',
        params: PostIdParams,
        response: { 200: RevisionsSchema, ...errorResponses(400, 404) },
      },
    },
    async (req) => {
      const { post, edits } = await postHistory(deps, req.actor, req.params.id);
      return { postId: post.id, topicId: post.topicId, items: edits };
    },
  );
}
