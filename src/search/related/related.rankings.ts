import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Db } from '../../core/db/index.ts';
import type { Deps } from '../../core/deps.ts';
import type { RelatedSource } from './query.ts';
import type { Ranked } from './rank.ts';
import type { RankOptions } from './related.rank.ts';
import { readRanking, writeRanking } from './related.rankings.store.ts';
import { RankingQueue } from './related.queue.ts';
import { inProcessRunner, sqliteWorkerRunner, type Runner } from './related.runner.ts';

/**
 * Where a topic's related ranking comes from (docs/related.md): this node's memory, else the
 * `related_rankings` table (shared by every node, kept across restarts), else it is computed — in the
 * SQLite worker, or in process on PostgreSQL — and written to both. A row older than
 * RELATED_CACHE_SECONDS, or built from a title/tags/body/community that has changed since, is still
 * served while it is ranked again behind. Only ids and scores are kept; `toItems` checks every item
 * against the viewer on every request.
 */
interface Rankings {
  memory: LRUCache<string, Ranked[]>;
  queue: RankingQueue;
  runner: Runner;
  /** Set on app close: queued rankings are dropped, nothing more is computed or written. */
  closed: boolean;
}

const RANKINGS_KEPT = 20_000;
/** Background rankings waiting beyond the one running; more are dropped (the next view asks again). */
const QUEUED_MAX = 200;

const registry = new WeakMap<Db, Rankings>();

function rankingsFor(deps: Pick<Deps, 'db' | 'dbInfo' | 'config' | 'log'>): Rankings {
  let r = registry.get(deps.db);
  if (!r) {
    const worker = deps.dbInfo.dialect === 'sqlite' && deps.config.relatedWorker;
    r = {
      memory: new LRUCache<string, Ranked[]>({ max: RANKINGS_KEPT, ttl: Math.max(1, deps.config.relatedCacheSeconds) * 1000 }),
      // One worker ranks one at a time; in process, two at once leave the pool free for pages.
      queue: new RankingQueue({ concurrency: worker ? 1 : 2, maxQueued: QUEUED_MAX }),
      runner: worker ? sqliteWorkerRunner(deps.db, { cacheMb: deps.config.sqliteCacheMb, log: deps.log }) : inProcessRunner(deps.db),
      closed: false,
    };
    registry.set(deps.db, r);
  }
  return r;
}

/** What a kept ranking was built from, hashed: an edited title, tags, opening post or accepted answer, or a move, changes it. */
export function sourceHash(src: RelatedSource, communityId: number): string {
  return createHash('sha1').update(JSON.stringify([src.title, src.tags, src.body, src.accepted, communityId])).digest('hex').slice(0, 16);
}

/** One topic's ranking to look up. */
export interface RankingAsk {
  topicId: number;
  /** Method and depth, e.g. `phrase|30`. */
  variant: string;
  src: RelatedSource;
  hash: string;
  opts: RankOptions;
}

/**
 * The ranking for `ask`: from memory, the table, or computed. With `wait: false` it answers null
 * when there is none yet and queues it (a page shown without it; the next view has it).
 */
export async function topicRanking(deps: Deps, ask: RankingAsk, opts: { wait: boolean }): Promise<Ranked[] | null> {
  const r = rankingsFor(deps);
  const ttlMs = deps.config.relatedCacheSeconds * 1000;
  if (ttlMs <= 0) return enqueue(deps, r, ask, false, { background: false });
  const memKey = `${ask.topicId}|${ask.variant}|${ask.hash}`;
  const inMemory = r.memory.get(memKey);
  if (inMemory) return inMemory;
  const kept = await readRanking(deps.db, ask.topicId, ask.variant);
  if (kept) {
    const age = deps.clock.now().getTime() - kept.computedAt.getTime();
    if (kept.sourceHash === ask.hash && age < ttlMs) r.memory.set(memKey, kept.ranked, { ttl: Math.min(ttlMs, ttlMs - age) });
    else void enqueue(deps, r, ask, true, { background: true });
    return kept.ranked;
  }
  if (!opts.wait) {
    void enqueue(deps, r, ask, true, { background: true });
    return null;
  }
  return enqueue(deps, r, ask, true, { background: false });
}

/** Queues a computation of `ask` (shared with one already queued); background failures are logged, not thrown. */
function enqueue(deps: Deps, r: Rankings, ask: RankingAsk, keep: boolean, opts: { background: boolean }): Promise<Ranked[]> | null {
  const key = `${ask.topicId}|${ask.variant}|${ask.hash}|${keep ? 'keep' : 'once'}`;
  const job = r.queue.enqueue(
    key,
    async () => {
      if (r.closed) throw new Error('related rankings closed');
      const ranked = await r.runner.run(ask.src, ask.opts);
      if (r.closed) return ranked;
      if (keep) {
        // Keeping it saves the next node or restart a ranking; failing to (the topic removed meanwhile) must not fail this one.
        await writeRanking(deps.db, ask.topicId, ask.variant, { ranked, sourceHash: ask.hash, computedAt: deps.clock.now() }).catch((err: unknown) => deps.log.warn({ err, topicId: ask.topicId }, 'could not keep a related ranking'));
        r.memory.set(`${ask.topicId}|${ask.variant}|${ask.hash}`, ranked, { ttl: deps.config.relatedCacheSeconds * 1000 });
      }
      return ranked;
    },
    opts,
  );
  if (job && opts.background) {
    job.catch((err: unknown) => {
      if (!r.closed) deps.log.warn({ err, topicId: ask.topicId }, 'related ranking failed');
    });
  }
  return job;
}

/** At app start: looks up what the SQLite worker will need (the database file), so no page pays for it. */
export async function prepareRelatedRankings(deps: Deps): Promise<void> {
  await rankingsFor(deps).runner.prepare();
}

/** Resolves once no ranking of this database is waiting or running (tests, benchmarks). */
export async function settleRelatedRankings(db: Db): Promise<void> {
  await registry.get(db)?.queue.idle();
}

/** Rankings computed for this database by this process, and how many in the worker. */
export function relatedRankingStats(db: Db): { computed: number; inWorker: number } {
  return { ...(registry.get(db)?.runner.stats ?? { computed: 0, inWorker: 0 }) };
}

/**
 * On app close: drops the rankings still queued, stops the worker, and resolves once nothing of
 * ours touches the database any more (the caller closes it next). Later asks start afresh.
 */
export async function closeRelatedRankings(db: Db): Promise<void> {
  const r = registry.get(db);
  registry.delete(db);
  if (!r) return;
  r.closed = true;
  await r.runner.close();
  await r.queue.idle();
}
