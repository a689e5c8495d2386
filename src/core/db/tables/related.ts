/** Tables of src/search/related (added to Database in ../schema.ts; docs/related.md). */

/**
 * A topic's related ranking, as computed (over all communities; readers are filtered when it is
 * shown). `ranked` is the ranking's JSON array `[{kind, id, communityId, score}, …]`, best first: it is
 * always read and written whole, as one derived value, and no query looks inside it.
 */
export interface RelatedRankingTable {
  topic_id: number;
  /** The ranking's method and depth, e.g. `phrase|30`. */
  variant: string;
  /** Hash of what the ranking was built from (title, tags, opening post, accepted answer, community): an edit makes it differ. */
  source_hash: string;
  ranked: string;
  /** ISO-8601 UTC. */
  computed_at: string;
}

export interface RelatedTables {
  related_rankings: RelatedRankingTable;
}
