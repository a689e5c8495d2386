import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isPostgresUrl } from './target.ts';
import { STOP_WORDS } from './vocabulary.ts';
import type { TextWriter } from './text.ts';

/** Where benchmark databases, dumps and manifests go (git-ignored). */
export const BENCH_DATA = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'data');

/** What the generator wrote, read back by the search benchmark to choose its queries. */
export interface Manifest {
  url: string;
  scale: string;
  seed: number;
  origin: string;
  generatedAt: string;
  counts: Record<string, number>;
  timings: Record<string, number>;
  /** Documents (post and article bodies) the frequencies below count over. */
  documents: number;
  /** [word, documents containing it], most frequent first. */
  words: Array<[string, number]>;
  /** [phrase, documents containing it], most frequent first. */
  phrases: Array<[string, number]>;
}

/** The manifest file that belongs to a database URL: next to a SQLite file, or in bench/data for PostgreSQL. */
export function manifestPath(url: string): string {
  if (isPostgresUrl(url)) return path.join(BENCH_DATA, `${new URL(url).pathname.slice(1)}.manifest.json`);
  return `${url.replace(/^sqlite:/, '').replace(/\.db$/, '')}.manifest.json`;
}

/** Word and phrase document frequencies from the writer, stop words left out. */
export function frequencies(text: TextWriter): Pick<Manifest, 'documents' | 'words' | 'phrases'> {
  const words: Array<[string, number]> = [];
  text.model.words.forEach((w, i) => {
    const df = text.wordDf[i]!;
    if (df > 0 && !STOP_WORDS.has(w)) words.push([w, df]);
  });
  const phrases: Array<[string, number]> = [];
  text.model.phrases.forEach((p, i) => {
    const df = text.phraseDf[i]!;
    if (df > 0) phrases.push([p, df]);
  });
  words.sort((a, b) => b[1] - a[1]);
  phrases.sort((a, b) => b[1] - a[1]);
  return { documents: text.documents, words, phrases };
}

export function writeManifest(m: Manifest): string {
  const file = manifestPath(m.url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(m));
  return file;
}

/** Reads the manifest of a generated database; throws naming the file when there is none. */
export function readManifest(url: string): Manifest {
  const file = manifestPath(url);
  if (!fs.existsSync(file)) throw new Error(`no manifest at ${file}: generate the database first (npm run bench -- generate --db ${url})`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
}
