import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { Config } from '../core/config.ts';
import { PageQuery, pageInfo } from '../core/http/pagination.ts';

/** A string limited to the given values; Ajv reports `enum`, which reads well ("must be one of: …"). */
export function StringEnum<const T extends readonly string[]>(values: T, opts: { description?: string } = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...opts });
}

export const SLUG_PATTERN = '^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$';
export const TAG_PATTERN = '^[a-z0-9-]+$';
export const RESERVED_SLUGS: readonly string[] = ['new', 'edit'];

const Formality = StringEnum(['formal', 'informal'] as const);
const Locality = StringEnum(['local', 'distributed'] as const);
const Visibility = StringEnum(['public', 'private'] as const);
const JoinPolicy = StringEnum(['open', 'approval', 'invite'] as const);
export const Role = StringEnum(['steward', 'moderator', 'member'] as const);
const AcceptBy = StringEnum(['asker', 'steward', 'asker_or_steward'] as const, {
  description: 'Who may accept an answer to a question: the asker, stewards and moderators, or either (the default).',
});

const TagPolicy = StringEnum(['open', 'closed'] as const, {
  description: "Tags on topics and articles: 'open' (the default) accepts new tags; 'closed' only tags in the community's tag list or already in use there.",
});

/** The editable fields of a community; `tags` differs between API (array) and form (comma-separated). */
function fields<T extends TSchema>(tags: T) {
  return {
    name: Type.String({ minLength: 3, maxLength: 80 }),
    slug: Type.String({ minLength: 3, maxLength: 40, pattern: SLUG_PATTERN, description: 'Lowercase letters, digits and hyphens; used in the address /c/<slug>.' }),
    domainStatement: Type.String({ minLength: 1, maxLength: 500, description: 'What the community is about.' }),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    tags: Type.Optional(tags),
    formality: Formality,
    sponsor: Type.Optional(Type.String({ maxLength: 200, description: 'Required when formal.' })),
    locality: Locality,
    location: Type.Optional(Type.String({ maxLength: 200, description: 'Required when local.' })),
    visibility: Visibility,
    joinPolicy: JoinPolicy,
    acceptBy: Type.Optional(AcceptBy),
    tagPolicy: Type.Optional(TagPolicy),
  };
}

/** JSON body of POST /api/v1/communities. */
export function communityCreateBody(limits: Config['limits']) {
  const tag = Type.String({ minLength: 1, maxLength: 30, pattern: TAG_PATTERN });
  return Type.Object(fields(Type.Array(tag, { maxItems: limits.tagsMax })), { additionalProperties: false });
}

/** JSON body of PATCH /api/v1/communities/:slug: any subset of the create fields. */
export function communityPatchBody(limits: Config['limits']) {
  return Type.Partial(communityCreateBody(limits), { additionalProperties: false });
}

/** Form body of the create and edit pages: tags as one comma-separated string. */
export const CommunityForm = Type.Object({ ...fields(Type.String({ maxLength: 2000 })), _csrf: Type.Optional(Type.String()) });

export type CommunityInput = Static<ReturnType<typeof communityCreateBody>>;
export type CommunityFormBody = Static<typeof CommunityForm>;

export const SlugParams = Type.Object({ slug: Type.String({ maxLength: 100 }) });

const Person = Type.Object({ username: Type.String(), displayName: Type.String() });

/** A community as lists show it: what anyone who may see it may know. */
export const CommunitySummary = Type.Object({
  id: Type.Integer(),
  slug: Type.String(),
  name: Type.String(),
  domainStatement: Type.String(),
  tags: Type.Array(Type.String()),
  formality: Formality,
  locality: Locality,
  location: Type.String(),
  visibility: Visibility,
  joinPolicy: JoinPolicy,
  memberCount: Type.Integer(),
});
export type CommunitySummaryT = Static<typeof CommunitySummary>;

const Viewer = Type.Object({
  role: Type.Union([Role, Type.Null()]),
  canRead: Type.Boolean(),
  canEdit: Type.Boolean(),
  canManageMembers: Type.Boolean(),
  canJoin: Type.Boolean(),
  pendingRequestId: Type.Union([Type.Integer(), Type.Null()]),
  invitationId: Type.Union([Type.Integer(), Type.Null()]),
});

/** A community's page; the optional parts are present only for actors who may read its content. */
export const CommunityDetail = Type.Composite([
  CommunitySummary,
  Type.Object({
    viewer: Viewer,
    description: Type.Optional(Type.String()),
    sponsor: Type.Optional(Type.String()),
    acceptBy: Type.Optional(AcceptBy),
    tagPolicy: Type.Optional(TagPolicy),
    createdAt: Type.Optional(Type.String()),
    stewards: Type.Optional(Type.Array(Person)),
    latestTopics: Type.Optional(Type.Array(Type.Object({ id: Type.Integer(), title: Type.String(), kind: Type.String(), replyCount: Type.Integer(), answerCount: Type.Integer(), solved: Type.Boolean(), lastPostedAt: Type.String(), author: Person }))),
    recentActivity: Type.Optional(Type.Array(Type.Object({ id: Type.Integer(), verb: Type.String(), actor: Type.Union([Person, Type.Null()]), createdAt: Type.String() }))),
  }),
]);
export type CommunityDetailT = Static<typeof CommunityDetail>;

/** Directory filters (API). */
export const DirectoryQuery = Type.Composite([
  PageQuery,
  Type.Object({
    q: Type.Optional(Type.String({ maxLength: 200 })),
    tag: Type.Optional(Type.String({ maxLength: 30 })),
    formality: Type.Optional(Formality),
    locality: Type.Optional(Locality),
    visibility: Type.Optional(Visibility),
    mine: Type.Optional(StringEnum(['0', '1'] as const, { description: '1: only communities I am a member of.' })),
  }),
]);
export type DirectoryQueryT = Static<typeof DirectoryQuery>;

/** Directory filters (page): the same, but an empty select means "any". */
export const DirectoryPageQuery = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  tag: Type.Optional(Type.String({ maxLength: 30 })),
  formality: Type.Optional(StringEnum(['', 'formal', 'informal'] as const)),
  locality: Type.Optional(StringEnum(['', 'local', 'distributed'] as const)),
  visibility: Type.Optional(StringEnum(['', 'public', 'private'] as const)),
  mine: Type.Optional(StringEnum(['', '0', '1'] as const)),
});
export type DirectoryPageQueryT = Static<typeof DirectoryPageQuery>;

export const CommunityPage = Type.Object({ items: Type.Array(CommunitySummary), ...pageInfo });

/** The one error shape, for documenting the error responses of a route. */
export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Array(Type.Object({ field: Type.String(), message: Type.String() })),
  }),
});

/** Error responses keyed by status, to spread into a route's `response` schema. */
export function errors(...statuses: number[]): Record<number, typeof ErrorBody> {
  return Object.fromEntries(statuses.map((s) => [s, ErrorBody]));
}
