/** A topic or an article an internal link points at. */
export interface LinkTarget {
  kind: 'topic' | 'article';
  id: number;
  /** The community slug the address names (the link counts only if it matches the target's community). */
  slug: string;
}

const PATH = /^\/c\/([a-z0-9][a-z0-9-]{0,99})\/(t|a)\/([1-9]\d{0,14})(?:[/?#]|$)/i;

function decodeEntities(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/**
 * The topics and articles an HTML body (rendered from Markdown) links to: hrefs of the form
 * /c/:slug/t/:id… or /c/:slug/a/:id…, relative or absolute on `origin` (the site's BASE_URL).
 * Links to other origins are not ours and are ignored. Unique by kind and id, in order of appearance.
 */
export function internalLinks(html: string, origin: string): LinkTarget[] {
  const base = origin.replace(/\/$/, '').toLowerCase();
  const seen = new Set<string>();
  const out: LinkTarget[] = [];
  for (const m of html.matchAll(/<a\s[^>]*?href="([^"]*)"/gi)) {
    let href = decodeEntities(m[1] ?? '').trim();
    if (/^https?:\/\//i.test(href)) {
      if (!href.toLowerCase().startsWith(`${base}/`)) continue;
      href = href.slice(base.length);
    }
    const p = PATH.exec(href);
    if (!p) continue;
    const kind = p[2]?.toLowerCase() === 't' ? 'topic' : 'article';
    const id = Number(p[3]);
    const key = `${kind}:${id}`;
    if (seen.has(key) || !Number.isSafeInteger(id)) continue;
    seen.add(key);
    out.push({ kind, id, slug: (p[1] ?? '').toLowerCase() });
  }
  return out;
}
