import type { InteractionKind } from '../../core/db/tables/network.ts';
import { articulationPoints, buildTieGraph, detectGroups, groupsSeparatedBy, normalisedBetweenness, type EdgeInput, type TieGraph } from './network.graph.ts';
import { layoutNodes } from './network.layout.ts';

/** A tie of at least this weight (≈ two recent interactions, docs/people/network.md) is strong. */
export const STRONG_TIE = 2;
/** The drawing shows at most this many members (the most connected). */
export const DRAW_LIMIT = 150;
const LIST_LIMIT = 10;
/** At most this many members are named for sitting between detected groups (after the articulation points). */
const BETWEEN_GROUPS_LIMIT = 5;
const ARTICULATION_CANDIDATES = 40;

/** A group a broker connects: its size, its best-connected members and the community most of them belong to. */
export interface GroupRef {
  size: number;
  members: number[];
  community: number | null;
}
export interface NetworkNode { id: number; degree: number; strength: number; betweenness: number; group: number; community: number | null; x: number; y: number }
export interface NetworkEdge { source: number; target: number; weight: number; kinds: Partial<Record<InteractionKind, number>> }
export interface Broker { id: number; betweenness: number; reason: 'articulation' | 'between-groups'; groups: GroupRef[] }
export interface Spanner { id: number; communities: Array<{ id: number; weight: number }> }

/** Everything a network page or API answer shows, computed once per scope and build and cached. */
export interface NetworkSummary {
  memberCount: number;
  tieCount: number;
  groupCount: number;
  capped: boolean;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  top: Array<{ id: number; betweenness: number; degree: number }>;
  brokers: Broker[];
  spanners: Spanner[];
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** Per member, the summed tie weight with each partner in each community. */
function tiesByCommunity(edges: EdgeInput[]): Map<number, Map<number | null, Map<number, number>>> {
  const out = new Map<number, Map<number | null, Map<number, number>>>();
  const add = (a: number, b: number, c: number | null, w: number) => {
    const byC = out.get(a) ?? new Map<number | null, Map<number, number>>();
    const partners = byC.get(c) ?? new Map<number, number>();
    partners.set(b, (partners.get(b) ?? 0) + w);
    byC.set(c, partners);
    out.set(a, byC);
  };
  for (const e of edges) {
    if (e.sourceId === e.targetId) continue;
    add(e.sourceId, e.targetId, e.communityId, e.weight);
    add(e.targetId, e.sourceId, e.communityId, e.weight);
  }
  return out;
}

/** Boundary spanners: members with a strong tie (≥ STRONG_TIE) into two or more communities. */
export function boundarySpanners(edges: EdgeInput[]): Spanner[] {
  const spanners: Spanner[] = [];
  for (const [id, byC] of tiesByCommunity(edges)) {
    const strong: Spanner['communities'] = [];
    for (const [c, partners] of byC) {
      const best = Math.max(...partners.values());
      if (c !== null && best >= STRONG_TIE) strong.push({ id: c, weight: round(best) });
    }
    if (strong.length >= 2) spanners.push({ id, communities: strong.sort((a, b) => b.weight - a.weight || a.id - b.id) });
  }
  return spanners.sort((a, b) => b.communities.length - a.communities.length || a.id - b.id);
}

/** Each member's main community: where most of their tie weight is (ties broken by the smaller id). */
function primaryCommunities(edges: EdgeInput[]): Map<number, number | null> {
  const out = new Map<number, number | null>();
  for (const [id, byC] of tiesByCommunity(edges)) {
    let best: number | null = null;
    let bestW = -1;
    for (const [c, partners] of byC) {
      const w = [...partners.values()].reduce((s, x) => s + x, 0);
      if (c === null || !(w > bestW || (w === bestW && best !== null && c < best))) continue;
      best = c;
      bestW = w;
    }
    out.set(id, best);
  }
  return out;
}

/** Computes the whole summary (metrics, brokers, spanners, the capped and laid-out drawing) from stored edges. */
export function summariseNetwork(edges: EdgeInput[]): NetworkSummary {
  const g = buildTieGraph(edges);
  const betweenness = normalisedBetweenness(g);
  const groups = detectGroups(g);
  const primary = primaryCommunities(edges);
  const degree = (n: string) => g.degree(n);
  const byRank = g.nodes().sort((a, b) => degree(b) - degree(a) || betweenness.get(b)! - betweenness.get(a)! || Number(a) - Number(b));
  const groupRef = (members: string[]): GroupRef => {
    const ranked = [...members].sort((a, b) => degree(b) - degree(a) || Number(a) - Number(b));
    const counts = new Map<number, number>();
    for (const m of members) {
      const c = primary.get(Number(m));
      if (c != null) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    const community = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? null;
    return { size: members.length, members: ranked.slice(0, 3).map(Number), community };
  };
  const drawn = byRank.slice(0, DRAW_LIMIT);
  const positions = layoutNodes(g, drawn);
  const inDrawing = new Set(drawn);
  const edgesOut: NetworkEdge[] = [];
  g.forEachEdge((_e, attr, s, t) => {
    if (inDrawing.has(s) && inDrawing.has(t)) edgesOut.push({ source: Number(s), target: Number(t), weight: round(attr.weight), kinds: attr.kinds });
  });
  return {
    memberCount: g.order,
    tieCount: g.size,
    groupCount: new Set(groups.values()).size,
    capped: g.order > drawn.length,
    nodes: drawn.map((n) => ({ id: Number(n), degree: degree(n), strength: round(g.reduceEdges(n, (s, _e, a) => s + a.weight, 0)), betweenness: round(betweenness.get(n)!), group: groups.get(n)!, community: primary.get(Number(n)) ?? null, x: positions.get(n)!.x, y: positions.get(n)!.y })),
    edges: edgesOut,
    top: [...g.nodes()].filter((n) => betweenness.get(n)! > 0).sort((a, b) => betweenness.get(b)! - betweenness.get(a)! || Number(a) - Number(b)).slice(0, LIST_LIMIT).map((n) => ({ id: Number(n), betweenness: round(betweenness.get(n)!), degree: degree(n) })),
    brokers: findBrokers(g, betweenness, groups, groupRef),
    spanners: boundarySpanners(edges),
  };
}

/**
 * Who connects otherwise separate groups: articulation points first (their removal splits the graph into
 * two or more parts of at least two members; the groups are what falls apart), then up to five members
 * tied into two or more detected groups, by betweenness.
 */
function findBrokers(g: TieGraph, betweenness: Map<string, number>, groups: Map<string, number>, groupRef: (m: string[]) => GroupRef): Broker[] {
  const b = (n: string) => betweenness.get(n)!;
  const byB = (x: string, y: string) => b(y) - b(x) || Number(x) - Number(y);
  const out: Broker[] = [];
  // Only the best-placed candidates are examined: each costs a walk of the graph.
  for (const n of [...articulationPoints(g)].sort(byB).slice(0, ARTICULATION_CANDIDATES)) {
    const parts = groupsSeparatedBy(g, n);
    // A lone member hanging off someone is not a group: at least two parts of two or more members.
    if (out.length < LIST_LIMIT && parts.filter((p) => p.length >= 2).length >= 2) out.push({ id: Number(n), betweenness: round(b(n)), reason: 'articulation', groups: parts.map(groupRef).sort((x, y) => y.size - x.size) });
  }
  const limit = Math.min(LIST_LIMIT, out.length + BETWEEN_GROUPS_LIMIT);
  const taken = new Set(out.map((x) => String(x.id)));
  const members = new Map<number, string[]>();
  for (const [n, grp] of groups) members.set(grp, [...(members.get(grp) ?? []), n]);
  for (const n of g.nodes().filter((x) => !taken.has(x) && b(x) > 0).sort(byB)) {
    if (out.length >= limit) break;
    const touched = new Set([groups.get(n)!, ...g.neighbors(n).map((m) => groups.get(m)!)]);
    if (touched.size < 2) continue;
    out.push({ id: Number(n), betweenness: round(b(n)), reason: 'between-groups', groups: [...touched].sort((x, y) => x - y).map((grp) => groupRef(members.get(grp)!.filter((m) => m !== n))) });
  }
  return out;
}
