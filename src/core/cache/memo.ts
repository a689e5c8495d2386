import { LRUCache } from 'lru-cache';
import type { Db } from '../db/index.ts';

/**
 * Short-lived, per-node memory of derived read results that are costly to compute and may lag a
 * little (a topic's related ranking, a community's tag counts). One bounded LRU per database and
 * purpose; entries expire after the TTL given when the purpose is first used. Never cache anything a
 * caller does not then check against the viewer, or key it by what decides visibility.
 */
const caches = new WeakMap<Db, Map<string, LRUCache<string, { value: unknown }>>>();

/** The value under `key` for `purpose`, computed by `compute` when missing or older than `ttlMs`; ttlMs 0 never caches. */
export async function memo<T>(db: Db, purpose: string, key: string, opts: { ttlMs: number; max: number }, compute: () => Promise<T>): Promise<T> {
  if (opts.ttlMs <= 0) return compute();
  let byPurpose = caches.get(db);
  if (!byPurpose) {
    byPurpose = new Map();
    caches.set(db, byPurpose);
  }
  let cache = byPurpose.get(purpose);
  if (!cache) {
    cache = new LRUCache<string, { value: unknown }>({ max: opts.max, ttl: opts.ttlMs });
    byPurpose.set(purpose, cache);
  }
  const hit = cache.get(key);
  if (hit) return hit.value as T;
  const value = await compute();
  cache.set(key, { value });
  return value;
}

/** Drops every entry of `purpose` (call after a write that changes what it derives, with the root Db, not a transaction). */
export function forget(db: Db, purpose: string): void {
  caches.get(db)?.get(purpose)?.clear();
}
