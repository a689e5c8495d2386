import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/*
 * The app's own static assets (CSS and the small client islands under src/web/static): read once,
 * fingerprinted, and compressed once (brotli and gzip) the first time they are asked for, then served
 * from memory. Pages link them as /static/<file>?v=<fingerprint> (assetUrl), which may be cached for a
 * year (immutable): a new version of a file is a new URL. Without the right fingerprint the answer must
 * be revalidated (ETag, 304).
 */

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.css', '.js', '.svg']);

interface Asset {
  type: string;
  fingerprint: string;
  raw: Buffer;
  compressible: boolean;
  br?: Buffer;
  gzip?: Buffer;
}

const assets = new Map<string, Asset>();
let loadedFrom: string | null = null;

/** Reads every file of `root` (once per root) and fingerprints it. */
function load(root: string): void {
  if (loadedFrom === root) return;
  assets.clear();
  for (const name of fs.readdirSync(root)) {
    const ext = path.extname(name);
    const type = TYPES[ext];
    if (!type || !fs.statSync(path.join(root, name)).isFile()) continue;
    const raw = fs.readFileSync(path.join(root, name));
    assets.set(name, { type, raw, compressible: COMPRESSIBLE.has(ext), fingerprint: crypto.createHash('sha256').update(raw).digest('hex').slice(0, 12) });
  }
  loadedFrom = root;
}

/** The URL a page links an asset by: with its fingerprint when the file exists. */
export function assetUrl(name: string): string {
  const a = assets.get(name);
  return a ? `/static/${name}?v=${a.fingerprint}` : `/static/${name}`;
}

/** The best encoding the client accepts that we have: brotli, then gzip, else none. */
function pickEncoding(req: FastifyRequest, a: Asset): 'br' | 'gzip' | null {
  if (!a.compressible) return null;
  const accepted = String(req.headers['accept-encoding'] ?? '')
    .split(',')
    .map((p) => p.trim().split(';'))
    .filter(([, q]) => q === undefined || !/^q=0(\.0*)?$/.test(q.trim()))
    .map(([name]) => name!.toLowerCase());
  if (accepted.includes('br')) return 'br';
  if (accepted.includes('gzip')) return 'gzip';
  return null;
}

function encoded(a: Asset, encoding: 'br' | 'gzip'): Buffer {
  if (encoding === 'br') return (a.br ??= zlib.brotliCompressSync(a.raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: a.raw.length } }));
  return (a.gzip ??= zlib.gzipSync(a.raw, { level: 9 }));
}

function send(req: FastifyRequest, reply: FastifyReply, a: Asset) {
  const etag = `"${a.fingerprint}"`;
  const versioned = (req.query as { v?: string }).v === a.fingerprint;
  reply.header('content-type', a.type);
  reply.header('etag', etag);
  reply.header('vary', 'Accept-Encoding');
  reply.header('cache-control', versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate');
  const sent = req.headers['if-none-match'];
  if (sent && sent.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return reply.code(304).send();
  const encoding = pickEncoding(req, a);
  const body = encoding ? encoded(a, encoding) : a.raw;
  if (encoding) reply.header('content-encoding', encoding);
  reply.header('content-length', body.length);
  return reply.send(body);
}

/** Registers GET (and Fastify's automatic HEAD) /static/:file for the files directly under `root`. */
export function registerStaticAssets(app: FastifyInstance, root: string): void {
  load(root);
  app.get<{ Params: { file: string } }>('/static/:file', { schema: { hide: true } }, (req, reply) => {
    const a = assets.get(req.params.file);
    if (!a) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    return send(req, reply, a);
  });
}
