import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { createDeps } from '../src/core/compose.ts';
import { loadConfig } from '../src/core/config.ts';
import { defaultUrl } from './generate.ts';
import type { Args } from './lib/args.ts';
import { describeMachine, machineInfo } from './lib/machine.ts';
import { startServer } from './lib/servers.ts';

/*
 * Page scenarios of issue 6 over HTTP, anonymous: the topic page HTML of 50-post topics, the same
 * topics' posts as JSON, the community latest list and an article page — each against the production
 * app in its own process, then against a bare Fastify server answering a body of the same size (HTML
 * or JSON), so every figure is also a ratio to that ceiling. autocannon runs in this process.
 */

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(url: string, paths: string[], connections: number, duration: number): Promise<Figures> {
  let i = 0;
  const r = await autocannon({ url, connections, duration, requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }] });
  return { rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

interface Scenario {
  name: string;
  kind: 'html' | 'json';
  paths: string[];
}

/** Public communities' 50-post topics (the first page of a topic shows 50 posts), a few lists and articles. */
async function scenarios(url: string): Promise<Scenario[]> {
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
      { name: 'topic page HTML (50 posts)', kind: 'html', paths: topics.rows.map((t) => `/c/${t.slug}/t/${t.id}`) },
      { name: 'topic posts JSON (50 posts)', kind: 'json', paths: topics.rows.map((t) => `/api/v1/topics/${t.id}/posts?limit=50`) },
      { name: 'community latest list HTML', kind: 'html', paths: communities.map((c) => `/c/${c.slug}/topics`) },
      { name: 'article page HTML', kind: 'html', paths: articles.rows.map((a) => `/c/${a.slug}/a/${a.id}`) },
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
  const list = await scenarios(url);
  const dbUrl = url.startsWith('postgres') || url.startsWith('sqlite:') ? url : `sqlite:${url}`;
  const rows: string[] = [];
  for (const s of list) {
    const app = await startServer('app-server', { DATABASE_URL: dbUrl });
    let figures: Figures;
    let sample: string;
    let rss: number;
    try {
      const bodies: string[] = [];
      for (const p of s.paths.slice(0, 10)) {
        const res = await fetch(app.url + p);
        if (!res.ok) throw new Error(`GET ${p} answered ${res.status}`);
        bodies.push(await res.text());
      }
      bodies.sort((a, b) => a.length - b.length);
      sample = bodies[Math.floor(bodies.length / 2)]!;
      await load(app.url, s.paths, connections, 2);
      figures = await load(app.url, s.paths, connections, duration);
      rss = app.rssMb();
    } finally {
      await app.stop();
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-bench-'));
    const file = path.join(dir, s.kind === 'html' ? 'body.html' : 'body.json');
    fs.writeFileSync(file, sample);
    if (s.kind === 'html') fs.writeFileSync(path.join(dir, 'x.json'), '{}');
    const bare = await startServer('bare-server', s.kind === 'html' ? { BODY_FILE: path.join(dir, 'x.json'), HTML_FILE: file } : { BODY_FILE: file });
    let ceiling: Figures;
    try {
      await load(bare.url, [`/${s.kind}`], connections, 2);
      ceiling = await load(bare.url, [`/${s.kind}`], connections, duration);
    } finally {
      await bare.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const ratio = Math.round((figures.rps / Math.max(1, ceiling.rps)) * 1000) / 1000;
    rows.push(`| ${s.name} | ${Math.round(Buffer.byteLength(sample) / 1024)} KB | ${figures.rps} | ${figures.p50} | ${figures.p99} | ${figures.errors + figures.non2xx} | ${rss} | ${ceiling.rps} | ${ratio} |`);
    process.stdout.write(`${rows[rows.length - 1]}\n`);
  }
  process.stdout.write(
    [
      '',
      `Pages over HTTP, anonymous, ${connections} connections, ${duration} s each, at ${url}:`,
      '',
      '| scenario | body | requests/s | p50 ms | p99 ms | errors + non-2xx | RSS MB | bare Fastify same body, requests/s | ratio |',
      '|---|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
    ].join('\n'),
  );
  return 0;
}
