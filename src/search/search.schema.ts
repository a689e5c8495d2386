import { Type, type Static } from '@sinclair/typebox';

/** What a search can look for. */
export const searchKinds = ['topic', 'post', 'article', 'term', 'member', 'community'] as const;
export const articleStateValues = ['draft', 'proposed', 'endorsed', 'needs_review', 'superseded', 'archived'] as const;

const orEmpty = <T extends readonly string[]>(values: T, description: string) =>
  Type.Optional(Type.Union([Type.Literal(''), ...values.map((v) => Type.Literal(v))], { description: `${description} Empty means any.` }));
const date = (description: string) => Type.Optional(Type.String({ pattern: '^(\\d{4}-\\d{2}-\\d{2})?$', description: `${description} (YYYY-MM-DD, UTC).` }));

/** The query string of /search and /api/v1/search. Empty values mean "not filtered". */
export const SearchQueryString = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 1000, description: 'Words to find. "quoted phrases", OR between words and -word to exclude work; everything else is plain text.' })),
  community: Type.Optional(Type.String({ maxLength: 100, description: 'Slug of a community to search in.' })),
  kind: orEmpty(searchKinds, 'Only this kind of result.'),
  tag: Type.Optional(Type.String({ maxLength: 64, description: 'Only topics, posts, articles and communities with this tag.' })),
  author: Type.Optional(Type.String({ maxLength: 64, description: 'Only things written by this username.' })),
  from: date('Written on or after this day'),
  to: date('Written on or before this day'),
  solved: orEmpty(['true', 'false'] as const, 'Only topics and posts of solved (true) or unsolved (false) questions and discussions.'),
  state: orEmpty(articleStateValues, 'Only articles in this lifecycle state.'),
  sort: orEmpty(['relevance', 'date'] as const, 'Best match first (default) or newest first.'),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: "Opaque cursor from a previous page's `nextCursor`." })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
});
export type SearchQueryString = Static<typeof SearchQueryString>;

const Kind = Type.Union(searchKinds.map((k) => Type.Literal(k)));

export const SearchResult = Type.Object({
  kind: Kind,
  id: Type.Integer(),
  title: Type.String({ description: 'Plain text; for posts, the title of their topic.' }),
  url: Type.String(),
  snippetHtml: Type.String({ description: 'Safe HTML: escaped text, matches wrapped in <mark>. No other markup.' }),
  community: Type.Union([Type.Object({ slug: Type.String(), name: Type.String() }), Type.Null()]),
  author: Type.Union([Type.Object({ username: Type.String(), displayName: Type.String() }), Type.Null()]),
  createdAt: Type.String(),
  state: Type.Union([Type.String(), Type.Null()], { description: 'Articles: lifecycle state.' }),
  solved: Type.Union([Type.Boolean(), Type.Null()], { description: 'Topics and posts: whether the topic has an accepted answer.' }),
  score: Type.Number({ description: 'Relevance (higher is better); comparable only within one response.' }),
});
export type SearchResult = Static<typeof SearchResult>;

export const SearchResponse = Type.Object({
  q: Type.String(),
  items: Type.Array(SearchResult),
  counts: Type.Record(Type.String(), Type.Integer(), { description: 'Matches per kind (filters other than kind applied), counted up to 1001.' }),
  total: Type.Integer({ description: 'Matches of the chosen kind(s), counted up to 1001 per query.' }),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export type SearchResponse = Static<typeof SearchResponse>;
