import fs from 'node:fs';
import { sql } from 'kysely';
import { hashToken, newSecret } from '../src/accounts/sessions.store.ts';
import { rebuildAnalytics, refreshAnalytics } from '../src/analytics/refresh.ts';
import { createDeps } from '../src/core/compose.ts';
import { loadConfig } from '../src/core/config.ts';
import type { Db } from '../src/core/db/index.ts';
import type { Args } from './lib/args.ts';
import { generateHistory } from './lib/history.ts';
import { describeMachine, machineInfo } from './lib/machine.ts';
import { BENCH_DATA } from './lib/manifest.ts';
import { RESULT_HEADER, runScenarios, startApp, type Scenario } from './lib/scenario.ts';
import { isPostgresUrl, openTarget } from './lib/target.ts';

/*
 * Issue 8's speed figure: one community with 1,000,000 activity rows (20,000 members, three years),
 * its health dashboards rendered from the rollups. Measures the full rollup build, an incremental
 * refresh after 1,000 new acts, and every health page and API read at one connection (the latency a
 * steward feels) beside a bare Fastify server answering a body of the same size.
 */

const SECTIONS = ['', '/activity', '/participation', '/responsiveness', '/newcomers', '/knowledge', '/inclusion', '/value', '/report'];
const APIS = ['activity', 'participation', 'responsiveness', 'newcomers', 'knowledge', 'inclusion', 'value', ''];

/** `npm run bench -- analytics [--db …] [--activity N] [--members N] [--months N] [--reuse] [--duration S] [--connections N]` */
export async function analyticsBench(args: Args): Promise<number> {
  const url = args.get('db') ?? `sqlite:${BENCH_DATA}/analytics.db`;
  const dbUrl = isPostgresUrl(url) || url.startsWith('sqlite:') ? url : `sqlite:${url}`;
  const duration = args.number('duration', 10);
  const connections = args.number('connections', 1);
  const file = dbUrl.replace(/^sqlite:/, '');
  const lines: string[] = [];

  if (!(args.has('reuse') && (isPostgresUrl(url) || fs.existsSync(file)))) {
    const started = performance.now();
    const target = await openTarget(dbUrl);
    try {
      const h = await generateHistory(target, { members: args.number('members', 20_000), activity: args.number('activity', 1_000_000), months: args.number('months', 36), end: new Date() });
      lines.push(`Generated: ${Object.entries(h.counts).map(([k, v]) => `${v.toLocaleString('en')} ${k}`).join(', ')} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    } finally {
      await target.close();
    }
  }

  // After generating: a PostgreSQL database named in the URL exists only from then on.
  process.stdout.write(`${describeMachine(await machineInfo(isPostgresUrl(url) ? url : undefined))}\n\n`);
  const { deps, close } = await createDeps(loadConfig({ ...process.env, DATABASE_URL: dbUrl, LOG_LEVEL: 'silent', GUILDHALL_DEMO: '0' }));
  let steward: string;
  let member: string;
  try {
    const activity = Number((await sql<{ n: number }>`select count(*) as n from activity where community_id = 1`.execute(deps.db)).rows[0]!.n);
    let t = performance.now();
    const built = await rebuildAnalytics(deps.db, { now: new Date() });
    lines.push(`Full rollup build over ${activity.toLocaleString('en')} activity rows: ${((performance.now() - t) / 1000).toFixed(1)} s (${built.rows.toLocaleString('en')} rows read).`);
    await addActs(deps.db, 1_000);
    t = performance.now();
    const inc = await refreshAnalytics(deps.db, { now: new Date() });
    lines.push(`Incremental refresh after ${inc.rows.toLocaleString('en')} new acts: ${Math.round(performance.now() - t)} ms.`);
    steward = await session(deps.db, 1);
    member = await session(deps.db, 2);
  } finally {
    await close();
  }
  for (const l of lines) process.stdout.write(`${l}\n`);

  const list: Scenario[] = [
    ...SECTIONS.map((s): Scenario => ({ name: `health${s || ' overview'} page, steward`, kind: 'html', requests: [{ path: `/c/guild/health${s}`, headers: { cookie: steward } }] })),
    { name: 'health overview page, member', kind: 'html', requests: [{ path: '/c/guild/health', headers: { cookie: member } }] },
    ...APIS.map((s): Scenario => ({ name: `health API ${s || 'overview'}, steward`, kind: 'json', requests: [{ path: `/api/v1/communities/guild/health${s ? `/${s}` : ''}`, headers: { cookie: steward } }] })),
    { name: 'organisation health page', kind: 'html', requests: [{ path: '/health', headers: { cookie: steward } }] },
  ];
  const only = args.get('only');
  const chosen = only ? list.filter((s) => s.name.includes(only)) : list;
  const env = { ANALYTICS_STALE_SECONDS: '86400', ANON_CACHE_SECONDS: '0' };
  // The first view of each page on a fresh process computes its figures from the rollups (what a
  // reader would wait for if no refresh had computed it already); the second finds them kept.
  const cold = ['', '| page | first view (computes from rollups) ms | second view ms |', '|---|---|---|'];
  const app = await startApp(dbUrl, env);
  try {
    for (const s of chosen) {
      const r = s.requests[0]!;
      const times: number[] = [];
      for (let i = 0; i < 2; i++) {
        const t0 = performance.now();
        const res = await fetch(app.url + r.path, { headers: r.headers });
        await res.text();
        times.push(Math.round(performance.now() - t0));
      }
      cold.push(`| ${s.name} | ${times[0]} | ${times[1]} |`);
    }
  } finally {
    await app.stop();
  }
  lines.push(...cold);
  for (const l of cold) process.stdout.write(`${l}\n`);
  // The dashboards read the rollups as they are (the refresh above is what a view would have waited for).
  const rows = await runScenarios(dbUrl, chosen, connections, duration, env, 1);
  process.stdout.write(['', `Health dashboards over HTTP, ${connections} connection(s), ${duration} s each, at ${url}:`, '', ...lines, '', ...RESULT_HEADER, ...rows, ''].join('\n'));
  return 0;
}

/** A signed-in session for the user, written as signing in would; returns the cookie. */
async function session(db: Db, userId: number): Promise<string> {
  const now = new Date();
  const secret = newSecret();
  const at = now.toISOString();
  await db.insertInto('sessions').values({ id: hashToken(secret), user_id: userId, created_at: at, expires_at: new Date(now.getTime() + 86_400_000).toISOString(), last_seen_at: at, user_agent: 'bench' }).execute();
  return `gh_session=${secret}`;
}

/** `n` new acts now (votes and views by early members on the newest topic), as the stream would get them. */
async function addActs(db: Db, n: number): Promise<void> {
  const topic = await db.selectFrom('topics').select(['id']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
  const at = new Date().toISOString();
  const rows = Array.from({ length: n }, (_, i) => ({ actor_id: 2 + (i % 50), verb: i % 2 ? 'topic.viewed' : 'post.reacted', community_id: 1, subject_type: i % 2 ? 'topic' : 'post', subject_id: topic.id, data: JSON.stringify({ topicId: topic.id }), created_at: at }));
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('activity').values(rows.slice(i, i + 200)).execute();
}
