import { Type } from '@sinclair/typebox';
import { AuthorSchema, StringEnum } from '../../discussions/discussions.schema.ts';
import { DRAW_LIMIT, STRONG_TIE } from './network.metrics.ts';
import type { NetworkView } from './network.service.ts';

export { errorResponses } from '../../core/http/schemas.ts';

/** The OpenAPI tag of every network API route. */
export const tags = ['network'];

export const UsernameParams = Type.Object({ username: Type.String({ minLength: 1, maxLength: 100 }) });
export const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });

const CommunityRef = Type.Object({ slug: Type.String(), name: Type.String() });
const Kinds = Type.Object(
  { answered: Type.Optional(Type.Integer()), replied: Type.Optional(Type.Integer()), coauthored: Type.Optional(Type.Integer()), mentored: Type.Optional(Type.Integer()) },
  { description: 'How many interactions of each kind, both directions together.' },
);
const GroupSchema = Type.Object({
  size: Type.Integer({ description: 'Members in the group.' }),
  members: Type.Array(AuthorSchema, { description: 'Its best-connected members (up to 3).' }),
  community: Type.Union([CommunityRef, Type.Null()], { description: 'The community most of its members mainly interact in.' }),
});

export const NetworkSchema = Type.Object({
  scope: StringEnum(['organisation', 'community'] as const),
  community: Type.Union([CommunityRef, Type.Null()]),
  builtAt: Type.String({ format: 'date-time', description: 'When the interaction rollup was last rebuilt.' }),
  memberCount: Type.Integer({ description: 'Members with at least one interaction you may see.' }),
  tieCount: Type.Integer({ description: 'Pairs of members who interacted.' }),
  groupCount: Type.Integer({ description: 'Groups found by label propagation.' }),
  capped: Type.Boolean({ description: `True when only the ${DRAW_LIMIT} most connected members are in nodes and edges.` }),
  strongTie: Type.Number({ description: 'The tie weight from which a tie counts as strong.' }),
  communities: Type.Array(CommunityRef, { description: 'The communities the nodes, groups and spanners name, by name.' }),
  nodes: Type.Array(
    Type.Object({
      ...AuthorSchema.properties,
      degree: Type.Integer({ description: 'Distinct interaction partners.' }),
      strength: Type.Number({ description: 'Sum of tie weights.' }),
      betweenness: Type.Number({ description: 'Normalised betweenness centrality (0–1).' }),
      group: Type.Integer(),
      community: Type.Union([Type.String(), Type.Null()], { description: 'Slug of the community they mainly interact in.' }),
      x: Type.Number({ description: 'Layout position, 0–1.' }),
      y: Type.Number({ description: 'Layout position, 0–1.' }),
    }),
  ),
  edges: Type.Array(Type.Object({ source: Type.Integer(), target: Type.Integer(), weight: Type.Number({ description: 'Recency-decayed interactions.' }), kinds: Kinds })),
  topBetweenness: Type.Array(Type.Object({ member: AuthorSchema, betweenness: Type.Number(), degree: Type.Integer() })),
  brokers: Type.Array(
    Type.Object({
      member: AuthorSchema,
      betweenness: Type.Number(),
      reason: StringEnum(['articulation', 'between-groups'] as const, { description: 'articulation: removing them splits the groups apart; between-groups: tied into two or more detected groups.' }),
      groups: Type.Array(GroupSchema),
    }),
  ),
  spanners: Type.Array(Type.Object({ member: AuthorSchema, communities: Type.Array(Type.Object({ ...CommunityRef.properties, weight: Type.Number() })) }), {
    description: 'Boundary spanners: strong ties into two or more communities.',
  }),
});

const PersonRef = Type.Object({ username: Type.String(), displayName: Type.String() });
export const ConnectionsSchema = Type.Object({
  username: Type.String(),
  bridges: Type.Array(Type.Object({ ...CommunityRef.properties, weight: Type.Number() }), { description: 'Communities with a strong tie, when two or more.' }),
  connects: Type.Array(Type.Object({ size: Type.Integer(), members: Type.Array(PersonRef), community: Type.Union([CommunityRef, Type.Null()]) }), { description: 'Groups the member holds together, when a broker.' }),
  partners: Type.Array(Type.Object({ ...PersonRef.properties, weight: Type.Number(), kinds: Kinds }), { description: 'Strongest interaction partners, up to 5.' }),
});

/** The API shape of a network view. Names missing from the lookups (deleted meanwhile) show as "unknown". */
export function networkDto(v: NetworkView) {
  const person = (id: number) => ({ id, username: v.people.get(id)?.username ?? 'unknown', displayName: v.people.get(id)?.displayName ?? 'Unknown member' });
  const community = (id: number | null) => (id === null ? null : (v.communities.get(id) ?? null));
  const s = v.summary;
  return {
    scope: v.community ? ('community' as const) : ('organisation' as const),
    community: v.community ? { slug: v.community.slug, name: v.community.name } : null,
    builtAt: v.builtAt,
    memberCount: s.memberCount,
    tieCount: s.tieCount,
    groupCount: s.groupCount,
    capped: s.capped,
    strongTie: STRONG_TIE,
    communities: [...v.communities.values()].sort((x, y) => x.name.localeCompare(y.name)).map((c) => ({ slug: c.slug, name: c.name })),
    nodes: s.nodes.map((n) => ({ ...person(n.id), degree: n.degree, strength: n.strength, betweenness: n.betweenness, group: n.group, community: community(n.community)?.slug ?? null, x: n.x, y: n.y })),
    edges: s.edges,
    topBetweenness: s.top.map((t) => ({ member: person(t.id), betweenness: t.betweenness, degree: t.degree })),
    brokers: s.brokers.map((b) => ({ member: person(b.id), betweenness: b.betweenness, reason: b.reason, groups: b.groups.map((g) => ({ size: g.size, members: g.members.map(person), community: community(g.community) })) })),
    spanners: s.spanners.map((sp) => ({ member: person(sp.id), communities: sp.communities.flatMap((c) => (v.communities.has(c.id) ? [{ ...v.communities.get(c.id)!, weight: c.weight }] : [])) })),
  };
}
export type NetworkDto = ReturnType<typeof networkDto>;
