import { Type } from '@sinclair/typebox';
import { PageQuery, pageInfo } from '../core/http/pagination.ts';
import { StringEnum } from '../discussions/discussions.schema.ts';
import { FEED_VERBS } from './activity.store.ts';

const Person = Type.Object({ id: Type.Integer(), username: Type.String(), displayName: Type.String() });

export const ActivityItemSchema = Type.Object({
  id: Type.Integer(),
  verb: StringEnum(FEED_VERBS),
  createdAt: Type.String({ format: 'date-time' }),
  actor: Type.Union([Person, Type.Null()], { description: 'Null when the account is gone.' }),
  community: Type.Object({ id: Type.Integer(), slug: Type.String(), name: Type.String() }),
  subject: Type.Object({ type: Type.String(), id: Type.Union([Type.Integer(), Type.Null()]) }),
  text: Type.String({ description: 'The act as a sentence, e.g. "Ana started “Title” in Community".' }),
  url: Type.String({ description: 'Path of the page the act is about.' }),
});

export const ActivityListSchema = Type.Object({ items: Type.Array(ActivityItemSchema), ...pageInfo });

export const ActivityQuery = Type.Object({
  ...PageQuery.properties,
  community: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Only this community (its slug).' })),
});
