import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { elementsOf, pageFindings, parsePage } from '../../../test/helpers/html-safety.ts';
import { tickingClock } from '../../discussions/discussions.fixtures.ts';
import { upload } from '../attachments/attachments.fixtures.ts';
import { exportKnowledge, zipKnowledge } from './export.service.ts';
import { knowledgeCounts, transferWorld } from './transfer.fixtures.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const asZip = (bytes: Uint8Array) => ({ name: 'knowledge.zip', type: 'application/zip', bytes });
const article = (title: string, type = 'how-to') => enc(`---\ntitle: ${title}\ntype: ${type}\n---\nBody.\n`);

describeEachDialect('knowledge import from a zip (web and API)', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof transferWorld>>;
  let steward: Browser;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await transferWorld(t.deps, { visibility: 'private' });
    steward = await signInAs(t, w.steward.id);
  });
  afterAll(async () => t.close());

  const api = (bytes: Uint8Array) => upload(t, `/api/v1/communities/${w.b.slug}/knowledge/import`, asZip(bytes), steward);

  describe('POST /api/v1/communities/:slug/knowledge/import', () => {
    it('imports the download of another community, which then exports the same bytes; again changes nothing', async () => {
      const download = await t.app.inject({ url: `/c/${w.a.slug}/knowledge/export.zip`, headers: { cookie: steward.cookie } });
      const res = await api(new Uint8Array(download.rawPayload));
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ articles: { created: 7, updated: 0, unchanged: 0 }, glossary: { created: 3, updated: 0, unchanged: 0 } });
      expect(await exportKnowledge(t.deps.db, w.b.id)).toEqual(await exportKnowledge(t.deps.db, w.a.id));
      const before = await knowledgeCounts(t.deps.db);
      expect((await api(new Uint8Array(download.rawPayload))).json()).toEqual({ articles: { created: 0, updated: 0, unchanged: 7 }, glossary: { created: 0, updated: 0, unchanged: 3 } });
      expect(await knowledgeCounts(t.deps.db)).toEqual(before);
    });

    it.each([
      ['bytes that are not a zip', enc('not a zip at all'), 'knowledge.zip', /not a zip archive|not a readable zip/],
      ['an entry that climbs out of the folder', zipSync({ 'k/articles/ok.md': article('Fine'), 'k/../evil.md': article('Evil') }), 'k/../evil.md', /path outside the folder/],
      ['an absolute entry', zipSync({ '/etc/articles/x.md': article('Abs') }), '/etc/articles/x.md', /path outside the folder/],
      ['an entry in a sub-folder', zipSync({ 'articles/deep/x.md': article('Deep') }), 'articles/deep/x.md', /sub-folder/],
      ['a zip without the folders', zipSync({ 'notes.md': article('Loose') }), 'knowledge.zip', /neither an articles\/ nor a glossary\/ folder/],
      ['a file with an unknown type', zipSync({ 'articles/ok.md': article('Fine'), 'articles/bad.md': article('Bad', 'recipe') }), 'articles/bad.md:3', /unknown type "recipe"/],
      ['a zip that unpacks past the limit', zipSync({ 'articles/big.md': new Uint8Array(60 * 1024 * 1024) }, { level: 9 }), 'knowledge.zip', /unpacks to more than 50 MB/],
    ])('refuses %s with 400 naming it, and writes nothing', async (_name, bytes, field, message) => {
      const before = await knowledgeCounts(t.deps.db);
      const res = await api(bytes);
      expect(res.statusCode).toBe(400);
      const body = res.json() as { error: { code: string; details: Array<{ field: string; message: string }> } };
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.details).toContainEqual({ field, message: expect.stringMatching(message) as unknown as string });
      expect(await knowledgeCounts(t.deps.db)).toEqual(before);
    });

    it('refuses a request without a file (400) and one that is not multipart (415)', async () => {
      const none = await upload(t, `/api/v1/communities/${w.b.slug}/knowledge/import`, undefined, steward);
      expect(none.statusCode).toBe(400);
      expect(none.json()).toMatchObject({ error: { details: [{ field: 'file' }] } });
      const json = await t.app.inject({ method: 'POST', url: `/api/v1/communities/${w.b.slug}/knowledge/import`, payload: {}, headers: { cookie: steward.cookie } });
      expect(json.statusCode).toBe(415);
    });
  });

  describe('/c/:slug/knowledge/import', () => {
    it('shows stewards an accessible upload form', async () => {
      const res = await t.app.inject({ url: `/c/${w.b.slug}/knowledge/import`, headers: { cookie: steward.cookie } });
      expect(res.statusCode).toBe(200);
      const els = elementsOf(parsePage(res.body));
      const form = els.find((e) => e.tag === 'form' && e.attr('action') === `/c/${w.b.slug}/knowledge/import`);
      expect(form?.attr('enctype')).toBe('multipart/form-data');
      expect(els.some((e) => e.tag === 'label' && e.attr('for') === 'f-file')).toBe(true);
      expect(els.some((e) => e.tag === 'input' && e.attr('name') === '_csrf')).toBe(true);
      expect(pageFindings(res.body)).toEqual([]);
      const link = (b: Browser) => t.app.inject({ url: `/c/${w.b.slug}/knowledge/export`, headers: { cookie: b.cookie } }).then((r) => r.body.includes(`href="/c/${w.b.slug}/knowledge/import"`));
      expect(await link(steward)).toBe(true);
      expect(await link(await signInAs(t, w.member.id))).toBe(false);
    });

    it('imports and redirects with a summary; a bad file re-shows the form naming it (400), nothing written', async () => {
      const before = await knowledgeCounts(t.deps.db);
      const bad = await upload(t, `/c/${w.b.slug}/knowledge/import`, asZip(zipKnowledge(new Map([['articles/x.md', '---\ntitle: x\n---\nBody\n']]), 'k')), steward);
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('articles/x.md: type: missing');
      expect(await knowledgeCounts(t.deps.db)).toEqual(before);
      const ok = await upload(t, `/c/${w.b.slug}/knowledge/import`, asZip(zipKnowledge(new Map([['articles/new.md', '---\ntitle: Brand new\ntype: story\n---\nBody\n']]), 'k')), steward);
      expect(ok.statusCode).toBe(303);
      expect(ok.headers.location).toBe(`/c/${w.b.slug}/articles`);
      const row = await t.deps.db.selectFrom('articles').select(['type', 'author_id']).where('community_id', '=', w.b.id).where('title', '=', 'Brand new').executeTakeFirstOrThrow();
      expect(row).toEqual({ type: 'story', author_id: w.steward.id });
    });
  });
});
