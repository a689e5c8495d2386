import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { chooseEncoding } from './compression.ts';

const HIT = 'x-guildhall-cache';

function decode(encoding: string | undefined, raw: Buffer): string {
  if (encoding === 'br') return zlib.brotliDecompressSync(raw).toString();
  if (encoding === 'gzip') return zlib.gunzipSync(raw).toString();
  return raw.toString();
}

describe('compressed pages and API answers', () => {
  let t: TestApp;
  let member: Browser;
  let topicPath: string;
  let apiPath: string;
  beforeAll(async () => {
    t = await buildTestApp('sqlite', { env: { ANON_CACHE_SECONDS: '60' } });
    const owner = await makeUser(t.deps.db);
    const c = await makeCommunity(t.deps.db, owner.id, { name: 'Squeeze Works', visibility: 'public', join_policy: 'open' });
    member = await signInAs(t, owner.id);
    const body = Array.from({ length: 40 }, (_, i) => `Paragraph ${i}: the retry budget held while we drained the queue.`).join('\n\n');
    const topic = (await api(t, 'POST', `/api/v1/communities/${c.slug}/topics`, { kind: 'discussion', title: 'A long thread worth compressing', body }, member)).json() as { id: number };
    topicPath = `/c/${c.slug}/t/${topic.id}`;
    apiPath = `/api/v1/topics/${topic.id}/posts`;
  });
  afterAll(async () => t.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  it('sends the same page brotli-compressed, gzip-compressed or plain, as the client accepts, and says it varies', async () => {
    const plain = await get(topicPath, { cookie: member.cookie });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/);
    for (const [accept, expected] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0, gzip;q=0.5', 'gzip'],
      ['*', 'gzip'],
    ] as const) {
      const res = await get(topicPath, { cookie: member.cookie, 'accept-encoding': accept });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding'], accept).toBe(expected);
      expect(res.headers.vary).toMatch(/Accept-Encoding/);
      const text = decode(expected, res.rawPayload);
      expect(res.rawPayload.length).toBeLessThan(text.length / 2);
      // Same page (the CSRF token is per session, so signed-in pages are byte-for-byte comparable).
      expect(text).toBe(plain.body);
      // The ETag is the uncompressed body's, so a conditional GET works whatever the encoding.
      expect(res.headers.etag).toBe(plain.headers.etag);
    }
    const again = await get(topicPath, { cookie: member.cookie, 'accept-encoding': 'br', 'if-none-match': String(plain.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });

  it('compresses API answers too, and leaves small answers and refused encodings alone', async () => {
    const res = await get(apiPath, { 'accept-encoding': 'br' });
    expect(res.headers['content-encoding']).toBe('br');
    expect(JSON.parse(decode('br', res.rawPayload))).toHaveProperty('items');
    const small = await get('/healthz', { 'accept-encoding': 'br' });
    expect(small.headers['content-encoding']).toBeUndefined();
    const refused = await get(apiPath, { 'accept-encoding': 'identity, br;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(refused.body)).toHaveProperty('items');
  });

  it('serves anonymous pages from the micro-cache compressed as each visitor accepts, the same bytes to all', async () => {
    await get(topicPath);
    const first = await get(topicPath, { 'accept-encoding': 'br' });
    const second = await get(topicPath, { 'accept-encoding': 'br' });
    const gzip = await get(topicPath, { 'accept-encoding': 'gzip' });
    const plain = await get(topicPath);
    for (const r of [first, second, gzip, plain]) expect(r.headers[HIT]).toBe('hit');
    expect([first.headers['content-encoding'], gzip.headers['content-encoding'], plain.headers['content-encoding']]).toEqual(['br', 'gzip', undefined]);
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(decode('br', first.rawPayload)).toBe(plain.body);
    expect(decode('gzip', gzip.rawPayload)).toBe(plain.body);
    expect(first.headers.vary).toMatch(/Accept-Encoding/);
  });

  it('reads Accept-Encoding as RFC 9110 says', () => {
    expect(chooseEncoding(undefined)).toBeNull();
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding('gzip;q=0, br;q=0')).toBeNull();
    expect(chooseEncoding('GZIP, BR')).toBe('br');
    expect(chooseEncoding('deflate, gzip;q=1.0, *;q=0.5')).toBe('gzip');
    expect(chooseEncoding('*;q=0')).toBeNull();
    expect(chooseEncoding('gzip;q=0, *')).toBe('br');
    expect(chooseEncoding('gzip;q=0, br;q=0, *')).toBeNull();
  });
});
