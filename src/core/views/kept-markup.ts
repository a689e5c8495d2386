import type { VNode } from 'preact';
import { LRUCache } from 'lru-cache';
import { render } from 'preact-render-to-string';

/**
 * Rendered markup kept by key, for a part of a page that is the same for every viewer and costs more
 * to render than to look up (issue 6: a post's author line, 50 times a topic page). The key must
 * name everything the markup shows (ids, names, times as shown), so a changed input is a new key and
 * nothing stale or belonging to someone else is ever served. Bounded: least recently used first out.
 */
const kept = new LRUCache<string, { __html: string }>({ max: 20_000, maxSize: 16 * 1024 * 1024, sizeCalculation: (v, k) => v.__html.length + k.length });

/** `{ __html }` for dangerouslySetInnerHTML: the markup of `make()`, rendered once per `key`. */
export function keptMarkup(key: string, make: () => VNode): { __html: string } {
  let hit = kept.get(key);
  if (!hit) {
    hit = { __html: render(make()) };
    kept.set(key, hit);
  }
  return hit;
}
