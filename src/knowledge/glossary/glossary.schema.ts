import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, pageInfo } from '../../core/http/pagination.ts';

/** Limits of a glossary term (issue 4). */
export const GLOSSARY_LIMITS = { term: 80, definition: 5000, synonyms: 10, synonym: 80 } as const;

export const tags = ['glossary'];

export const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });
export const TermIdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });

const TermText = Type.String({ minLength: 1, maxLength: GLOSSARY_LIMITS.term, description: 'The word or phrase, unique in the community ignoring case.' });
const Definition = Type.String({ minLength: 1, maxLength: GLOSSARY_LIMITS.definition, description: 'Markdown.' });
const Synonyms = Type.Array(Type.String({ minLength: 1, maxLength: GLOSSARY_LIMITS.synonym }), {
  maxItems: GLOSSARY_LIMITS.synonyms,
  description: 'Other words for the same thing; none may equal another term or synonym of the community.',
});
const Owner = Type.String({ minLength: 1, maxLength: 40, description: 'Username of a member; defaults to the creator.' });

/** Body of POST /api/v1/communities/:slug/glossary. */
export const CreateTermBody = Type.Object({ term: TermText, definition: Definition, synonyms: Type.Optional(Synonyms), owner: Type.Optional(Owner) }, { additionalProperties: false });
/** Body of PATCH /api/v1/glossary/:id: any subset of the fields. */
export const PatchTermBody = Type.Object(
  { term: Type.Optional(TermText), definition: Type.Optional(Definition), synonyms: Type.Optional(Synonyms), owner: Type.Optional(Owner) },
  { additionalProperties: false },
);
export type TermInput = Static<typeof CreateTermBody>;
export type TermPatch = Static<typeof PatchTermBody>;

export const TermListQuery = Type.Composite([PageQuery, Type.Object({ q: Type.Optional(Type.String({ maxLength: 200, description: 'Search in terms and synonyms.' })) })]);

export const TermSchema = Type.Object({
  id: Type.Integer(),
  community: Type.Object({ slug: Type.String(), name: Type.String() }),
  term: Type.String(),
  definition: Type.String({ description: 'Markdown source.' }),
  definitionHtml: Type.String({ description: 'Rendered at write time; safe HTML.' }),
  synonyms: Type.Array(Type.String()),
  owner: Type.Object({ id: Type.Integer(), username: Type.String(), displayName: Type.String() }),
  canEdit: Type.Boolean({ description: 'Whether the caller may edit, re-own or delete the term.' }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type TermDto = Static<typeof TermSchema>;
export const TermPageSchema = Type.Object({ items: Type.Array(TermSchema), ...pageInfo });
