import { UndirectedGraph } from 'graphology';
import fa2Module from 'graphology-layout-forceatlas2';
import { cjsDefault, type TieGraph } from './network.graph.ts';

const forceAtlas2 = cjsDefault(fa2Module);
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Positions for the drawn members, in [0, 1] × [0, 1]. Deterministic: the members start on a
 * golden-angle spiral in the order given (most connected in the middle) and ForceAtlas2 runs a fixed
 * number of iterations on the subgraph between them.
 */
export function layoutNodes(g: TieGraph, drawn: string[]): Map<string, { x: number; y: number }> {
  const sub = new UndirectedGraph<{ x: number; y: number }, { weight: number }>();
  drawn.forEach((n, i) => {
    const r = Math.sqrt(i + 0.5);
    sub.addNode(n, { x: r * Math.cos(i * GOLDEN_ANGLE), y: r * Math.sin(i * GOLDEN_ANGLE) });
  });
  for (const n of drawn) {
    g.forEachEdge(n, (_e, attr, s, t) => {
      if (sub.hasNode(s) && sub.hasNode(t) && !sub.hasEdge(s, t)) sub.addEdge(s, t, { weight: attr.weight });
    });
  }
  if (sub.order > 1) {
    const settings = { ...forceAtlas2.inferSettings(sub), barnesHutOptimize: false, gravity: 1 };
    forceAtlas2.assign(sub, { iterations: 200, settings, getEdgeWeight: 'weight' });
  }
  const xs = drawn.map((n) => sub.getNodeAttribute(n, 'x'));
  const ys = drawn.map((n) => sub.getNodeAttribute(n, 'y'));
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = (v: number, lo: number, hi: number) => (hi - lo < 1e-9 ? 0.5 : Math.round(((v - lo) / (hi - lo)) * 10_000) / 10_000);
  return new Map(drawn.map((n, i) => [n, { x: scale(xs[i]!, minX, maxX), y: scale(ys[i]!, minY, maxY) }]));
}
