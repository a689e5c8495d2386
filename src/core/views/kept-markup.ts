import crypto from 'node:crypto';
import type { VNode } from 'preact';
import { LRUCache } from 'lru-cache';
import { render } from 'preact-render-to-string';
import type { ViewContext } from './context.ts';

/**
 * Rendered markup kept by key, for a part of a page that costs more to render than to look up
 * (issue 6: a topic page's 50 posts, each with its votes, reactions, comments and files). The key
 * must name everything the markup shows (ids, names, bodies, counts, the viewer's own state, times as
 * they read now), so a changed input is a new key and nothing stale or belonging to someone else is
 * ever served. Keys are hashed (a post's key holds its body: kept whole, it would double the memory).
 * Bounded: least recently used first out.
 */
const kept = new LRUCache<string, string>({ max: 20_000, maxSize: 16 * 1024 * 1024, sizeCalculation: (v, k) => v.length + k.length });

/**
 * Stands for the viewer's CSRF token in kept markup (a form inside a kept post carries it); the page
 * puts the token in when it is sent (`fillKeptToken`), so kept markup is never one person's.
 */
export const KEPT_CSRF = 'gh-kept-csrf-5d0f3a81c2';

/**
 * The view context for kept markup: the viewer's, with the CSRF placeholder instead of their token
 * (copied field by field: spreading would read the token, which issues one).
 */
export function keptContext(ctx: ViewContext): ViewContext {
  return { actor: ctx.actor, csrf: KEPT_CSRF, path: ctx.path, theme: ctx.theme, flash: ctx.flash, unread: ctx.unread };
}

/** The page's markup with the viewer's token where kept markup has the placeholder. */
export function fillKeptToken(html: string, ctx: ViewContext): string {
  return html.includes(KEPT_CSRF) ? html.replaceAll(KEPT_CSRF, ctx.csrf) : html;
}

/** A key naming all of `parts` (joined with a separator no text contains, then hashed). */
export function keyOf(parts: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return crypto.hash('sha1', parts.join('\u0000'), 'base64');
}

/** The markup of `make()`, rendered once per `key` (a `keyOf` hash or a short exact key). */
export function keptHtml(key: string, make: () => VNode): string {
  let hit = kept.get(key);
  if (hit === undefined) {
    hit = render(make());
    kept.set(key, hit);
  }
  return hit;
}

/** `{ __html }` for dangerouslySetInnerHTML: the markup of `make()`, rendered once per `key`. */
export function keptMarkup(key: string, make: () => VNode): { __html: string } {
  return { __html: keptHtml(key, make) };
}
