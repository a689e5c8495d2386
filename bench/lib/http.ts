import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import type { Query } from './queries.ts';
import { startServer } from './servers.ts';

export interface LoadFigures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export interface HttpResult {
  connections: number;
  duration: number;
  bodyBytes: number;
  app: LoadFigures & { rssMb: number };
  bare: LoadFigures;
  /** app requests/s divided by bare requests/s. */
  ratio: number;
  table: string;
}

async function load(url: string, opts: { connections: number; duration: number; paths?: string[] }): Promise<LoadFigures> {
  let i = 0;
  const paths = opts.paths;
  const r = await autocannon({
    url,
    connections: opts.connections,
    duration: opts.duration,
    ...(paths ? { requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }] } : {}),
  });
  return { requestsPerSecond: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

/**
 * Search over HTTP: GET /api/v1/search?q=… cycling through the query mix against the production app
 * (own process), then GET /json against a bare Fastify server (own process) answering a body the
 * size of a typical search response; autocannon runs here, in a third process. Each gets a short
 * warm-up first.
 */
export async function httpSearchBench(o: { url: string; queries: Query[]; duration: number; connections: number }): Promise<HttpResult> {
  const paths = o.queries.map((q) => `/api/v1/search?q=${encodeURIComponent(q.q)}`);
  const app = await startServer('app-server', { DATABASE_URL: o.url.startsWith('postgres') || o.url.startsWith('sqlite:') ? o.url : `sqlite:${o.url}` });
  let appFigures: HttpResult['app'];
  let sample = '';
  try {
    // A typical body: the median-sized response over the first 40 queries.
    const bodies: string[] = [];
    for (const p of paths.slice(0, 40)) {
      const res = await fetch(app.url + p);
      if (!res.ok) throw new Error(`GET ${p} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
      bodies.push(await res.text());
    }
    bodies.sort((a, b) => a.length - b.length);
    sample = bodies[Math.floor(bodies.length / 2)]!;
    await load(app.url, { connections: o.connections, duration: 2, paths });
    appFigures = { ...(await load(app.url, { connections: o.connections, duration: o.duration, paths })), rssMb: app.rssMb() };
  } finally {
    await app.stop();
  }
  const bodyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gh-bench-')), 'body.json');
  fs.writeFileSync(bodyFile, sample);
  const bare = await startServer('bare-server', { BODY_FILE: bodyFile });
  let bareFigures: LoadFigures;
  try {
    await load(`${bare.url}/json`, { connections: o.connections, duration: 2 });
    bareFigures = await load(`${bare.url}/json`, { connections: o.connections, duration: o.duration });
  } finally {
    await bare.stop();
    fs.rmSync(path.dirname(bodyFile), { recursive: true, force: true });
  }
  const ratio = Math.round((appFigures.requestsPerSecond / Math.max(1, bareFigures.requestsPerSecond)) * 1000) / 1000;
  const bytes = Buffer.byteLength(sample);
  const table = [
    `HTTP, ${o.connections} connections, ${o.duration} s each, JSON body ~${bytes} bytes:`,
    '',
    '| server | requests/s | p50 ms | p99 ms | errors | non-2xx | RSS MB |',
    '|---|---|---|---|---|---|---|',
    `| Guildhall GET /api/v1/search (query mix) | ${appFigures.requestsPerSecond} | ${appFigures.p50} | ${appFigures.p99} | ${appFigures.errors} | ${appFigures.non2xx} | ${appFigures.rssMb} |`,
    `| bare Fastify, same-sized JSON | ${bareFigures.requestsPerSecond} | ${bareFigures.p50} | ${bareFigures.p99} | ${bareFigures.errors} | ${bareFigures.non2xx} | |`,
    `| ratio (Guildhall / bare) | ${ratio} | | | | | |`,
  ].join('\n');
  return { connections: o.connections, duration: o.duration, bodyBytes: bytes, app: appFigures, bare: bareFigures, ratio, table };
}
