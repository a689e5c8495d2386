import fs from 'node:fs';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import type { Db } from '../../core/db/index.ts';
import type { Browser, TestApp } from '../../../test/helpers/app.ts';
import { countRows } from '../articles/articles.fixtures.ts';

/** A file to send: its name, the content type the client claims, and the bytes. */
export interface TestFile {
  name: string;
  type?: string;
  bytes: Buffer | Uint8Array;
}

/** Encodes fields and an optional file as multipart/form-data, the way a browser would. */
export async function multipart(fields: Record<string, string>, file?: TestFile): Promise<{ payload: Buffer; contentType: string }> {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  if (file) fd.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.name);
  const req = new Request('http://localhost/', { method: 'POST', body: fd });
  return { payload: Buffer.from(await req.arrayBuffer()), contentType: req.headers.get('content-type') ?? '' };
}

/**
 * Uploads a file as `browser`: to a page route with the `_csrf` form field (as a no-JS form does),
 * to an API route with the x-csrf-token header.
 */
export async function upload(t: TestApp, url: string, file: TestFile | undefined, browser: Omit<Browser, 'userId'>, extra: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  const isApi = url.startsWith('/api/');
  const { payload, contentType } = await multipart(isApi ? extra : { _csrf: browser.csrf, ...extra }, file);
  return t.app.inject({ method: 'POST', url, payload, headers: { cookie: browser.cookie, 'content-type': contentType, ...(isApi ? { 'x-csrf-token': browser.csrf } : {}) } });
}

/** A small real PNG (sharp-made), of the given colour. */
export async function pngBytes(color = '#3366cc', size = 8): Promise<Buffer> {
  return sharp({ create: { width: size, height: size, channels: 3, background: color } }).png().toBuffer();
}

/** Names of the files stored under DATA_DIR/uploads (none when the folder does not exist). */
export function storedFiles(t: TestApp): string[] {
  const dir = path.join(t.deps.config.dataDir, 'uploads');
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

/** Attachment and activity rows plus stored files: equal before and after means nothing was stored. */
export async function storedState(t: TestApp, db: Db = t.deps.db): Promise<{ rows: number; activity: number; files: string[] }> {
  return { rows: await countRows(db, 'attachments'), activity: await countRows(db, 'activity'), files: storedFiles(t) };
}

/** DELETE /api/v1/attachments/:id as `browser` (session cookie plus the x-csrf-token header), or anonymously. */
export function deleteVia(t: TestApp, id: number, browser?: Omit<Browser, 'userId'>): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'DELETE', url: `/api/v1/attachments/${id}`, headers: browser ? { cookie: browser.cookie, 'x-csrf-token': browser.csrf } : {} });
}
