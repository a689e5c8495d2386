import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/**
 * Cache headers and conditional GETs for pages and API reads:
 * - every response without its own Cache-Control gets one: `private, no-cache` when it is for a
 *   signed-in person or sets a cookie (a shared cache must never keep it), else `public, no-cache`
 *   (anyone may keep it but must revalidate, so nothing stale is shown);
 * - a successful GET gets an ETag of its body, and a request that already has that body
 *   (If-None-Match) gets 304 with no body. Only 200s: an error never turns into a 304.
 * Routes that set their own Cache-Control or ETag (static files, downloads) keep theirs.
 */
export function registerCaching(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    if (!reply.hasHeader('cache-control')) {
      const personal = req.actor !== null || reply.hasHeader('set-cookie');
      reply.header('cache-control', personal ? 'private, no-cache' : 'public, no-cache');
    }
    if ((req.method !== 'GET' && req.method !== 'HEAD') || reply.statusCode !== 200 || reply.hasHeader('etag')) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    // Encoded once here: hashing a string encodes it, and so would sizing it (compression, Content-Length)
    // and writing it; a 200 KB page built of many pieces costs ~1 ms a pass (issue 6). Hooks after this
    // one (compression) see the bytes.
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    const etag = `W/"${crypto.createHash('sha1').update(body).digest('base64url')}"`;
    reply.header('etag', etag);
    const sent = req.headers['if-none-match'];
    if (sent && sent.split(',').some((t) => t.trim() === etag || t.trim() === '*')) {
      reply.code(304);
      return '';
    }
    return body;
  });
}
