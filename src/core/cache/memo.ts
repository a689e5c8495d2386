import { LRUCache } from 'lru-cache';
import type { Db } from '../db/index.ts';

/**
 * Short-lived, per-node memory of derived read results that are costly to compute and may lag a
 * little (a community's tag counts; a topic's related ranking has its own memory, table and queue:
 * src/search/related/related.rankings.ts). One bounded LRU per database and purpose; entries expire
 * after the TTL given when the purpose is first used. Callers asking for a key that is being computed
 * share that computation (50 readers asking at once compute it once). Never
 * cache anything a caller does not then check against the viewer, or key it by what decides visibility.
 */
interface Store {
  done: LRUCache<string, { value: unknown }>;
  running: Map<string, Promise<unknown>>;
}

const stores = new WeakMap<Db, Map<string, Store>>();

function storeFor(db: Db, purpose: string, opts: { ttlMs: number; max: number }): Store {
  let byPurpose = stores.get(db);
  if (!byPurpose) {
    byPurpose = new Map();
    stores.set(db, byPurpose);
  }
  let store = byPurpose.get(purpose);
  if (!store) {
    store = { done: new LRUCache<string, { value: unknown }>({ max: opts.max, ttl: opts.ttlMs }), running: new Map() };
    byPurpose.set(purpose, store);
  }
  return store;
}

/** The value under `key` for `purpose`, computed by `compute` when missing or older than `ttlMs`; ttlMs 0 never caches. */
export function memo<T>(db: Db, purpose: string, key: string, opts: { ttlMs: number; max: number }, compute: () => Promise<T>): Promise<T> {
  if (opts.ttlMs <= 0) return compute();
  const store = storeFor(db, purpose, opts);
  const hit = store.done.get(key);
  if (hit) return Promise.resolve(hit.value as T);
  const running = store.running.get(key);
  if (running) return running as Promise<T>;
  const started = compute().then(
    (value) => {
      store.running.delete(key);
      store.done.set(key, { value });
      return value;
    },
    (err: unknown) => {
      store.running.delete(key);
      throw err;
    },
  );
  store.running.set(key, started);
  return started;
}

/** Drops every entry of `purpose` (call after a write that changes what it derives, with the root Db, not a transaction). */
export function forget(db: Db, purpose: string): void {
  stores.get(db)?.get(purpose)?.done.clear();
}

/** The value kept under `key` for `purpose`, if there is one now (nothing is computed). */
export function peek<T>(db: Db, purpose: string, key: string): T | undefined {
  return stores.get(db)?.get(purpose)?.done.get(key)?.value as T | undefined;
}
