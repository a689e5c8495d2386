import type { Generated } from 'kysely';

/** The kinds of interaction the member network counts. */
export type InteractionKind = 'answered' | 'replied' | 'coauthored' | 'mentored';

/**
 * A weighted, directed edge of the member network: `source` answered / replied to / mentored `target`
 * in a community (co-authored edges are stored once, source < target). `weight` is the recency-decayed
 * sum of `interactions` at the time of the build (docs/people/network.md).
 */
export interface NetworkEdgeTable {
  id: Generated<number>;
  community_id: number | null;
  source_id: number;
  target_id: number;
  kind: InteractionKind;
  interactions: number;
  weight: number;
  last_at: string;
}

/** One rebuild of network_edges; the newest id versions network_metrics. */
export interface NetworkBuildTable {
  id: Generated<number>;
  built_at: string;
  edge_count: number;
}

/** Cached metrics and layout for one scope and one build (JSON payload). */
export interface NetworkMetricsTable {
  scope_key: string;
  build_id: number;
  computed_at: string;
  payload: string;
}

/** Tables of src/people/network (added to Database in ../schema.ts). */
export interface NetworkTables {
  network_edges: NetworkEdgeTable;
  network_builds: NetworkBuildTable;
  network_metrics: NetworkMetricsTable;
}
