import { Type } from '@sinclair/typebox';
import type { Config } from '../../core/config.ts';
import { PageQuery, pageInfo } from '../../core/http/pagination.ts';
import { AuthorSchema, StringEnum } from '../../discussions/discussions.schema.ts';
import { DESCRIPTION_MAX } from './collections.service.ts';
import { ITEM_NOTE_MAX } from './collection-items.service.ts';
import type { Collection, CollectionItem } from './collections.store.ts';

export { errorResponses } from '../../core/http/schemas.ts';

/** The OpenAPI tag of every collections API route. */
export const tags = ['collections'];

export const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });
export const CollectionIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const ItemParams = Type.Object({ id: Type.Integer({ minimum: 1 }), itemId: Type.Integer({ minimum: 1 }) });
export const CollectionListQuery = PageQuery;

const ItemKind = StringEnum(['article', 'topic'] as const, { description: 'What the item is.' });

export const ItemSchema = Type.Object({
  id: Type.Integer({ description: 'The item’s id within the collection (for removing and reordering).' }),
  position: Type.Integer(),
  type: ItemKind,
  targetId: Type.Integer({ description: 'The article’s or topic’s id.' }),
  title: Type.String(),
  label: Type.String({ description: 'The article’s type or the topic’s kind.' }),
  note: Type.String(),
  url: Type.String({ description: 'Path of the article or topic page.' }),
});

export const CollectionSchema = Type.Object({
  id: Type.Integer(),
  community: Type.String({ description: 'The slug of its community.' }),
  title: Type.String(),
  description: Type.String({ description: 'Markdown source.' }),
  descriptionHtml: Type.String(),
  owner: AuthorSchema,
  items: Type.Array(ItemSchema, { description: 'In order. Articles and topics that were deleted drop out.' }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export const CollectionListSchema = Type.Object({ items: Type.Array(CollectionSchema), ...pageInfo });

/** Request bodies whose limits come from configuration. */
export function collectionBodies(limits: Config['limits']) {
  const title = Type.String({ minLength: 1, maxLength: limits.titleMax });
  const description = Type.String({ maxLength: DESCRIPTION_MAX, description: 'Markdown.' });
  return {
    CreateCollectionBody: Type.Object({ title, description: Type.Optional(description) }, { additionalProperties: false }),
    EditCollectionBody: Type.Object({ title: Type.Optional(title), description: Type.Optional(description) }, { additionalProperties: false }),
  };
}
export const AddItemBody = Type.Object(
  { type: ItemKind, targetId: Type.Integer({ minimum: 1, description: 'An article or topic of the collection’s community.' }), note: Type.Optional(Type.String({ maxLength: ITEM_NOTE_MAX })) },
  { additionalProperties: false },
);
export const ReorderBody = Type.Object({ items: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 1000, description: 'Every item id of the collection, in the new order.' }) }, { additionalProperties: false });

/** The API shape of a collection. */
export function collectionDto(c: Collection, slug: string, items: CollectionItem[]) {
  return {
    id: c.id, community: slug, title: c.title, description: c.description, descriptionHtml: c.descriptionHtml, owner: c.owner, createdAt: c.createdAt, updatedAt: c.updatedAt,
    items: items.map((i) => ({ id: i.id, position: i.position, type: i.kind, targetId: i.targetId, title: i.title, label: i.label, note: i.note, url: i.url })),
  };
}
