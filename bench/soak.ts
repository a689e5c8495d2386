import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultUrl } from './generate.ts';
import type { Args } from './lib/args.ts';
import { describeMachine, machineInfo } from './lib/machine.ts';
import { load, startApp } from './lib/scenario.ts';
import { SERVE_NODE_FLAGS } from './lib/servers.ts';
import { anonymousScenarios } from './pages.ts';

/*
 * Memory and start-up of issue 6:
 * - soak: the anonymous page mix (topic pages, lists, articles) for --seconds (default 600) against one
 *   app process, its RSS sampled every 10 s; reports the first minute's and the last minute's RSS.
 * - coldstart: `guildhall serve` in production mode on the existing database, timed from spawning the
 *   process to the first page answered (three runs; tsx keeps its transpile cache between them).
 */

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `npm run bench -- soak [--seconds 600] [--connections 20]` (also `npm run bench -- --soak 600`). */
export async function soakBench(args: Args): Promise<number> {
  const url = args.get('db') ?? defaultUrl(args.get('scale') ?? 'large');
  const dbUrl = url.startsWith('postgres') || url.startsWith('sqlite:') ? url : `sqlite:${url}`;
  const seconds = args.number('seconds', args.number('soak', 600));
  const connections = args.number('connections', 20);
  process.stdout.write(`${describeMachine(await machineInfo(url.startsWith('postgres') ? url : undefined))}\n\n`);
  const requests = (await anonymousScenarios(url)).filter((s) => s.kind === 'html').flatMap((s) => s.requests);
  const app = await startApp(dbUrl);
  const samples: Array<{ at: number; rss: number }> = [];
  const started = Date.now();
  const timer = setInterval(() => samples.push({ at: Math.round((Date.now() - started) / 1000), rss: app.rssMb() }), 10_000);
  try {
    samples.push({ at: 0, rss: app.rssMb() });
    const figures = await load(app.url, requests, connections, seconds);
    clearInterval(timer);
    samples.push({ at: Math.round((Date.now() - started) / 1000), rss: app.rssMb() });
    const avg = (xs: number[]) => Math.round(xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length));
    const firstMinute = avg(samples.filter((s) => s.at > 0 && s.at <= 60).map((s) => s.rss));
    const lastMinute = avg(samples.filter((s) => s.at >= seconds - 60).map((s) => s.rss));
    process.stdout.write(
      [
        `Soak: ${seconds} s of the anonymous page mix (${requests.length} pages), ${connections} connections, at ${url}`,
        '',
        '| requests/s | p50 ms | p99 ms | errors + non-2xx | RSS at start MB | first minute MB | last minute MB | max MB | growth first → last minute |',
        '|---|---|---|---|---|---|---|---|---|',
        `| ${figures.rps} | ${figures.p50} | ${figures.p99} | ${figures.errors + figures.non2xx} | ${samples[0]!.rss} | ${firstMinute} | ${lastMinute} | ${Math.max(...samples.map((s) => s.rss))} | ${lastMinute - firstMinute} MB |`,
        '',
        `Errors and non-2xx answers: ${figures.breakdown}.`,
        '',
        `RSS every 10 s (MB): ${samples.map((s) => s.rss).join(' ')}`,
        '',
      ].join('\n'),
    );
  } finally {
    clearInterval(timer);
    await app.stop();
  }
  return 0;
}

/** How the server is started: the sources through tsx (`npm start`), or the bundle (`npm run build`, then `node dist/guildhall.mjs`). */
const STARTS = {
  'tsx (npm start)': ['--import', 'tsx', path.join(ROOT, 'src', 'cli', 'main.ts'), 'serve'],
  'bundle (npm run start:prod)': [...SERVE_NODE_FLAGS, path.join(ROOT, 'dist', 'guildhall.mjs'), 'serve'],
} as const;

/** Spawns `guildhall serve` and resolves with the milliseconds until GET `path` answered 200. */
async function timeToFirstPage(dbUrl: string, pagePath: string, argv: readonly string[]): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [...argv], {
    env: { ...process.env, DATABASE_URL: dbUrl, NODE_ENV: 'production', GUILDHALL_DEMO: '0', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const base = await new Promise<string>((resolve, reject) => {
      let out = '';
      const onData = (c: Buffer) => {
        out += c.toString();
        const m = /running at (http:\/\/\S+)/.exec(out);
        // Keep reading after the URL (resolving again is a no-op): a closed pipe would fail the server's goodbye line.
        if (m) resolve(m[1]!.replace(/\/$/, ''));
      };
      child.stdout.on('data', onData);
      child.on('exit', (code) => reject(new Error(`guildhall serve exited with ${code}`)));
    });
    const res = await fetch(base + pagePath);
    if (res.status !== 200) throw new Error(`GET ${pagePath} answered ${res.status}`);
    await res.text();
    return Math.round(performance.now() - started);
  } finally {
    child.kill('SIGTERM');
  }
}

/** `npm run bench -- coldstart [--db …] [--runs 3]` */
export async function coldStartBench(args: Args): Promise<number> {
  const url = args.get('db') ?? defaultUrl(args.get('scale') ?? 'large');
  const dbUrl = url.startsWith('postgres') || url.startsWith('sqlite:') ? url : `sqlite:${url}`;
  const runs = args.number('runs', 3);
  process.stdout.write(`${describeMachine(await machineInfo(url.startsWith('postgres') ? url : undefined))}\n\n`);
  const topic = (await anonymousScenarios(url))[0]!.requests[0]!.path;
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  process.stdout.write(`Cold start: spawn → first topic page answered 200 (${topic}), at ${url}, ${runs} runs each\n\n| start | runs, ms |\n|---|---|\n`);
  for (const [name, argv] of Object.entries(STARTS)) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await timeToFirstPage(dbUrl, topic, argv));
    process.stdout.write(`| ${name} | ${times.join(', ')} |\n`);
  }
  return 0;
}
