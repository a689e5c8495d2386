/**
 * Turns a topic (or a question being typed) into the weighted query parts the related ranking sends
 * to the search index. Pure: no database.
 */

/** What a related query is built from. */
export interface RelatedSource {
  title: string;
  tags: string[];
  /** The opening post's text (Markdown). */
  body: string;
  /** The accepted answer's text, when there is one. */
  accepted: string | null;
}

/**
 * The ranking variants `guildhall eval related --method` can select; `phrase` is what the API uses.
 * - title: the baseline — the title's terms, plain bm25 over all fields.
 * - fields: title (weighted), tags and the opening post's top terms, title-field weight raised.
 * - full: fields + the accepted answer's top terms.
 * - prf: full, then pseudo-relevance feedback (4 top terms of the first 2 results' titles and tags, weight 0.15).
 * - phrase: full, then a proximity bonus for each pair of adjacent title words a result's title shares.
 */
export const relatedMethods = ['title', 'fields', 'full', 'prf', 'phrase'] as const;
export type RelatedMethod = (typeof relatedMethods)[number];
export const DEFAULT_METHOD: RelatedMethod = 'phrase';

/** Field weights for the index's columns (title, tags, extra, body), bm25-style. */
export interface FieldWeights {
  title: number;
  tags: number;
  extra: number;
  body: number;
}

/** One query sent to the index: its terms (OR-ed), the field weights, and how much its score counts. */
export interface QueryPart {
  terms: string[];
  weight: number;
  fields: FieldWeights;
}

const PLAIN: FieldWeights = { title: 1, tags: 1, extra: 1, body: 1 };
const TITLE_HEAVY: FieldWeights = { title: 4, tags: 2, extra: 1, body: 1 };

const STOPWORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by can cannot could ' +
    'did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in into is it ' +
    'its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out over own same she should so some ' +
    'such than that the their theirs them themselves then there these they this those through to too under until up very was we were what when ' +
    'where which while who whom why will with would you your yours yourself yourselves also get got use using used like want need know one would ' +
    'could any anyone something way thanks thank hi hello please question answer possible make does doesn don t s re ve ll d m https http www com'
  ).split(' '),
);

/** Lower-case word tokens of at least two characters, stopwords and pure numbers dropped; Markdown/HTML noise removed. */
export function tokenize(text: string): string[] {
  const plain = text
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .toLowerCase();
  return (plain.match(/[\p{L}\p{N}][\p{L}\p{N}_-]*/gu) ?? [])
    .flatMap((w) => w.split(/[-_]+/))
    .filter((w) => w.length >= 2 && w.length <= 40 && !STOPWORDS.has(w) && !/^\d+$/.test(w));
}

/** The `n` most frequent terms of `text` (ties: first seen first), without those in `skip`. */
export function topTerms(text: string, n: number, skip: ReadonlySet<string> = new Set()): string[] {
  const counts = new Map<string, number>();
  for (const w of tokenize(text)) if (!skip.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([w]) => w);
}

const unique = (words: string[]) => [...new Set(words)];

/**
 * The query parts for a source and method (empty when the source has no usable words). Scores of
 * the parts are added, each times its weight.
 */
export function relatedQuery(src: RelatedSource, method: RelatedMethod): QueryPart[] {
  const title = unique(tokenize(src.title));
  if (method === 'title') return title.length > 0 ? [{ terms: title, weight: 1, fields: PLAIN }] : [];
  const tags = unique(src.tags.flatMap((t) => tokenize(t)));
  const seen = new Set([...title, ...tags]);
  const body = topTerms(src.body, 12, seen);
  const parts: QueryPart[] = [];
  if (title.length > 0) parts.push({ terms: title, weight: 1, fields: TITLE_HEAVY });
  if (tags.length > 0) parts.push({ terms: tags, weight: 0.6, fields: { title: 2, tags: 4, extra: 1, body: 1 } });
  if (body.length > 0) parts.push({ terms: body, weight: 0.4, fields: TITLE_HEAVY });
  if (method !== 'fields' && src.accepted) {
    const accepted = topTerms(src.accepted, 8, new Set([...seen, ...body]));
    if (accepted.length > 0) parts.push({ terms: accepted, weight: 0.25, fields: PLAIN });
  }
  return parts;
}

/** Adjacent word pairs of a text (stopwords dropped first), for the phrase bonus. */
export function bigrams(text: string): Set<string> {
  const words = tokenize(text);
  const out = new Set<string>();
  for (let i = 1; i < words.length; i++) out.add(`${words[i - 1]} ${words[i]}`);
  return out;
}

/** Feedback terms for PRF: the most frequent terms of the first results' titles and tags, not already asked for. */
export function feedbackPart(firstResults: string[], asked: QueryPart[]): QueryPart | null {
  const skip = new Set(asked.flatMap((p) => p.terms));
  const terms = topTerms(firstResults.join('\n'), 4, skip);
  return terms.length > 0 ? { terms, weight: 0.15, fields: TITLE_HEAVY } : null;
}
