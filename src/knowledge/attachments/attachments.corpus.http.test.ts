import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { BAD_INPUT_DIR } from '../../../test/helpers/bad-input.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { tickingClock } from '../../discussions/discussions.fixtures.ts';
import { articlesWorld, writeArticleVia } from '../articles/articles.fixtures.ts';
import { storedState, upload } from './attachments.fixtures.ts';

/*
 * The hostile upload set (../shared/data/bad-input/upload: PayloadsAllTheThings' XSS files and
 * insecure-upload samples). Each file is either refused with a clear 4xx naming it and nothing
 * stored, or stored and served in a way that can never run in the site's origin.
 */

const UPLOAD_DIR = path.join(BAD_INPUT_DIR, 'upload');
const missing = !fs.existsSync(UPLOAD_DIR);
const SKIP_REASON = `${UPLOAD_DIR} is missing: hostile upload tests SKIPPED (they need the shared data folder beside the repository)`;
if (missing) process.stdout.write(`\n⚠ ${SKIP_REASON}\n`);

/** The hostile files (the licence notice beside them is not one). */
function corpus(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (!e.name.startsWith('LICENSE')) out.push(p);
    }
  };
  walk(UPLOAD_DIR);
  return out.sort();
}

/** Strings hidden in the metadata of the image samples; none may survive into the stored bytes. */
const markers = ['alert(', 'script', 'xmpmeta', 'x:xmptk', 'tEXt', 'iTXt', 'zTXt', 'eXIf', 'Exif', '/etc/passwd', 'profile', 'Photoshop', 'onmouseover', 'onclick'];
const rasterInline = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

// Skipped only when ../shared/data/bad-input/upload is missing (it is present on CI); the suite's name then says why.
const suite = (name: string, fn: (dialect: 'sqlite' | 'postgres') => void) => (missing ? describe.skipIf(missing)(`${name} (${SKIP_REASON})`, () => fn('sqlite')) : describeEachDialect(name, fn));

suite('attachments: the hostile upload set', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof articlesWorld>>;
  let articleId: number;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await articlesWorld(t);
    articleId = (await writeArticleVia(t, w.as.member, w.pub.slug)).id;
  });
  afterAll(async () => t.close());

  it('has the 47 files', () => {
    expect(corpus()).toHaveLength(47);
  });

  it('refuses each file with a 4xx naming it and storing nothing, or serves it only in ways that cannot run', async () => {
    const problems: string[] = [];
    let accepted = 0;
    for (const file of corpus()) {
      const name = path.basename(file);
      const bytes = fs.readFileSync(file);
      for (const claimed of ['application/octet-stream', 'text/html']) {
        const before = await storedState(t);
        const res = await upload(t, `/api/v1/articles/${articleId}/attachments`, { name, type: claimed, bytes }, w.as.member);
        if (res.statusCode >= 400) {
          if (![400, 413, 415].includes(res.statusCode)) problems.push(`${name} (${claimed}): ${res.statusCode}`);
          const err = res.json().error as { message: string; details: Array<{ field: string; message: string }> };
          if (!err.message.includes(name) || err.details[0]?.field !== 'file') problems.push(`${name} (${claimed}): refusal does not name the file: ${err.message}`);
          if (JSON.stringify(await storedState(t)) !== JSON.stringify(before)) problems.push(`${name} (${claimed}): refused but something was stored`);
          continue;
        }
        if (claimed === 'text/html') problems.push(`${name}: accepted while claimed as text/html`);
        if (res.statusCode !== 201) problems.push(`${name}: answered ${res.statusCode}`);
        accepted++;
        const a = res.json() as { id: number; url: string; mime: string };
        const got = await t.app.inject({ method: 'GET', url: a.url, headers: { cookie: w.as.member.cookie } });
        const type = String(got.headers['content-type']);
        if (got.statusCode !== 200) problems.push(`${name}: download answered ${got.statusCode}`);
        if (/html|svg|xml|javascript|flash/i.test(type)) problems.push(`${name}: served as ${type}`);
        if (got.headers['x-content-type-options'] !== 'nosniff') problems.push(`${name}: no nosniff`);
        if (!/sandbox/.test(String(got.headers['content-security-policy'])) || !/default-src 'none'/.test(String(got.headers['content-security-policy']))) problems.push(`${name}: no sandboxing CSP`);
        const disposition = String(got.headers['content-disposition']);
        if (!(disposition.startsWith('attachment;') || (rasterInline.has(type) && disposition.startsWith('inline;')))) problems.push(`${name}: ${type} served ${disposition}`);
        if (rasterInline.has(type)) {
          const stored = got.rawPayload.toString('latin1');
          for (const m of markers) if (stored.includes(m)) problems.push(`${name}: stored image still holds "${m}"`);
        }
      }
    }
    expect(problems).toEqual([]);
    // The set has real images (re-encoded), text and a zip; a check that refused everything would be no test.
    expect(accepted).toBeGreaterThanOrEqual(8);
  });

  it('strips every metadata payload: the strings in the originals are gone from the stored bytes', async () => {
    const samples = ['xss-files/payload_in_all_known_metadata.png', 'xss-files/payload_in_all_known_metadata.jpg', 'insecure-upload/imagemagick_CVE-2022-44268_convert_etc_passwd.png', 'xss-files/xss_comment_exif_metadata_double_quote.png', 'xss-files/mouseover-xss-ecs.jpeg'];
    for (const sample of samples) {
      const original = fs.readFileSync(path.join(UPLOAD_DIR, sample));
      const present = markers.filter((m) => original.toString('latin1').includes(m));
      expect(present.length, `${sample} has payload markers`).toBeGreaterThan(0);
      const res = await upload(t, `/api/v1/articles/${articleId}/attachments`, { name: path.basename(sample), bytes: original }, w.as.member);
      expect(res.statusCode, `${sample}: ${res.body}`).toBe(201);
      const key = (await t.deps.db.selectFrom('attachments').select('storage_key').where('id', '=', (res.json() as { id: number }).id).executeTakeFirstOrThrow()).storage_key;
      const stored = fs.readFileSync(path.join(t.deps.config.dataDir, 'uploads', key)).toString('latin1');
      for (const m of present) expect(stored.includes(m), `${sample}: "${m}" survived`).toBe(false);
    }
    const cve = fs.readFileSync(path.join(UPLOAD_DIR, 'insecure-upload/imagemagick_CVE-2022-44268_convert_etc_passwd.png')).toString('latin1');
    expect(cve).toContain('tEXtprofile');
  });
});
