import { UndirectedGraph } from 'graphology';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import type { InteractionKind } from '../../core/db/tables/network.ts';

/** The default export of a CommonJS graphology package, whichever way the loader hands it over. */
export function cjsDefault<T>(m: T): T extends { default: infer D } ? D : T {
  const d = (m as { default?: unknown }).default;
  return (d ?? m) as T extends { default: infer D } ? D : T;
}
const betweennessCentrality = cjsDefault(betweennessModule);

/** A stored edge as the metrics read it. */
export interface EdgeInput {
  communityId: number | null;
  sourceId: number;
  targetId: number;
  kind: InteractionKind;
  interactions: number;
  weight: number;
}

/** Undirected tie between two members: every kind and direction of their interactions, summed. */
export interface TieAttributes {
  weight: number;
  kinds: Partial<Record<InteractionKind, number>>;
}

export type TieGraph = UndirectedGraph<Record<string, never>, TieAttributes>;

/** Builds the undirected tie graph (nodes are user ids as strings). Self-loops are dropped. */
export function buildTieGraph(edges: EdgeInput[]): TieGraph {
  const ties = new Map<string, { a: number; b: number; attr: TieAttributes }>();
  for (const e of edges) {
    if (e.sourceId === e.targetId) continue;
    const [a, b] = e.sourceId < e.targetId ? [e.sourceId, e.targetId] : [e.targetId, e.sourceId];
    const key = `${a}|${b}`;
    const tie = ties.get(key) ?? { a, b, attr: { weight: 0, kinds: {} } };
    tie.attr.weight += e.weight;
    tie.attr.kinds[e.kind] = (tie.attr.kinds[e.kind] ?? 0) + e.interactions;
    ties.set(key, tie);
  }
  const g: TieGraph = new UndirectedGraph({ allowSelfLoops: false });
  for (const { a, b, attr } of ties.values()) {
    g.mergeNode(String(a));
    g.mergeNode(String(b));
    g.addEdge(String(a), String(b), attr);
  }
  return g;
}

/** The graph as compressed rows: members in id order, and each one's neighbours (and tie weights) in one array. */
function adjacency(g: TieGraph) {
  const nodes = g.nodes().sort((a, b) => Number(a) - Number(b));
  const index = new Map(nodes.map((n, i) => [n, i]));
  const N = nodes.length;
  const offsets = new Int32Array(N + 1);
  nodes.forEach((n, i) => (offsets[i + 1] = offsets[i]! + g.degree(n)));
  const targets = new Int32Array(offsets[N]!);
  const weights = new Float64Array(offsets[N]!);
  nodes.forEach((n, i) => {
    let k = offsets[i]!;
    g.forEachEdge(n, (_e, attr, s, t) => {
      targets[k] = index.get(s === n ? t : s)!;
      weights[k++] = attr.weight;
    });
  });
  return { nodes, N, offsets, targets, weights };
}

/** Above this many members betweenness is estimated from sampled sources (docs/people/network.md). */
export const EXACT_BETWEENNESS_LIMIT = 1500;
const SAMPLE_SOURCES = 400;
const MIN_SOURCES = 64;
/** Steps (members + adjacency entries, per source) the estimate may take: about 20 million. */
const SAMPLE_BUDGET = 20_000_000;

/**
 * Normalised betweenness centrality of every node (unweighted shortest paths: a tie is a tie). Exact
 * (graphology-metrics, Brandes) up to EXACT_BETWEENNESS_LIMIT nodes; beyond, Brandes from 64–400 evenly
 * spaced sources (as many as fit SAMPLE_BUDGET; deterministic), scaled up by N / sources.
 */
export function normalisedBetweenness(g: TieGraph): Map<string, number> {
  if (g.order === 0) return new Map();
  if (g.order <= EXACT_BETWEENNESS_LIMIT) return new Map(Object.entries(betweennessCentrality(g, { normalized: true })));
  return sampledBetweenness(g, Math.max(MIN_SOURCES, Math.min(SAMPLE_SOURCES, Math.floor(SAMPLE_BUDGET / (g.order + 2 * g.size)))));
}

/** Brandes from `sources` evenly spaced sources (all of them when sources = N: exact), normalised and scaled by N / sources. */
export function sampledBetweenness(g: TieGraph, sources: number): Map<string, number> {
  if (g.order < 3) return new Map(g.nodes().map((n) => [n, 0]));
  const { nodes, N, offsets, targets } = adjacency(g);
  const cb = new Float64Array(N);
  const sigma = new Float64Array(N);
  const dist = new Int32Array(N);
  const delta = new Float64Array(N);
  const order = new Int32Array(N);
  const count = Math.min(sources, N);
  const step = N / count;
  for (let k = 0; k < count; k++) {
    const s = Math.floor(k * step);
    sigma.fill(0);
    dist.fill(-1);
    delta.fill(0);
    sigma[s] = 1;
    dist[s] = 0;
    order[0] = s;
    let size = 1;
    for (let head = 0; head < size; head++) {
      const v = order[head]!;
      for (let j = offsets[v]!; j < offsets[v + 1]!; j++) {
        const w = targets[j]!;
        if (dist[w] === -1) {
          dist[w] = dist[v]! + 1;
          order[size++] = w;
        }
        if (dist[w] === dist[v]! + 1) sigma[w] = sigma[w]! + sigma[v]!;
      }
    }
    // Back-propagate over successors (neighbours one step further), so no predecessor lists are kept.
    for (let i = size - 1; i >= 0; i--) {
      const v = order[i]!;
      let acc = 0;
      for (let j = offsets[v]!; j < offsets[v + 1]!; j++) {
        const w = targets[j]!;
        if (dist[w] === dist[v]! + 1) acc += (sigma[v]! / sigma[w]!) * (1 + delta[w]!);
      }
      delta[v] = acc;
      if (v !== s) cb[v] = cb[v]! + acc;
    }
  }
  const scale = N / count / ((N - 1) * (N - 2));
  return new Map(nodes.map((n, i) => [n, cb[i]! * scale]));
}

/** Articulation points: members whose removal splits their part of the graph (Tarjan, iterative). */
export function articulationPoints(g: TieGraph): Set<string> {
  const disc = new Map<string, number>();
  const low = new Map<string, number>();
  const points = new Set<string>();
  let time = 0;
  for (const root of g.nodes()) {
    if (disc.has(root)) continue;
    let rootChildren = 0;
    disc.set(root, time);
    low.set(root, time++);
    const stack: Array<{ v: string; parent: string | null; next: number; nbrs: string[] }> = [{ v: root, parent: null, next: 0, nbrs: g.neighbors(root) }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.next < top.nbrs.length) {
        const w = top.nbrs[top.next++]!;
        if (!disc.has(w)) {
          disc.set(w, time);
          low.set(w, time++);
          if (top.v === root) rootChildren++;
          stack.push({ v: w, parent: top.v, next: 0, nbrs: g.neighbors(w) });
        } else if (w !== top.parent) low.set(top.v, Math.min(low.get(top.v)!, disc.get(w)!));
      } else {
        stack.pop();
        const parent = top.parent;
        if (parent === null) continue;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.v)!));
        if (parent !== root && low.get(top.v)! >= disc.get(parent)!) points.add(parent);
      }
    }
    if (rootChildren > 1) points.add(root);
  }
  return points;
}

/** The separate groups `v` holds together: the components of the graph without `v` that touch its neighbours. */
export function groupsSeparatedBy(g: TieGraph, v: string): string[][] {
  const seen = new Set<string>([v]);
  const groups: string[][] = [];
  for (const start of g.neighbors(v)) {
    if (seen.has(start)) continue;
    const group = [start];
    seen.add(start);
    for (let i = 0; i < group.length; i++) {
      for (const w of g.neighbors(group[i]!)) {
        if (seen.has(w)) continue;
        seen.add(w);
        group.push(w);
      }
    }
    groups.push(group);
  }
  return groups;
}

/**
 * Detected groups by weighted label propagation, deterministic: nodes in id order, each takes the label
 * with the most tie weight among its neighbours (ties: the smallest label), until nothing changes (≤ 30 rounds).
 * Returns node → group number, groups numbered by size (0 = largest).
 */
export function detectGroups(g: TieGraph): Map<string, number> {
  const { nodes, N, offsets, targets, weights } = adjacency(g);
  const label = Int32Array.from(nodes, Number);
  const score = new Map<number, number>();
  for (let round = 0; round < 30; round++) {
    let changed = false;
    for (let v = 0; v < N; v++) {
      score.clear();
      for (let j = offsets[v]!; j < offsets[v + 1]!; j++) {
        const l = label[targets[j]!]!;
        score.set(l, (score.get(l) ?? 0) + weights[j]!);
      }
      let best = label[v]!;
      let bestScore = -1;
      for (const [l, sc] of score) {
        if (sc > bestScore || (sc === bestScore && l < best)) {
          best = l;
          bestScore = sc;
        }
      }
      if (best !== label[v]) {
        label[v] = best;
        changed = true;
      }
    }
    if (!changed) break;
  }
  const sizes = new Map<number, number>();
  for (const l of label) sizes.set(l, (sizes.get(l) ?? 0) + 1);
  const ranked = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([l]) => l);
  const number = new Map(ranked.map((l, i) => [l, i]));
  return new Map(nodes.map((n, i) => [n, number.get(label[i]!)!]));
}
