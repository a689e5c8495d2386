import { Type } from '@sinclair/typebox';
import { AuthorSchema, StringEnum } from '../../discussions/discussions.schema.ts';
import { APPLIED_NOTE_MAX } from './applied.service.ts';

export { errorResponses } from '../../core/http/schemas.ts';

/** The OpenAPI tag of every links API route (back-links and "I applied this"). */
export const tags = ['links'];

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const BacklinksSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      type: StringEnum(['topic', 'article'] as const, { description: 'What links here.' }),
      id: Type.Integer({ description: 'The linking topic’s or article’s id.' }),
      postId: Type.Union([Type.Integer(), Type.Null()], { description: 'The post holding the link, for topics.' }),
      title: Type.String(),
      community: Type.String({ description: 'The slug of its community.' }),
      url: Type.String(),
    }),
    { description: 'Only places you may read; deleted posts never appear.' },
  ),
});

const AppliedEntrySchema = Type.Object({ user: AuthorSchema, note: Type.String(), createdAt: Type.String({ format: 'date-time' }), updatedAt: Type.String({ format: 'date-time' }) });
export const AppliedSchema = Type.Object({
  count: Type.Integer(),
  items: Type.Array(AppliedEntrySchema, { description: 'Newest first.' }),
  mine: Type.Union([AppliedEntrySchema, Type.Null()], { description: 'Yours, when you applied it.' }),
});
export const AppliedBody = Type.Object({ note: Type.Optional(Type.String({ maxLength: APPLIED_NOTE_MAX, description: 'What you did with it (optional).' })) }, { additionalProperties: false });

