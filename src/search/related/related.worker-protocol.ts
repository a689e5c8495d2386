import type { RelatedSource } from './query.ts';
import type { Ranked } from './rank.ts';
import type { RankOptions } from './related.rank.ts';

/** What the ranking worker is started with. */
export interface WorkerData {
  /** The SQLite database file (the one the main thread has open). */
  file: string;
  /** Its page cache, MiB. */
  cacheMb: number;
}

/** One ranking asked of the worker. */
export interface RankRequest {
  id: number;
  src: RelatedSource;
  opts: RankOptions;
}

/** The worker's answer to a RankRequest. */
export type RankReply = { id: number; ranked: Ranked[] } | { id: number; error: string };
