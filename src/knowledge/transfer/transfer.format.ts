import type { ArticleType } from '../articles/articles.store.ts';
import { articleStates } from '../lifecycle/lifecycle.rules.ts';
import { writeFrontMatter } from './front-matter.ts';

/**
 * Lifecycle states an article file may name (the lifecycle feature's list). The lifecycle decides
 * how an article moves between them; an import restores the state as written.
 */
export const ARTICLE_STATES: readonly string[] = articleStates;

/** An article as it is written to and read from `articles/<slug>.md`. Timestamps are ISO-8601 UTC. */
export interface ArticleRecord {
  title: string;
  type: ArticleType;
  state: string;
  tags: string[];
  wiki: boolean;
  author: string;
  owners: string[];
  created: string;
  updated: string;
  body: string;
}

/** A glossary term as it is written to and read from `glossary/<slug>.md`; the body is the definition. */
export interface TermRecord {
  term: string;
  synonyms: string[];
  owner: string;
  created: string;
  updated: string;
  definition: string;
}

/** The front matter keys of each kind of file, in the order they are written. */
export const ARTICLE_KEYS = ['title', 'type', 'state', 'tags', 'wiki', 'author', 'owners', 'created', 'updated'] as const;
export const TERM_KEYS = ['term', 'synonyms', 'owner', 'created', 'updated'] as const;

/** Plain code-unit order, the same on every machine and locale. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A file name for a title: accents dropped, lower-case a-z and 0-9, runs of anything else as one
 * `-`, at most 60 characters; `fallback` when nothing is left (a title in a non-Latin script).
 */
export function slugOf(text: string, fallback: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s === '' ? fallback : s;
}

/** Gives each item a unique name in the order given: the slug, then slug-2, slug-3, … */
function uniqueNames<T>(items: T[], slug: (item: T) => string): Array<[string, T]> {
  const used = new Set<string>();
  return items.map((item) => {
    const base = slug(item);
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
    used.add(name);
    return [name, item];
  });
}

function articleFile(a: ArticleRecord): string {
  const data = { title: a.title, type: a.type, state: a.state, tags: [...a.tags].sort(byCodeUnits), wiki: a.wiki, author: a.author, owners: [...a.owners].sort(byCodeUnits), created: a.created, updated: a.updated };
  return writeFrontMatter(data, a.body);
}

function termFile(t: TermRecord): string {
  return writeFrontMatter({ term: t.term, synonyms: t.synonyms, owner: t.owner, created: t.created, updated: t.updated }, t.definition);
}

/** Link text for the README: one line, Markdown punctuation escaped. */
function linkText(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>#|~!]/g, (c) => `\\${c}`);
}

function readme(articles: Array<[string, ArticleRecord]>, terms: Array<[string, TermRecord]>): string {
  const lines = [
    '# Knowledge export',
    '',
    'The articles and glossary terms of a Guildhall community: one Markdown file each, with YAML front',
    'matter (format 1, described in docs/knowledge/transfer.md). Import the folder into a community with',
    '`guildhall import knowledge <folder> --community <slug>`. This index is not read back.',
    '',
    `## Articles (${articles.length})`,
    '',
    ...articles.map(([name, a]) => `- [${linkText(a.title)}](articles/${name}.md) — ${a.type}`),
    '',
    `## Glossary (${terms.length})`,
    '',
    ...terms.map(([name, t]) => `- [${linkText(t.term)}](glossary/${name}.md)`),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * The files of a knowledge folder, by relative path in path order: `README.md`,
 * `articles/<slug>.md` and `glossary/<slug>.md`. Items are named in an order that depends only on
 * their content (title or term, then created, then body), so two instances holding the same
 * knowledge produce the same bytes.
 */
export function knowledgeFiles(articles: ArticleRecord[], terms: TermRecord[]): Map<string, string> {
  const sortedArticles = [...articles].sort((x, y) => byCodeUnits(x.title, y.title) || byCodeUnits(x.created, y.created) || byCodeUnits(x.body, y.body));
  const sortedTerms = [...terms].sort((x, y) => byCodeUnits(x.term.toLowerCase(), y.term.toLowerCase()) || byCodeUnits(x.term, y.term));
  const namedArticles = uniqueNames(sortedArticles, (a) => slugOf(a.title, 'article'));
  const namedTerms = uniqueNames(sortedTerms, (t) => slugOf(t.term, 'term'));
  const files: Array<[string, string]> = [
    ['README.md', readme(namedArticles, namedTerms)],
    ...namedArticles.map(([name, a]): [string, string] => [`articles/${name}.md`, articleFile(a)]),
    ...namedTerms.map(([name, t]): [string, string] => [`glossary/${name}.md`, termFile(t)]),
  ];
  return new Map(files.sort(([a], [b]) => byCodeUnits(a, b)));
}
