import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts';

const cssOnDisk = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'static', 'app.css'));

describe('static assets: fingerprinted, compressed, cached', () => {
  let t: TestApp;
  let cssUrl: string;
  beforeAll(async () => {
    t = await buildTestApp('sqlite');
    const home = await t.app.inject({ method: 'GET', url: '/' });
    cssUrl = /<link rel="stylesheet" href="([^"]+)"/.exec(home.body)?.[1] ?? '';
  });
  afterAll(async () => t.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  it('links the stylesheet by a fingerprinted URL that may be cached for a year', async () => {
    expect(cssUrl).toMatch(/^\/static\/app\.css\?v=[0-9a-f]{12}$/);
    const res = await get(cssUrl);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(res.rawPayload.equals(cssOnDisk)).toBe(true);
  });

  it('asks for revalidation without the fingerprint (or with an old one) and answers 304 to a known ETag', async () => {
    for (const url of ['/static/app.css', '/static/app.css?v=000000000000']) {
      const res = await get(url);
      expect(res.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
      const again = await get(url, { 'if-none-match': String(res.headers.etag) });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
    }
  });

  it('sends brotli, else gzip, else the plain file, and says it varies by Accept-Encoding', async () => {
    const br = await get(cssUrl, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.rawPayload.length).toBeLessThan(cssOnDisk.length / 3);
    expect(zlib.brotliDecompressSync(br.rawPayload).equals(cssOnDisk)).toBe(true);

    const gz = await get(cssUrl, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).equals(cssOnDisk)).toBe(true);

    const refused = await get(cssUrl, { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.rawPayload.equals(cssOnDisk)).toBe(true);
  });

  it('answers 404 for files that are not assets, including attempts to leave the folder', async () => {
    for (const url of ['/static/nope.css', '/static/..%2Fcore%2Fapp.ts', '/static/%2e%2e/package.json', '/static/../package.json']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('"dependencies"');
    }
  });
});
