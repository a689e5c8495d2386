import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createDeps } from '../src/core/compose.ts';
import { loadConfig } from '../src/core/config.ts';
import { closeRelatedRankings } from '../src/search/related/related.rankings.ts';
import { relatedForTopic } from '../src/search/related/related.service.ts';
import type { Args } from './lib/args.ts';
import { describeMachine, machineInfo } from './lib/machine.ts';
import { BENCH_DATA } from './lib/manifest.ts';
import { isPostgresUrl } from './lib/target.ts';

/*
 * Issue 6: how long a cold "Related" ranking holds the event loop. In process, no HTTP: the same
 * public topics are ranked one after the other through `relatedForTopic` (as the API does: it waits),
 * once on the main thread (RELATED_WORKER=0, as before) and once through the SQLite worker, while
 * `monitorEventLoopDelay` records how late the loop runs and `eventLoopUtilization` how long the main
 * thread was busy per ranking. RELATED_CACHE_SECONDS=0, so every ranking
 * is computed and nothing is written to `related_rankings` (the page benchmarks stay cold). A first
 * pass over the topics warms the page caches and the worker; the second pass is measured.
 */

const ms = (ns: number) => (ns / 1e6).toFixed(1);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

/** `npm run bench -- related-loop [--db …] [--topics 30] [--mode both|process|worker]` */
export async function relatedLoopBench(args: Args): Promise<number> {
  const url = args.get('db') ?? `sqlite:${BENCH_DATA}/large.db`;
  const topics = args.number('topics', 30);
  const mode = args.get('mode') ?? 'both';
  const modes = mode === 'both' ? ['process', 'worker'] : [mode];
  process.stdout.write(`${describeMachine(await machineInfo(isPostgresUrl(url) ? url : undefined))}\n\n`);
  const lines = [`Cold related rankings, ${topics} public topics one after another, ${url.replace(/\/\/[^@]*@/, '//')}:`, '', '| ranked | per ranking p50 / max | main thread busy per ranking p50 / max | event-loop delay max | p99 | mean |', '| --- | --- | --- | --- | --- | --- |'];
  for (const m of modes) {
    const env = { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn', GUILDHALL_DEMO: '0', RELATED_CACHE_SECONDS: '0', RELATED_WORKER: m === 'worker' ? '1' : '0' };
    const { deps, close } = await createDeps(loadConfig(env));
    try {
      const ids = (
        await deps.db
          .selectFrom('topics')
          .innerJoin('communities', 'communities.id', 'topics.community_id')
          .select('topics.id')
          .where('communities.visibility', '=', 'public')
          .where('topics.deleted_at', 'is', null)
          .where('topics.merged_into', 'is', null)
          .orderBy('topics.id')
          .limit(topics * 50)
          .execute()
      )
        .map((r) => r.id)
        .filter((_, i) => i % 50 === 0);
      for (const id of ids) await relatedForTopic(deps, null, id, { limit: 10 });
      const loop = monitorEventLoopDelay({ resolution: 5 });
      const each: number[] = [];
      const busy: number[] = [];
      loop.enable();
      for (const id of ids) {
        const t = performance.now();
        const elu = performance.eventLoopUtilization();
        await relatedForTopic(deps, null, id, { limit: 10 });
        each.push(performance.now() - t);
        busy.push(performance.eventLoopUtilization(elu).active);
        // Back to the loop between rankings, as a server is: on the main thread a whole ranking is one
        // run of promise callbacks (better-sqlite3 answers synchronously), so its block shows up as one late tick.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      loop.disable();
      const where = m === 'worker' ? (deps.dbInfo.dialect === 'sqlite' ? 'in the worker' : 'in process (PostgreSQL: no worker)') : 'on the main thread (RELATED_WORKER=0)';
      lines.push(`| ${where} | ${pct(each, 50).toFixed(0)} / ${Math.max(...each).toFixed(0)} ms | ${pct(busy, 50).toFixed(1)} / ${Math.max(...busy).toFixed(1)} ms | ${ms(loop.max)} ms | ${ms(loop.percentile(99))} ms | ${ms(loop.mean)} ms |`);
    } finally {
      await closeRelatedRankings(deps.db);
      await close();
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
