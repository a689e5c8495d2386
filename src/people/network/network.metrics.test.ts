import { describe, expect, it } from 'vitest';
import type { EdgeInput } from './network.graph.ts';
import { articulationPoints, buildTieGraph, detectGroups, EXACT_BETWEENNESS_LIMIT, normalisedBetweenness, sampledBetweenness } from './network.graph.ts';
import { boundarySpanners, DRAW_LIMIT, STRONG_TIE, summariseNetwork } from './network.metrics.ts';

const e = (a: number, b: number, opts: Partial<EdgeInput> = {}): EdgeInput => ({ communityId: 1, sourceId: a, targetId: b, kind: 'answered', interactions: 1, weight: 1, ...opts });

/*
 * Two triangles {1,2,3} and {4,5,6}, and member 7 tied to 1 and 4 only. By hand, with N = 7 and
 * normalised betweenness = 2·(pairs through v)/((N−1)(N−2)) = pairs/15:
 *  - 7 lies on the only shortest path of all 3 × 3 cross pairs: 9/15 = 0.6;
 *  - 1 lies on (2,7), (3,7) and 2 × 3 paths from 2 and 3 into the other triangle: 8/15 ≈ 0.5333 (same for 4);
 *  - 2, 3, 5, 6 lie on no shortest path between others: 0.
 */
const twoTriangles = [e(1, 2), e(2, 3), e(1, 3), e(4, 5), e(5, 6), e(4, 6), e(7, 1), e(7, 4)];

describe('network metrics on two triangles joined through one broker', () => {
  it('computes the betweenness worked out by hand', () => {
    const b = normalisedBetweenness(buildTieGraph(twoTriangles));
    expect(b.get('7')).toBeCloseTo(0.6, 10);
    expect(b.get('1')).toBeCloseTo(8 / 15, 10);
    expect(b.get('4')).toBeCloseTo(8 / 15, 10);
    for (const n of ['2', '3', '5', '6']) expect(b.get(n)).toBe(0);
  });

  it('finds the articulation points and the groups each holds together', () => {
    expect([...articulationPoints(buildTieGraph(twoTriangles))].sort()).toEqual(['1', '4', '7']);
    const s = summariseNetwork(twoTriangles);
    expect(s.brokers.map((b) => [b.id, b.reason])).toEqual([[7, 'articulation'], [1, 'articulation'], [4, 'articulation']]);
    const seven = s.brokers[0]!;
    expect(seven.groups.map((g) => g.size)).toEqual([3, 3]);
    expect(seven.groups.map((g) => [...g.members].sort()).sort()).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(s.top.map((t) => t.id)).toEqual([7, 1, 4]);
  });

  it('detects the two triangles as groups, deterministically', () => {
    const groups = detectGroups(buildTieGraph(twoTriangles));
    expect(groups.get('1')).toBe(groups.get('2'));
    expect(groups.get('2')).toBe(groups.get('3'));
    expect(groups.get('4')).toBe(groups.get('5'));
    expect(groups.get('1')).not.toBe(groups.get('4'));
    expect(detectGroups(buildTieGraph([...twoTriangles].reverse()))).toEqual(groups);
  });

  it('counts members, ties and degree, and lays the drawing out the same way every time', () => {
    const s = summariseNetwork(twoTriangles);
    expect([s.memberCount, s.tieCount, s.capped]).toEqual([7, 8, false]);
    expect(s.nodes.find((n) => n.id === 1)!.degree).toBe(3);
    expect(s.nodes.every((n) => n.x >= 0 && n.x <= 1 && n.y >= 0 && n.y <= 1)).toBe(true);
    expect(summariseNetwork(twoTriangles).nodes).toEqual(s.nodes);
  });
});

describe('boundary spanners', () => {
  it('names members with a strong tie into two or more communities, and only those', () => {
    const edges = [
      e(1, 2, { communityId: 10, weight: STRONG_TIE }),
      e(1, 3, { communityId: 20, weight: 1.5, kind: 'replied' }),
      e(3, 1, { communityId: 20, weight: 1, kind: 'answered' }), // both directions add up: 2.5 with 3 in 20
      e(2, 4, { communityId: 20, weight: 1 }), // weak: 2 is not a spanner
      e(2, 5, { communityId: 10, weight: 3 }),
      e(6, 7, { communityId: null, weight: 5, kind: 'mentored' }), // no community: never a spanner tie
    ];
    expect(boundarySpanners(edges)).toEqual([{ id: 1, communities: [{ id: 20, weight: 2.5 }, { id: 10, weight: 2 }] }]);
  });
});

describe('an empty network', () => {
  it('has no members, ties, brokers or drawing', () => {
    expect(summariseNetwork([])).toEqual({ memberCount: 0, tieCount: 0, groupCount: 0, capped: false, nodes: [], edges: [], top: [], brokers: [], spanners: [] });
  });
});

describe('large graphs', () => {
  it('caps the drawing to the most connected members and says so', () => {
    const star = Array.from({ length: DRAW_LIMIT + 20 }, (_, i) => e(1, i + 2));
    const s = summariseNetwork(star);
    expect(s.capped).toBe(true);
    expect(s.nodes).toHaveLength(DRAW_LIMIT);
    expect(s.nodes[0]!.id).toBe(1);
    expect(s.edges.every((x) => s.nodes.some((n) => n.id === x.source) && s.nodes.some((n) => n.id === x.target))).toBe(true);
  });

  it('computes the exact values with the sampling code when every member is a source', () => {
    const b = sampledBetweenness(buildTieGraph(twoTriangles), 7);
    expect(b.get('7')).toBeCloseTo(0.6, 10);
    expect(b.get('1')).toBeCloseTo(8 / 15, 10);
    expect(b.get('2')).toBe(0);
  });

  it('estimates betweenness from sampled sources beyond the exact limit (a star centre stays near 1)', () => {
    const star = Array.from({ length: EXACT_BETWEENNESS_LIMIT + 500 }, (_, i) => e(1, i + 2));
    const b = normalisedBetweenness(buildTieGraph(star));
    expect(b.get('1')).toBeGreaterThan(0.99);
    expect(b.get('2')).toBe(0);
  });
});
