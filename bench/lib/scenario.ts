import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { startGuildhall, startServer, type ChildServer } from './servers.ts';

/** What one load run measured. */
export interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** What the errors and non-2xx answers were: socket errors, timeouts, and each status code other than 2xx. */
  breakdown: string;
}

/** Names what went wrong in a run (`errors 2, timeouts 0, 503 × 4`), or `none`. */
function breakdownOf(r: Result): string {
  const codes = Object.entries(r.statusCodeStats ?? {})
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, s]) => `${code} × ${s.count}`);
  const parts = [r.errors > 0 ? `socket errors ${r.errors}` : '', r.timeouts > 0 ? `timeouts ${r.timeouts}` : '', ...codes].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

/** One request of a scenario: a path, and for writes a method, headers and a body. */
export interface BenchRequest {
  path: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

/** A scenario: requests sent round-robin, and the kind of body a bare server answers for the ratio. */
export interface Scenario {
  name: string;
  kind: 'html' | 'json';
  requests: BenchRequest[];
}

/** Drives `url` with autocannon for `duration` seconds, sending `requests` round-robin. */
export async function load(url: string, requests: BenchRequest[], connections: number, duration: number): Promise<Figures> {
  let i = 0;
  const r = await autocannon({
    url,
    connections,
    duration,
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => {
          const next = requests[i++ % requests.length]!;
          return { ...req, path: next.path, method: next.method ?? 'GET', headers: { ...req.headers, ...next.headers }, ...(next.body !== undefined ? { body: next.body } : {}) };
        },
      },
    ],
  });
  return { rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx, breakdown: breakdownOf(r) };
}

/** Starts the production app (the bundle, `guildhall serve`) on `dbUrl` in a child process. */
export function startApp(dbUrl: string, env: Record<string, string> = {}): Promise<ChildServer> {
  return startGuildhall({ DATABASE_URL: dbUrl, AUTH_RATE_LIMIT: '0', ...env });
}

/** The median-sized body of the first requests' answers (what the bare server will answer), checking each is a success. */
export async function sampleBody(url: string, requests: BenchRequest[]): Promise<string> {
  const bodies: string[] = [];
  for (const r of requests.slice(0, 10)) {
    const res = await fetch(url + r.path, { method: r.method ?? 'GET', headers: r.headers, body: r.body });
    if (!res.ok) throw new Error(`${r.method ?? 'GET'} ${r.path} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
    bodies.push(await res.text());
  }
  bodies.sort((a, b) => a.length - b.length);
  return bodies[Math.floor(bodies.length / 2)]!;
}

/** The same load against a bare Fastify server answering `body` (the ceiling the ratio is taken to). */
export async function bareCeiling(kind: 'html' | 'json', body: string, connections: number, duration: number): Promise<Figures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-bench-'));
  const file = path.join(dir, kind === 'html' ? 'body.html' : 'body.json');
  fs.writeFileSync(file, body);
  if (kind === 'html') fs.writeFileSync(path.join(dir, 'x.json'), '{}');
  const bare = await startServer('bare-server', kind === 'html' ? { BODY_FILE: path.join(dir, 'x.json'), HTML_FILE: file } : { BODY_FILE: file });
  try {
    await load(bare.url, [{ path: `/${kind}` }], connections, 2);
    return await load(bare.url, [{ path: `/${kind}` }], connections, duration);
  } finally {
    await bare.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** One results-table row: the app's figures beside the bare server's for the same body size. */
export function resultRow(name: string, bodyBytes: number, app: Figures, rssMb: number, ceiling: Figures): string {
  const ratio = Math.round((app.rps / Math.max(1, ceiling.rps)) * 1000) / 1000;
  return `| ${name} | ${Math.round(bodyBytes / 1024)} KB | ${app.rps} | ${app.p50} | ${app.p99} | ${app.errors + app.non2xx}${app.breakdown === 'none' ? '' : ` (${app.breakdown})`} | ${rssMb} | ${ceiling.rps} (p99 ${ceiling.p99} ms) | ${ratio} |`;
}

export const RESULT_HEADER = [
  '| scenario | body | requests/s | p50 ms | p99 ms | errors + non-2xx | RSS MB | bare Fastify same body, requests/s (its p99) | ratio |',
  '|---|---|---|---|---|---|---|---|---|',
];

/** Runs each scenario against a fresh app process (warm-up `warmup` s, then `duration`), then its bare ceiling; prints rows as they come. */
export async function runScenarios(dbUrl: string, list: Scenario[], connections: number, duration: number, env: Record<string, string> = {}, warmup = 2): Promise<string[]> {
  const rows: string[] = [];
  for (const s of list) {
    const app = await startApp(dbUrl, env);
    let figures: Figures;
    let sample: string;
    let rss: number;
    try {
      sample = await sampleBody(app.url, s.requests);
      await load(app.url, s.requests, connections, warmup);
      figures = await load(app.url, s.requests, connections, duration);
      rss = app.rssMb();
    } finally {
      await app.stop();
    }
    const ceiling = await bareCeiling(s.kind, sample, connections, duration);
    rows.push(resultRow(s.name, Buffer.byteLength(sample), figures, rss, ceiling));
    process.stdout.write(`${rows[rows.length - 1]}\n`);
  }
  return rows;
}
