import { sql } from 'kysely';
import { createDeps } from '../src/core/compose.ts';
import { loadConfig } from '../src/core/config.ts';
import { defaultUrl } from './generate.ts';
import type { Args } from './lib/args.ts';
import { describeMachine, machineInfo } from './lib/machine.ts';
import { RESULT_HEADER, runScenarios, type Scenario } from './lib/scenario.ts';

/*
 * Page scenarios of issue 6 over HTTP, anonymous: the topic page HTML of 50-post topics, the same
 * topics' posts as JSON, the community latest list and an article page — each against the production
 * app in its own process, then against a bare Fastify server answering a body of the same size (HTML
 * or JSON), so every figure is also a ratio to that ceiling. autocannon runs in this process.
 */

/** Public communities' 50-post topics (the first page of a topic shows 50 posts), a few lists and articles. */
export async function anonymousScenarios(url: string): Promise<Scenario[]> {
  const config = loadConfig({ ...process.env, DATABASE_URL: url.startsWith('postgres') || url.startsWith('sqlite:') ? url : `sqlite:${url}`, LOG_LEVEL: 'silent', GUILDHALL_DEMO: '0' });
  const { deps, close } = await createDeps(config);
  try {
    const db = deps.db;
    const topics = await sql<{ id: number; slug: string }>`select t.id, c.slug from topics t join communities c on c.id = t.community_id
      where c.visibility = 'public' and t.deleted_at is null and t.reply_count >= 49 order by t.id limit 40`.execute(db);
    const communities = await db.selectFrom('communities').select('slug').where('visibility', '=', 'public').orderBy('id').limit(20).execute();
    const articles = await sql<{ id: number; slug: string }>`select a.id, c.slug from articles a join communities c on c.id = a.community_id
      where c.visibility = 'public' order by a.id limit 40`.execute(db);
    if (topics.rows.length === 0) throw new Error('no public topic with 50 posts: generate a larger scale first');
    return [
      { name: 'topic page HTML (50 posts)', kind: 'html', requests: topics.rows.map((t) => ({ path: `/c/${t.slug}/t/${t.id}` })) },
      { name: 'topic posts JSON (50 posts)', kind: 'json', requests: topics.rows.map((t) => ({ path: `/api/v1/topics/${t.id}/posts?limit=50` })) },
      { name: 'community latest list HTML', kind: 'html', requests: communities.map((c) => ({ path: `/c/${c.slug}/topics` })) },
      { name: 'community latest list JSON', kind: 'json', requests: communities.map((c) => ({ path: `/api/v1/communities/${c.slug}/topics` })) },
      { name: 'unanswered list HTML', kind: 'html', requests: communities.map((c) => ({ path: `/c/${c.slug}/topics?view=unanswered` })) },
      { name: 'article page HTML', kind: 'html', requests: articles.rows.map((a) => ({ path: `/c/${a.slug}/a/${a.id}` })) },
    ];
  } finally {
    await close();
  }
}

/** `npm run bench -- pages [--scale …] [--db …] [--duration S] [--connections N]` */
export async function pagesBench(args: Args): Promise<number> {
  const scale = args.get('scale') ?? 'large';
  const url = args.get('db') ?? defaultUrl(scale);
  const duration = args.number('duration', 10);
  const connections = args.number('connections', 50);
  const machine = await machineInfo(url.startsWith('postgres') ? url : undefined);
  process.stdout.write(`${describeMachine(machine)}\n\n`);
  const list = await anonymousScenarios(url);
  const dbUrl = url.startsWith('postgres') || url.startsWith('sqlite:') ? url : `sqlite:${url}`;
  const only = args.get('only');
  // --anon-cache 0 measures the pages assembled on every request (the default, 5 s, is what production runs).
  const anonCache = args.get('anon-cache');
  const rows = await runScenarios(dbUrl, only ? list.filter((s) => s.name.includes(only)) : list, connections, duration, anonCache !== undefined ? { ANON_CACHE_SECONDS: anonCache } : {}, args.number('warmup', 2));
  process.stdout.write(
    [
      '',
      `Pages over HTTP, anonymous (ANON_CACHE_SECONDS=${anonCache ?? '5, the default'}), ${connections} connections, ${duration} s each, at ${url}:`,
      '',
      ...RESULT_HEADER,
      ...rows,
      '',
    ].join('\n'),
  );
  return 0;
}
