import path from 'node:path';
import { rebuildSearchIndex } from '../src/search/search.index.ts';
import { generateArticles } from './lib/articles.ts';
import { corpusModel } from './lib/corpus.ts';
import { generateDiscussions } from './lib/discussions.ts';
import { BENCH_DATA, frequencies, writeManifest, type Manifest } from './lib/manifest.ts';
import { generateOrganisation } from './lib/organisation.ts';
import { createRng } from './lib/random.ts';
import { scaleNamed, type Scale } from './lib/scales.ts';
import { countRows, openTarget } from './lib/target.ts';
import { TextWriter } from './lib/text.ts';
import { zipfModel } from './lib/vocabulary.ts';

export interface GenerateOptions {
  /** `sqlite:<file>`, a file path, or `postgres://…/<new database>`. */
  url: string;
  scale: string;
  corpus?: string;
  seed?: number;
  /** Skip building the search index (for measuring the load alone). */
  noIndex?: boolean;
  log?: (line: string) => void;
}

export const COUNTED_TABLES = ['users', 'communities', 'memberships', 'community_tags', 'topics', 'posts', 'topic_tags', 'votes', 'comments', 'articles', 'article_tags', 'article_owners', 'activity', 'search_docs'];
const ID_TABLES = ['users', 'communities', 'topics', 'posts', 'comments', 'articles', 'activity'];

/** The default database of a scale: bench/data/<scale>.db. */
export function defaultUrl(scale: string): string {
  return `sqlite:${path.join(BENCH_DATA, `${scale}.db`)}`;
}

/**
 * Fills a fresh database (the real schema, from the app's migrations) with a generated organisation
 * of the given scale, builds the search index with the search feature's bulk rebuild, and writes a
 * manifest of word frequencies next to it. Returns the manifest.
 */
export async function generate(opts: GenerateOptions): Promise<Manifest> {
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const scale: Scale = scaleNamed(opts.scale);
  const seed = opts.seed ?? 42;
  const rng = createRng(seed);
  const model = opts.corpus ? await corpusModel(opts.corpus) : zipfModel(scale.vocabulary);
  log(`text: ${model.origin}`);
  const target = await openTarget(opts.url);
  const timings: Record<string, number> = {};
  const timed = async (name: string, fn: () => Promise<void>) => {
    const start = performance.now();
    await fn();
    timings[name] = Math.round(performance.now() - start) / 1000;
  };
  try {
    const text = new TextWriter(model, rng);
    let org!: Awaited<ReturnType<typeof generateOrganisation>>;
    await timed('organisation_s', async () => {
      org = await generateOrganisation(target, scale, rng, text);
    });
    await timed('discussions_s', () => generateDiscussions(target, scale, rng, text, org));
    await timed('articles_s', () => generateArticles(target, scale, rng, text, org));
    await timed('finish_s', () => target.finish(ID_TABLES));
    if (!opts.noIndex) {
      log('search index: rebuilding…');
      await timed('search_index_s', () => target.db.transaction().execute((tx) => rebuildSearchIndex(tx)));
      log(`search index: ${timings.search_index_s} s`);
      await timed('analyze_s', () => target.finish([]));
    }
    const counts = await countRows(target.db, COUNTED_TABLES);
    const manifest: Manifest = { url: target.url, scale: opts.scale, seed, origin: model.origin, generatedAt: new Date().toISOString(), counts, timings, ...frequencies(text) };
    const file = writeManifest(manifest);
    const rows = Object.entries(counts).filter(([t]) => t !== 'search_docs').reduce((s, [, n]) => s + n, 0);
    const loadSeconds = (timings.organisation_s ?? 0) + (timings.discussions_s ?? 0) + (timings.articles_s ?? 0);
    log(`generated ${rows.toLocaleString('en')} rows in ${loadSeconds.toFixed(1)} s (${Math.round(rows / loadSeconds).toLocaleString('en')} rows/s, ${Math.round(scale.posts / (timings.discussions_s ?? 1)).toLocaleString('en')} posts/s) into ${target.url}`);
    log(`counts: ${JSON.stringify(counts)}`);
    log(`manifest: ${file}`);
    return manifest;
  } finally {
    await target.close();
  }
}
