import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousBrowser, buildTestApp, signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { elementsOf, pageFindings, parsePage, textOf } from '../../../test/helpers/html-safety.ts';
import { tickingClock } from '../../discussions/discussions.fixtures.ts';
import { exportKnowledge } from './export.service.ts';
import { writeKnowledgeFolder } from './folder.ts';
import { tempDir, transferWorld } from './transfer.fixtures.ts';

/** Every file under `dir` as relative path → text. */
function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/')] = fs.readFileSync(path.join(e.parentPath, e.name), 'utf8');
  }
  return out;
}

/** The files of a zip under its one top folder, as relative path → text (folder entries left out). */
function unzipTree(bytes: Buffer, folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(new Uint8Array(bytes)))) {
    expect(name.startsWith(`${folder}/`)).toBe(true);
    if (!name.endsWith('/')) out[name.slice(folder.length + 1)] = strFromU8(data);
  }
  return out;
}

describeEachDialect('knowledge download', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof transferWorld>>;
  let member: Browser;
  let outsider: Browser;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await transferWorld(t.deps, { visibility: 'private' });
    member = await signInAs(t, w.member.id);
    outsider = await signInAs(t, w.outsider.id);
  });
  afterAll(async () => t.close());

  const get = (url: string, b: Omit<Browser, 'userId'>) => t.app.inject({ url, headers: { cookie: b.cookie } });

  describe('GET /c/:slug/knowledge/export.zip', () => {
    it('is a private attachment whose files are byte for byte what the CLI export writes', async () => {
      const res = await get(`/c/${w.a.slug}/knowledge/export.zip`, member);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/zip');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="${w.a.slug}-knowledge.zip"`);
      expect(res.headers['cache-control']).toMatch(/^private/);
      const tmp = tempDir();
      try {
        await writeKnowledgeFolder(tmp.dir, await exportKnowledge(t.deps.db, w.a.id));
        const zipped = unzipTree(res.rawPayload, `${w.a.slug}-knowledge`);
        expect(Object.keys(zipped)).toHaveLength(11);
        expect(zipped).toEqual(readTree(tmp.dir));
        expect(Object.keys(unzipSync(new Uint8Array(res.rawPayload)))).toEqual(expect.arrayContaining([`${w.a.slug}-knowledge/articles/`, `${w.a.slug}-knowledge/glossary/`]));
      } finally {
        tmp.cleanup();
      }
    });

    it('is the same zip from the API, and the same bytes every time', async () => {
      const page = await get(`/c/${w.a.slug}/knowledge/export.zip`, member);
      const apiRes = await get(`/api/v1/communities/${w.a.slug}/knowledge/export`, member);
      expect(apiRes.statusCode).toBe(200);
      expect(apiRes.headers['content-type']).toBe('application/zip');
      expect(apiRes.headers['cache-control']).toMatch(/^private/);
      expect(Buffer.compare(apiRes.rawPayload, page.rawPayload)).toBe(0);
    });

    it('answers 404 to outsiders and anonymous visitors of a private community, without a trace of it', async () => {
      for (const b of [outsider, anonymousBrowser()]) {
        for (const url of [`/c/${w.a.slug}/knowledge/export.zip`, `/api/v1/communities/${w.a.slug}/knowledge/export`, `/c/${w.a.slug}/knowledge/export`]) {
          const res = await get(url, b);
          expect(res.statusCode, url).toBe(404);
          expect(res.headers['content-type']).not.toBe('application/zip');
          expect(res.body).not.toContain('Source');
          expect(res.body).not.toContain('yes');
        }
      }
      expect((await get('/c/no-such-community/knowledge/export.zip', member)).statusCode).toBe(404);
    });
  });

  describe('GET /c/:slug/knowledge/export', () => {
    it('says what the zip holds and links to it, on a clean page', async () => {
      const res = await get(`/c/${w.a.slug}/knowledge/export`, member);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toMatch(/^private/);
      const doc = parsePage(res.body);
      expect(textOf(doc, 'h1')).toBe('Export the knowledge of Source');
      expect(elementsOf(doc).some((e) => e.tag === 'a' && e.attr('href') === `/c/${w.a.slug}/knowledge/export.zip`)).toBe(true);
      expect(textOf(doc, 'main')).toContain('7 articles');
      expect(textOf(doc, 'main')).toContain('3 glossary terms');
      expect(pageFindings(doc)).toEqual([]);
    });
  });

  it('is linked from the articles list', async () => {
    const res = await get(`/c/${w.a.slug}/articles`, member);
    expect(elementsOf(parsePage(res.body)).some((e) => e.tag === 'a' && e.attr('href') === `/c/${w.a.slug}/knowledge/export`)).toBe(true);
  });

  it('documents the API download and upload in the OpenAPI description', async () => {
    const doc = (await t.app.inject('/api/v1/openapi.json')).json() as { paths: unknown };
    const paths = doc.paths as Record<string, Record<string, { tags: string[]; summary: string; responses: Record<string, unknown> }>>;
    for (const [path, method] of [['/api/v1/communities/{slug}/knowledge/export', 'get'], ['/api/v1/communities/{slug}/knowledge/import', 'post']] as const) {
      const op = paths[path]?.[method];
      expect(op?.tags, `${method} ${path}`).toEqual(['knowledge-transfer']);
      expect(op?.summary).toEqual(expect.any(String));
      expect(Object.keys(op?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '404']));
    }
  });
});
