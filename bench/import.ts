import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../src/core/db/index.ts';
import { createLog } from '../src/core/log.ts';
import { importStackExchange, type ImportProgress } from '../src/importers/stackexchange/import.service.ts';
import type { Args } from './lib/args.ts';
import { describeMachine, machineInfo } from './lib/machine.ts';
import { BENCH_DATA } from './lib/manifest.ts';
import { writeSyntheticDump } from './lib/se-dump.ts';
import { isPostgresUrl, openTarget } from './lib/target.ts';

const REAL_DUMPS = ['/work/shared/data/stackexchange/cardano-2021', '/work/shared/data/stackexchange/ai-2016'];

export interface ImportFigures {
  dump: string;
  dialect: string;
  posts: number;
  seconds: number;
  postsPerSecond: number;
  /** Seconds from the previous file's last batch to this file's last batch. */
  files: Record<string, number>;
  counts: Record<string, unknown>;
}

/** The URL for one dump's fresh database: a file per dump on SQLite, a gh_bench_import_<n> database on PostgreSQL. */
function urlFor(base: string, index: number): string {
  if (isPostgresUrl(base)) {
    const u = new URL(base);
    u.pathname = `/${u.pathname.slice(1) || 'gh_bench_import'}_${index}`;
    return u.toString();
  }
  return `sqlite:${path.join(BENCH_DATA, `import-${index}.db`)}`;
}

/**
 * Imports one dump into a fresh database (real migrations, one admin and one community), timing
 * importStackExchange as the CLI runs it — the app's own connection settings, one transaction,
 * the search index rebuilt at the end — and splitting the time by file from its progress reports.
 */
async function measure(dir: string, url: string, site: string | undefined): Promise<ImportFigures> {
  const target = await openTarget(url);
  const at = new Date().toISOString();
  await target.db.insertInto('users').values({ username: 'bench-admin', email: 'admin@bench.example', password_hash: null, display_name: 'Bench admin', bio: '', discipline: '', location: '', time_zone: 'UTC', role: 'admin', created_at: at, updated_at: at }).execute();
  await target.db.insertInto('communities').values({ slug: 'imported', name: 'Imported', domain_statement: 'A Stack Exchange site, imported', description: '', formality: 'informal', sponsor: '', locality: 'distributed', location: '', visibility: 'public', join_policy: 'open', member_count: 0, created_by: 1, created_at: at, updated_at: at }).execute();
  await target.close();
  const handle = openDatabase(url, createLog({ logLevel: 'silent' }));
  try {
    const lastAt = new Map<string, number>();
    const start = performance.now();
    const onProgress = (p: ImportProgress) => {
      lastAt.set(p.file, performance.now());
      if (p.bytes >= p.size) process.stderr.write(`\r  ${p.file} ${p.rows.toLocaleString('en')} rows`);
    };
    const counts = await importStackExchange({ db: handle.db, clock: { now: () => new Date() } }, dir, { community: 'imported', onProgress, ...(site ? { site } : {}) });
    const seconds = (performance.now() - start) / 1000;
    process.stderr.write('\n');
    const posts = counts.questions + counts.answers;
    const files: Record<string, number> = {};
    let previous = start;
    for (const [file, t] of lastAt) {
      files[file] = Math.round(t - previous) / 1000;
      previous = t;
    }
    files['index and counters'] = Math.round(performance.now() - previous) / 1000;
    return { dump: path.basename(dir), dialect: handle.info.dialect, posts, seconds: Math.round(seconds * 100) / 100, postsPerSecond: Math.round(posts / seconds), files, counts: { ...counts } };
  } finally {
    await handle.close();
  }
}

/**
 * `npm run bench -- import`: import rate of the Stack Exchange importer on the real dumps and on a
 * generated dump of --synthetic-posts posts (default 200,000), on the database --db names.
 */
export async function importBench(args: Args): Promise<number> {
  const base = args.get('db') ?? `sqlite:${path.join(BENCH_DATA, 'import.db')}`;
  const dumps = (args.get('dumps') ?? REAL_DUMPS.join(',')).split(',').filter((d) => d && fs.existsSync(d));
  const syntheticPosts = args.number('synthetic-posts', 200_000);
  const jobs: Array<{ dir: string; site?: string }> = dumps.map((dir) => ({ dir }));
  if (syntheticPosts > 0) {
    const dir = path.join(BENCH_DATA, `se-synthetic-${syntheticPosts}`);
    if (!fs.existsSync(path.join(dir, 'Posts.xml'))) {
      process.stderr.write(`writing a synthetic dump of ${syntheticPosts.toLocaleString('en')} posts to ${dir}…\n`);
      writeSyntheticDump(dir, syntheticPosts);
    }
    jobs.push({ dir, site: 'synthetic.stackexchange.com' });
  }
  const machine = await machineInfo(isPostgresUrl(base) ? base.replace(/\/[^/]*$/, '/postgres') : undefined);
  process.stdout.write(`${describeMachine(machine)}\n\n`);
  const results: ImportFigures[] = [];
  for (const [i, job] of jobs.entries()) {
    process.stderr.write(`importing ${job.dir}…\n`);
    results.push(await measure(job.dir, urlFor(base, i), job.site));
  }
  const lines = ['| dump | database | posts | seconds | posts/s | seconds by file (cumulative order) |', '|---|---|---|---|---|---|'];
  for (const r of results) lines.push(`| ${r.dump} | ${r.dialect} | ${r.posts.toLocaleString('en')} | ${r.seconds} | ${r.postsPerSecond.toLocaleString('en')} | ${Object.entries(r.files).map(([f, s]) => `${f} ${s}`).join(', ')} |`);
  process.stdout.write(`${lines.join('\n')}\n`);
  const file = path.join(BENCH_DATA, `import-${isPostgresUrl(base) ? 'postgres' : 'sqlite'}.json`);
  fs.writeFileSync(file, JSON.stringify({ machine, results }, null, 2));
  process.stderr.write(`results: ${file}\n`);
  return 0;
}
