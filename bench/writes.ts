import { createDeps } from '../src/core/compose.ts';
import { loadConfig } from '../src/core/config.ts';
import { defaultUrl } from './generate.ts';
import { BENCH_PASSWORD, benchMembers, fiftyPostPagesSignedIn, giveBenchPassword, type BenchMember } from './lib/accounts.ts';
import type { Args } from './lib/args.ts';
import { describeMachine, machineInfo } from './lib/machine.ts';
import { RESULT_HEADER, runScenarios, type BenchRequest, type Scenario } from './lib/scenario.ts';

/*
 * Signed-in scenarios of issue 6 over HTTP: the 50-post topic pages of the anonymous scenario, each
 * for a member of its community, and the topic page HTML of members' own topics (session cookie),
 * a new reply through the API (a write: post, counters, activity, search index and notifications in one
 * transaction), and signing in (argon2 verification). Each beside a bare Fastify server answering a body
 * of the same size. The reply scenario adds rows to the database it runs on.
 */

const REPLY_WORDS = 'the retry budget held while we drained the queue and the p99 stayed flat once the pool was sized to the cores'.split(' ');

function replyBody(i: number): string {
  const words = Array.from({ length: 40 }, (_, k) => REPLY_WORDS[(i * 7 + k * 3) % REPLY_WORDS.length]);
  return JSON.stringify({ body: `Load reply ${i}: ${words.join(' ')}.` });
}

function scenariosFor(members: BenchMember[], slugOf: Map<number, string>, signInCount: number, fifty: Array<{ path: string; cookie: string }>): Scenario[] {
  const pages: BenchRequest[] = [];
  const replies: BenchRequest[] = [];
  for (const m of members) {
    for (const topicId of m.topics) {
      const slug = slugOf.get(topicId);
      if (slug) pages.push({ path: `/c/${slug}/t/${topicId}`, headers: { cookie: m.cookie } });
    }
  }
  for (let i = 0; i < 2_000; i++) {
    const m = members[i % members.length]!;
    const topicId = m.topics[Math.floor(i / members.length) % m.topics.length]!;
    replies.push({ path: `/api/v1/topics/${topicId}/posts`, method: 'POST', headers: { authorization: `Bearer ${m.token}`, 'content-type': 'application/json' }, body: replyBody(i) });
  }
  const signIns = members.slice(0, signInCount).map((m) => ({
    path: '/api/v1/auth/signin',
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: m.username, password: BENCH_PASSWORD }),
  }));
  return [
    { name: 'topic page HTML (50 posts), signed in', kind: 'html', requests: fifty.map((p) => ({ path: p.path, headers: { cookie: p.cookie } })) },
    { name: 'topic page HTML, signed in', kind: 'html', requests: pages },
    { name: 'new reply (write, API)', kind: 'json', requests: replies },
    { name: 'sign in (API, argon2)', kind: 'json', requests: signIns },
  ];
}

/** `npm run bench -- writes [--scale …] [--db …] [--duration S] [--connections N] [--members N]` */
export async function writesBench(args: Args): Promise<number> {
  const scale = args.get('scale') ?? 'large';
  const url = args.get('db') ?? defaultUrl(scale);
  const dbUrl = url.startsWith('postgres') || url.startsWith('sqlite:') ? url : `sqlite:${url}`;
  const duration = args.number('duration', 10);
  const connections = args.number('connections', 50);
  const count = args.number('members', 200);
  process.stdout.write(`${describeMachine(await machineInfo(url.startsWith('postgres') ? url : undefined))}\n\n`);

  const { deps, close } = await createDeps(loadConfig({ ...process.env, DATABASE_URL: dbUrl, LOG_LEVEL: 'silent', GUILDHALL_DEMO: '0' }));
  let list: Scenario[];
  try {
    const members = await benchMembers(deps.db, count);
    if (members.length === 0) throw new Error('no member of a public community with open topics: generate a database first');
    await giveBenchPassword(
      deps.db,
      members.slice(0, 20).map((m) => m.userId),
    );
    const topicIds = [...new Set(members.flatMap((m) => m.topics))];
    const rows = await deps.db.selectFrom('topics').innerJoin('communities', 'communities.id', 'topics.community_id').select(['topics.id', 'communities.slug']).where('topics.id', 'in', topicIds).execute();
    list = scenariosFor(members, new Map(rows.map((r) => [r.id, r.slug])), 20, await fiftyPostPagesSignedIn(deps.db));
  } finally {
    await close();
  }
  const only = args.get('only');
  const chosen = only ? list.filter((s) => s.name.includes(only)) : list;
  const rows = await runScenarios(dbUrl, chosen, connections, duration);
  process.stdout.write(['', `Signed-in scenarios over HTTP, ${connections} connections, ${duration} s each, at ${url}:`, '', ...RESULT_HEADER, ...rows, ''].join('\n'));
  return 0;
}
