/*
 * User text → engine query, and engine snippets → safe HTML. Nothing the user types reaches FTS5 as
 * syntax: every word becomes a double-quoted string (quotes doubled), so `*`, `^`, `:`, NEAR, AND, NOT,
 * parentheses and column filters are plain text. A small websearch-like grammar is kept on top:
 * "quoted phrases", `OR` between words, and `-word` to exclude. PostgreSQL gets the raw text through
 * websearch_to_tsquery, which never raises a syntax error.
 */

/** The most words a query is built from; the rest are ignored. */
export const MAX_QUERY_WORDS = 32;

const WORDY = /[\p{L}\p{N}]/u;

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** Builds a safe FTS5 MATCH expression, or null when the text holds nothing searchable. */
export function toFts5Query(text: string): string | null {
  const tokens = [...text.matchAll(/(-?)"([^"]*)"?|(\S+)/g)].slice(0, MAX_QUERY_WORDS);
  const groups: string[][] = [[]];
  const excluded: string[] = [];
  let orPending = false;
  for (const m of tokens) {
    const raw = m[2] ?? m[3] ?? '';
    const negative = m[1] === '-' || (m[3] !== undefined && raw.startsWith('-') && raw.length > 1);
    const word = m[3] !== undefined && negative ? raw.slice(1) : raw;
    if (m[3] === 'OR') {
      orPending = (groups[groups.length - 1]?.length ?? 0) > 0;
      continue;
    }
    if (!WORDY.test(word)) continue;
    if (negative) {
      excluded.push(quote(word));
      continue;
    }
    if (orPending) groups.push([]);
    orPending = false;
    groups[groups.length - 1]?.push(quote(word));
  }
  const positive = groups.filter((g) => g.length > 0).map((g) => (g.length > 1 ? `(${g.join(' AND ')})` : g[0] as string));
  if (positive.length === 0) return null;
  const core = positive.length > 1 ? `(${positive.join(' OR ')})` : (positive[0] as string);
  return excluded.length > 0 ? `${core} NOT ${excluded.length > 1 ? `(${excluded.join(' OR ')})` : excluded[0]}` : core;
}

const STOPWORDS = new Set(
  ('a about above after again against all am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our ours out over own same she should so some such than that the their theirs them then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours')
    .split(' '),
);

/** The distinct significant words of a text (stopwords and one-letter words dropped), for any-word ranking. */
export function significantWords(text: string, max = MAX_QUERY_WORDS): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = m[0];
    if (w.length < 2 || STOPWORDS.has(w) || out.includes(w)) continue;
    out.push(w);
    if (out.length >= max) break;
  }
  return out;
}

/** Drops the commonest Markdown punctuation (emphasis, code ticks, heading and quote marks) from a snippet of a Markdown source. */
export function plainSnippet(s: string): string {
  return s.replace(/\*\*|__|`+|(^|\n)\s*(#{1,6}|>)\s+/g, '$1').replace(/\s+/g, ' ');
}

/** Marks the engines put around hits: control characters that markup never needs. */
export const HIT_START = '\u0001';
export const HIT_END = '\u0002';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c] as string);
}

/**
 * Turns an engine snippet (hits between HIT_START and HIT_END) into safe HTML: everything is escaped,
 * the only markup is balanced `<mark>` … `</mark>`, and other control characters are dropped — so a
 * stored text containing the marks, tags or entities can at worst add a harmless highlight.
 */
export function snippetToHtml(snippet: string): string {
  let html = '';
  let open = false;
  // eslint-disable-next-line no-control-regex -- the hit marks are control characters on purpose
  for (const part of snippet.split(/([\u0001\u0002])/u)) {
    if (part === HIT_START) {
      if (!open) html += '<mark>';
      open = true;
    } else if (part === HIT_END) {
      if (open) html += '</mark>';
      open = false;
    } else {
      // eslint-disable-next-line no-control-regex -- dropping control characters on purpose
      html += escapeHtml(part.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ''));
    }
  }
  return open ? `${html}</mark>` : html;
}
