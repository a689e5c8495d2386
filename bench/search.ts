import fs from 'node:fs';
import path from 'node:path';
import { createDeps } from '../src/core/compose.ts';
import { loadConfig } from '../src/core/config.ts';
import type { Db } from '../src/core/db/index.ts';
import type { Deps } from '../src/core/deps.ts';
import type { Actor } from '../src/core/permissions/index.ts';
import { runSearch } from '../src/search/search.service.ts';
import { defaultUrl } from './generate.ts';
import type { Args } from './lib/args.ts';
import { httpSearchBench, type HttpResult } from './lib/http.ts';
import { describeMachine, machineInfo, type MachineInfo } from './lib/machine.ts';
import { BENCH_DATA, readManifest } from './lib/manifest.ts';
import { BANDS, queryMix, summarise, type Band, type LatencySummary, type Query } from './lib/queries.ts';

export interface InProcessResult {
  actor: string;
  byBand: Record<Band | 'all', LatencySummary & { medianHits: number }>;
}

/** A member of the most communities, a private one among them: the reader who sees the most. */
async function busiestMember(db: Db): Promise<Actor> {
  const row = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.role'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .groupBy(['users.id', 'users.username', 'users.display_name', 'users.role'])
    .orderBy('n', 'desc')
    .orderBy('users.id')
    .limit(1)
    .executeTakeFirstOrThrow();
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role };
}

/**
 * Runs every query of the mix once through runSearch (what the page and the API call), timing each,
 * after a full unmeasured pass (a running server's caches are warm; a cold first pass measures the disk).
 */
async function inProcess(deps: Deps, actor: Actor | null, queries: Query[], limit: number): Promise<InProcessResult> {
  for (const q of queries) await runSearch(deps, actor, { q: q.q, limit });
  const times: Record<string, number[]> = { all: [] };
  const hits: Record<string, number[]> = { all: [] };
  for (const q of queries) {
    const start = performance.now();
    const page = await runSearch(deps, actor, { q: q.q, limit });
    const ms = performance.now() - start;
    for (const key of [q.band, 'all']) {
      (times[key] ??= []).push(ms);
      (hits[key] ??= []).push(page.total);
    }
  }
  const byBand = {} as InProcessResult['byBand'];
  for (const key of [...BANDS, 'all'] as const) {
    const h = [...(hits[key] ?? [])].sort((a, b) => a - b);
    byBand[key] = { ...summarise(times[key] ?? []), medianHits: h[Math.floor(h.length / 2)] ?? 0 };
  }
  return { actor: actor ? `member of most communities (${actor.username})` : 'anonymous', byBand };
}

function table(r: InProcessResult): string {
  const rows = ([...BANDS, 'all'] as const).map((b) => {
    const s = r.byBand[b];
    return `| ${b} | ${s.n} | ${s.medianHits} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.max} |`;
  });
  return [`In-process search, ${r.actor} (ms):`, '', '| band | queries | median matches (counted to 1,001) | p50 | p95 | p99 | max |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
}

/**
 * `npm run bench -- search`: the query mix over a generated database, in process (anonymous and a
 * busy member) and, with --http, over HTTP against the production app beside a bare Fastify server.
 */
export async function searchBench(args: Args): Promise<number> {
  const scale = args.get('scale') ?? 'large';
  const url = args.get('db') ?? defaultUrl(scale);
  const manifest = readManifest(url);
  const queries = queryMix(manifest, args.number('queries', 100));
  const limit = args.number('limit', 20);
  const databaseUrl = url.startsWith('postgres') || url.startsWith('sqlite:') ? url : `sqlite:${url}`;
  const { deps, close } = await createDeps(loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', GUILDHALL_DEMO: '0', NODE_ENV: 'production' }));
  const machine = await machineInfo(url.startsWith('postgres') ? url : undefined);
  process.stdout.write(`${describeMachine(machine)}\n\n`);
  const results: { machine: MachineInfo; url: string; scale: string; documents: number; inProcess: InProcessResult[]; http?: HttpResult } = { machine, url, scale: manifest.scale, documents: manifest.documents, inProcess: [] };
  try {
    process.stderr.write(`${queries.length} queries (${BANDS.map((b) => `${queries.filter((q) => q.band === b).length} ${b}`).join(', ')}) over ${manifest.counts.posts?.toLocaleString('en')} posts at ${url}\n`);
    for (const actor of [null, await busiestMember(deps.db)]) {
      const r = await inProcess(deps, actor, queries, limit);
      results.inProcess.push(r);
      process.stdout.write(`${table(r)}\n\n`);
    }
  } finally {
    await close();
  }
  if (args.has('http')) {
    results.http = await httpSearchBench({ url, queries, duration: args.number('duration', 10), connections: args.number('connections', 10) });
    process.stdout.write(`${results.http.table}\n\n`);
  }
  fs.mkdirSync(BENCH_DATA, { recursive: true });
  const file = path.join(BENCH_DATA, `search-${url.startsWith('postgres') ? 'postgres' : 'sqlite'}-${manifest.scale}.json`);
  fs.writeFileSync(file, JSON.stringify(results, null, 2));
  process.stderr.write(`results: ${file}\n`);
  return 0;
}
