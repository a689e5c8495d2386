import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyInstance, FastifyReply } from 'fastify';

/*
 * Compression of pages and API answers (issue 6: a signed-in 50-post topic page is ~200 KB of HTML,
 * ~25 KB compressed). Bodies of at least THRESHOLD bytes of a text type are sent brotli-compressed
 * (quality 4: most of brotli's gain for little CPU) to clients that accept `br`, else gzip to those
 * that accept `gzip`; `Vary: Accept-Encoding` on every such answer. Large bodies are compressed on
 * libuv's thread pool, off the event loop. Answers that already carry a Content-Encoding (static
 * assets, the anonymous micro-cache's kept variants), streams, and `Cache-Control: no-transform` are
 * left alone. ETags stay those of the uncompressed body: they are weak, which allows it.
 */

export type Encoding = 'br' | 'gzip';

/** Smallest body worth compressing (below it, headers and CPU cost more than the bytes saved). */
export const THRESHOLD = 1024;
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|xhtml\+xml|problem\+json)|image\/svg\+xml)/;
/** Bodies up to this size are compressed in place; larger ones on the thread pool. */
const SYNC_LIMIT = 32 * 1024;

const brotliAsync = promisify(zlib.brotliCompress);
const gzipAsync = promisify(zlib.gzip);

function brotliOptions(size: number): zlib.BrotliOptions {
  return { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size } };
}
const GZIP_OPTIONS: zlib.ZlibOptions = { level: 6 };

/**
 * The encoding to answer with for an Accept-Encoding header: `br` when accepted, else `gzip`
 * (`*` accepts what it does not list: gzip, else br), else null. A coding listed with q=0 is refused.
 */
export function chooseEncoding(header: string | string[] | undefined): Encoding | null {
  if (!header) return null;
  const accepted = new Map<string, number>();
  for (const part of String(header).toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (accepted.get(name) ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  // `*` stands for every coding not listed: gzip first (what any client decodes), else br.
  if (ok('*')) return !accepted.has('gzip') ? 'gzip' : !accepted.has('br') ? 'br' : null;
  return null;
}

/** Compresses in the calling thread (small bodies, and bodies compressed once and kept). */
export function compressSync(encoding: Encoding, body: Buffer): Buffer {
  return encoding === 'br' ? zlib.brotliCompressSync(body, brotliOptions(body.length)) : zlib.gzipSync(body, GZIP_OPTIONS);
}

async function compress(encoding: Encoding, body: Buffer): Promise<Buffer> {
  if (body.length <= SYNC_LIMIT) return compressSync(encoding, body);
  return encoding === 'br' ? brotliAsync(body, brotliOptions(body.length)) : gzipAsync(body, GZIP_OPTIONS);
}

/** True when an answer of this type and size would be compressed for a client that accepts it. */
export function compressible(reply: FastifyReply, size: number): boolean {
  if (size < THRESHOLD || reply.statusCode === 204 || reply.statusCode === 304 || reply.hasHeader('content-encoding')) return false;
  if (/no-transform/.test(String(reply.getHeader('cache-control') ?? ''))) return false;
  return COMPRESSIBLE.test(String(reply.getHeader('content-type') ?? ''));
}

/** Adds Accept-Encoding to the answer's Vary header (once). */
export function varyOnEncoding(reply: FastifyReply): void {
  const vary = String(reply.getHeader('vary') ?? '');
  if (!/accept-encoding/i.test(vary)) reply.header('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
}

/** Registers the compression hook. Register it after every hook that reads or replaces the body (ETag, caches). */
export function registerCompression(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    // Sized without copying: most answers are not compressed, and Fastify encodes a string itself.
    const size = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
    if (!compressible(reply, size)) return payload;
    varyOnEncoding(reply);
    const encoding = chooseEncoding(req.headers['accept-encoding']);
    if (!encoding) return payload;
    const out = await compress(encoding, typeof payload === 'string' ? Buffer.from(payload) : payload);
    reply.header('content-encoding', encoding);
    reply.removeHeader('content-length');
    return out;
  });
}
