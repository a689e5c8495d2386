import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { AppError } from '../../core/http/errors.ts';
import { tickingClock } from '../../discussions/discussions.fixtures.ts';
import { readKnowledgeFolder } from './folder.ts';
import { importKnowledge } from './import.service.ts';
import { folderOf, knowledgeCounts, tempDir, transferWorld } from './transfer.fixtures.ts';

const good = (title: string) => `---\ntitle: ${title}\ntype: how-to\n---\nA body.\n`;
const term = (name: string, synonyms: string[] = []) => `---\nterm: ${name}\nsynonyms: [${synonyms.join(', ')}]\n---\nA definition.\n`;

/** Each case: the folder, and the place (file or file:line) and message the 400 must name. */
const cases: Array<[string, Record<string, string | Uint8Array>, string, RegExp]> = [
  ['malformed front matter', { 'articles/a.md': good('Fine'), 'articles/b.md': '---\ntitle: x\ntype: how-to: story\n---\nBody\n' }, 'articles/b.md:3', /malformed front matter/],
  ['no front matter', { 'articles/b.md': '# Just Markdown\n' }, 'articles/b.md:1', /front matter block/],
  ['unclosed front matter', { 'articles/b.md': '---\ntitle: x\ntype: how-to\nBody\n' }, 'articles/b.md:1', /not closed/],
  ['an unknown type', { 'articles/b.md': '---\ntitle: x\ntype: recipe\n---\nBody\n' }, 'articles/b.md:3', /type: unknown type "recipe"/],
  ['an unknown state', { 'articles/b.md': '---\ntitle: x\ntype: how-to\nstate: published\n---\nBody\n' }, 'articles/b.md:4', /state: unknown state "published" \(expected draft, proposed, endorsed, needs_review/],
  ['a missing title', { 'articles/b.md': '---\ntype: how-to\n---\nBody\n' }, 'articles/b.md', /title: missing/],
  ['a blank title', { 'articles/b.md': '---\ntitle: "  "\ntype: how-to\n---\nBody\n' }, 'articles/b.md:2', /title: must be 1 to/],
  ['an unknown key', { 'articles/b.md': '---\ntitle: x\ntype: how-to\nid: 7\n---\nBody\n' }, 'articles/b.md:4', /id: unknown key/],
  ['a bad tag', { 'articles/b.md': '---\ntitle: x\ntype: how-to\ntags: [Not OK]\n---\nBody\n' }, 'articles/b.md:4', /tags: Tags may only use/],
  ['a boolean written as yes', { 'articles/b.md': '---\ntitle: x\ntype: how-to\nwiki: yes\n---\nBody\n' }, 'articles/b.md:4', /wiki: must be true or false/],
  ['a time that is not ISO-8601 UTC', { 'articles/b.md': '---\ntitle: x\ntype: how-to\ncreated: last tuesday\n---\nBody\n' }, 'articles/b.md:4', /created: must be an ISO-8601/],
  ['an empty body', { 'articles/b.md': '---\ntitle: x\ntype: how-to\n---\n  \n' }, 'articles/b.md', /body .* must not be empty/],
  ['a file that is not UTF-8', { 'articles/b.md': new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]) }, 'articles/b.md', /not UTF-8/],
  ['two files with one title', { 'articles/a.md': good('Same'), 'articles/b.md': good('Same') }, 'articles/b.md', /same title as articles\/a\.md/],
  ['a term without a definition', { 'glossary/t.md': '---\nterm: x\n---\n\n' }, 'glossary/t.md', /definition .* must not be empty/],
  ['a term that is another file’s synonym', { 'articles/a.md': good('Written first'), 'glossary/a.md': term('Alpha', ['Beta']), 'glossary/b.md': term('Beta') }, 'glossary/b.md', /already in this glossary/],
];

describeEachDialect('knowledge import: bad input', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof transferWorld>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await transferWorld(t.deps);
  });
  afterAll(async () => t.close());

  async function refused(run: () => Promise<unknown>): Promise<AppError> {
    const before = await knowledgeCounts(t.deps.db);
    const err = await run().then(() => null, (e: unknown) => e);
    expect(await knowledgeCounts(t.deps.db)).toEqual(before);
    if (!(err instanceof AppError)) throw new Error(`expected a 400, got ${String(err)}`);
    expect(err.status).toBe(400);
    return err;
  }

  it.each(cases)('refuses %s, naming the file, and writes nothing', async (_name, files, place, message) => {
    const err = await refused(() => importKnowledge(t.deps, w.b.slug, undefined, folderOf(files)));
    expect(err.details).toContainEqual({ field: place, message: expect.stringMatching(message) as unknown as string });
    expect(err.message).toContain('Nothing was imported');
  });

  it('lists every bad file at once', async () => {
    const err = await refused(() => importKnowledge(t.deps, w.b.slug, undefined, folderOf({ 'articles/a.md': 'x', 'glossary/b.md': 'y', 'articles/c.md': good('Fine') })));
    expect(err.details.map((d) => d.field)).toEqual(['articles/a.md:1', 'glossary/b.md:1']);
  });

  it('refuses an importer who is not a member, naming --as', async () => {
    const err = await refused(() => importKnowledge(t.deps, w.b.slug, w.outsider.username, folderOf({ 'articles/a.md': good('Fine') })));
    expect(err.details).toEqual([{ field: 'as', message: `"${w.outsider.username}" is not a member of this community` }]);
  });

  it('reads only regular .md files inside the folder: links, sub-folders and other files are named', async () => {
    const tmp = tempDir();
    try {
      const secret = path.join(tmp.dir, 'secret.md');
      fs.writeFileSync(secret, good('Secret'));
      const dir = path.join(tmp.dir, 'export');
      fs.mkdirSync(path.join(dir, 'articles', 'nested'), { recursive: true });
      fs.mkdirSync(path.join(dir, 'glossary'));
      fs.writeFileSync(path.join(dir, 'articles', 'ok.md'), good('Fine'));
      fs.writeFileSync(path.join(dir, 'articles', 'notes.txt'), 'x');
      fs.writeFileSync(path.join(dir, 'articles', '.DS_Store'), 'ignored');
      fs.symlinkSync(secret, path.join(dir, 'articles', 'link.md'));
      const err = await refused(() => readKnowledgeFolder(dir));
      expect(err.details).toEqual([
        { field: 'articles/link.md', message: expect.stringMatching(/symbolic link/) as unknown as string },
        { field: 'articles/nested', message: expect.stringMatching(/is a folder/) as unknown as string },
        { field: 'articles/notes.txt', message: 'is not a .md file' },
      ]);
      fs.rmSync(path.join(dir, 'glossary'), { recursive: true });
      fs.symlinkSync(tmp.dir, path.join(dir, 'glossary'));
      expect((await refused(() => readKnowledgeFolder(dir))).details).toContainEqual({ field: 'glossary/', message: expect.stringMatching(/symbolic link/) as unknown as string });
      expect((await refused(() => readKnowledgeFolder(tmp.dir))).details).toEqual([{ field: tmp.dir, message: expect.stringMatching(/neither an articles\/ nor a glossary\/ folder/) as unknown as string }]);
    } finally {
      tmp.cleanup();
    }
  });
});
