import type { Config } from '../../core/config.ts';
import { AppError } from '../../core/http/errors.ts';
import { checkTags } from '../../discussions/tags.ts';
import { articleTypes, type ArticleType } from '../articles/articles.store.ts';
import { isIssue, readFrontMatter, type FileIssue, type ParsedFile } from './front-matter.ts';
import { ARTICLE_KEYS, ARTICLE_STATES, TERM_KEYS } from './transfer.format.ts';

/** An article file after the checks that need no database; absent people and times are filled in on import. */
export interface ParsedArticle {
  file: string;
  title: string;
  type: ArticleType;
  state: string;
  tags: string[];
  wiki: boolean;
  author: string | null;
  owners: string[] | null;
  created: string | null;
  updated: string | null;
  body: string;
}

/** A glossary file after the checks that need no database. */
export interface ParsedTerm {
  file: string;
  term: string;
  synonyms: string[];
  owner: string | null;
  created: string | null;
  updated: string | null;
  definition: string;
}

/** The knowledge files of a folder, checked. */
export interface ParsedFolder {
  articles: ParsedArticle[];
  terms: ParsedTerm[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads the typed fields of one file's front matter, collecting a FileIssue per bad field. */
function fieldReader(file: string, parsed: ParsedFile, keys: readonly string[], issues: FileIssue[]) {
  const at = (key: string) => parsed.lineOf[key];
  const bad = (key: string, message: string) => issues.push({ file, line: at(key) ?? 2, message: `${key}: ${message}` });
  for (const key of Object.keys(parsed.data)) {
    if (!keys.includes(key)) bad(key, `unknown key (expected ${keys.join(', ')})`);
  }
  const has = (key: string) => parsed.data[key] !== undefined && parsed.data[key] !== null;
  return {
    bad,
    text(key: string, required: boolean): string | null {
      if (!has(key)) {
        if (required) issues.push({ file, message: `${key}: missing (every file needs one)` });
        return null;
      }
      const v = parsed.data[key];
      if (typeof v !== 'string') return bad(key, 'must be text'), null;
      return v;
    },
    list(key: string): string[] {
      if (!has(key)) return [];
      const v = parsed.data[key];
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) return bad(key, 'must be a list of text'), [];
      return v as string[];
    },
    flag(key: string): boolean {
      if (!has(key)) return false;
      const v = parsed.data[key];
      if (typeof v !== 'boolean') return bad(key, 'must be true or false'), false;
      return v;
    },
    time(key: string): string | null {
      if (!has(key)) return null;
      const v = parsed.data[key];
      const ok = typeof v === 'string' && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString() === v;
      if (!ok) return bad(key, 'must be an ISO-8601 UTC time like 2026-11-26T15:30:00.000Z'), null;
      return v;
    },
  };
}

function checkArticle(file: string, parsed: ParsedFile, limits: Config['limits'], issues: FileIssue[]): ParsedArticle | null {
  const before = issues.length;
  const f = fieldReader(file, parsed, ARTICLE_KEYS, issues);
  const rawTitle = f.text('title', true);
  const title = rawTitle?.trim() ?? '';
  if (rawTitle !== null && (title === '' || title.length > limits.titleMax)) f.bad('title', `must be 1 to ${limits.titleMax} characters`);
  const rawType = f.text('type', true);
  if (rawType !== null && !articleTypes.includes(rawType as ArticleType)) f.bad('type', `unknown type "${rawType}" (expected ${articleTypes.join(', ')})`);
  const state = f.text('state', false) ?? 'draft';
  if (!ARTICLE_STATES.includes(state)) f.bad('state', `unknown state "${state}" (expected ${ARTICLE_STATES.join(', ')})`);
  let tags = f.list('tags');
  try {
    tags = checkTags(tags, limits.tagsMax);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    f.bad('tags', err.message);
  }
  const wiki = f.flag('wiki');
  const author = f.text('author', false);
  const owners = parsed.data.owners === undefined ? null : f.list('owners');
  const created = f.time('created');
  const updated = f.time('updated');
  const body = parsed.body;
  if (body.trim() === '') issues.push({ file, message: 'the body (the Markdown after the front matter) must not be empty' });
  else if (body.length > limits.bodyMax) issues.push({ file, message: `the body must be at most ${limits.bodyMax} characters` });
  if (issues.length > before) return null;
  return { file, title, type: rawType as ArticleType, state, tags, wiki, author, owners, created, updated, body };
}

function checkTerm(file: string, parsed: ParsedFile, issues: FileIssue[]): ParsedTerm | null {
  const before = issues.length;
  const f = fieldReader(file, parsed, TERM_KEYS, issues);
  const term = f.text('term', true);
  const synonyms = f.list('synonyms');
  const owner = f.text('owner', false);
  const created = f.time('created');
  const updated = f.time('updated');
  if (parsed.body.trim() === '') issues.push({ file, message: 'the definition (the Markdown after the front matter) must not be empty' });
  if (issues.length > before || term === null) return null;
  return { file, term, synonyms, owner, created, updated, definition: parsed.body };
}

/** Two files for one title or term: the second one is named, with the first. */
function duplicates<T extends { file: string }>(items: T[], keyOf: (x: T) => string, what: string, issues: FileIssue[]): void {
  const seen = new Map<string, string>();
  for (const item of items) {
    const key = keyOf(item);
    const first = seen.get(key);
    if (first) issues.push({ file: item.file, message: `the same ${what} as ${first}; each ${what} may appear once` });
    else seen.set(key, item.file);
  }
}

/**
 * Checks the knowledge files of a folder (relative path → bytes): `articles/*.md` and
 * `glossary/*.md`; other paths are ignored. Returns the parsed items, or every problem found (the
 * file, the line where known, and what is wrong).
 */
export function parseKnowledgeFolder(files: Map<string, Uint8Array>, limits: Config['limits']): ParsedFolder | FileIssue[] {
  const issues: FileIssue[] = [];
  const articles: ParsedArticle[] = [];
  const terms: ParsedTerm[] = [];
  for (const [file, bytes] of files) {
    const kind = /^articles\/[^/]+\.md$/.test(file) ? 'article' : /^glossary\/[^/]+\.md$/.test(file) ? 'term' : null;
    if (!kind) continue;
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      issues.push({ file, message: 'is not UTF-8 text' });
      continue;
    }
    const parsed = readFrontMatter(file, text);
    if (isIssue(parsed)) {
      issues.push(parsed);
      continue;
    }
    if (kind === 'article') {
      const a = checkArticle(file, parsed, limits, issues);
      if (a) articles.push(a);
    } else {
      const t = checkTerm(file, parsed, issues);
      if (t) terms.push(t);
    }
  }
  duplicates(articles, (a) => a.title, 'title', issues);
  duplicates(terms, (t) => t.term.trim().toLowerCase(), 'term', issues);
  return issues.length > 0 ? issues : { articles, terms };
}
