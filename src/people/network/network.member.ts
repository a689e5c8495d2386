import type { Deps } from '../../core/deps.ts';
import type { InteractionKind } from '../../core/db/tables/network.ts';
import type { Actor } from '../../core/permissions/index.ts';
import { bridgedCommunities, cachedOrganisationSummary, readableScope, type CommunityRef, type Person } from './network.service.ts';
import { communitiesByIds, edgesOfMember, peopleByIds } from './network.store.ts';

const PARTNERS = 5;

/** What a profile shows of a member's place in the network, from what the viewer may read. */
export interface MemberConnections {
  /** Communities the member holds strong ties into, when two or more. */
  bridges: Array<CommunityRef & { weight: number }>;
  /** When the member is a broker of the organisation network: the groups they connect (names of up to 3 members each, size, community). */
  connects: Array<{ size: number; members: Person[]; community: CommunityRef | null }>;
  partners: Array<Person & { weight: number; kinds: Partial<Record<InteractionKind, number>> }>;
}

/** The member's bridges, the groups they connect and their strongest interaction partners, as `actor` may see them. */
export async function memberConnections(deps: Deps, actor: Actor | null, memberId: number): Promise<MemberConnections> {
  const scope = await readableScope(deps, actor);
  const edges = await edgesOfMember(deps.db, memberId, scope);
  const partners = new Map<number, { weight: number; kinds: Partial<Record<InteractionKind, number>> }>();
  for (const e of edges) {
    const other = e.sourceId === memberId ? e.targetId : e.sourceId;
    const p = partners.get(other) ?? { weight: 0, kinds: {} };
    p.weight += e.weight;
    p.kinds[e.kind] = (p.kinds[e.kind] ?? 0) + e.interactions;
    partners.set(other, p);
  }
  const top = [...partners.entries()].sort((a, b) => b[1].weight - a[1].weight || a[0] - b[0]).slice(0, PARTNERS);
  const bridges = bridgedCommunities(memberId, edges);
  // Only from an already computed organisation summary: a profile page never pays for the whole graph.
  const broker = edges.length > 0 ? (await cachedOrganisationSummary(deps, actor))?.brokers.find((b) => b.id === memberId) : undefined;
  const groups = broker?.groups ?? [];
  const people = await peopleByIds(deps.db, [...top.map(([id]) => id), ...groups.flatMap((g) => g.members)]);
  const communities = await communitiesByIds(deps.db, [...bridges.map((b) => b.id), ...groups.flatMap((g) => (g.community === null ? [] : [g.community]))]);
  return {
    bridges: bridges.flatMap((b) => (communities.has(b.id) ? [{ ...communities.get(b.id)!, weight: Math.round(b.weight * 100) / 100 }] : [])),
    connects: groups.map((g) => ({ size: g.size, members: g.members.flatMap((m) => (people.has(m) ? [people.get(m)!] : [])), community: g.community === null ? null : (communities.get(g.community) ?? null) })),
    partners: top.flatMap(([id, p]) => (people.has(id) ? [{ ...people.get(id)!, weight: Math.round(p.weight * 100) / 100, kinds: p.kinds }] : [])),
  };
}
