import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../core/db/index.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { addMember, makeCommunity, makeUser } from '../../test/helpers/factories.ts';
import { knowledgeFiles } from '../knowledge/transfer/transfer.format.ts';
import { knowledgeCounts, tempDir } from '../knowledge/transfer/transfer.fixtures.ts';
import { captureIo, cliTestEnv, type CliTestEnv } from './cli.test-helpers.ts';
import { runCli } from './run.ts';

/** Reads a folder back as relative path → text. */
function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/')] = fs.readFileSync(path.join(e.parentPath, e.name), 'utf8');
  }
  return out;
}

describe('guildhall help', () => {
  it('lists export knowledge and import knowledge', async () => {
    const io = captureIo();
    expect(await runCli(['help'], {}, io)).toBe(0);
    expect(io.stdout()).toContain('export knowledge');
    expect(io.stdout()).toContain('import knowledge <folder>');
  });
});

describeEachDialect('guildhall export/import knowledge', (dialect) => {
  let t: CliTestEnv;
  let h: DbHandle;
  let tmp: ReturnType<typeof tempDir>;
  let people: { ana: string; ben: string };
  const run = async (...argv: string[]) => {
    const io = captureIo();
    const code = await runCli(argv, t.env, io);
    return { code, out: io.stdout(), err: io.stderr() };
  };
  /** A folder in the canonical form, written by hand for two known members and one stranger. */
  const canonical = () =>
    knowledgeFiles(
      [
        { title: 'yes', type: 'how-to', state: 'endorsed', tags: ['a-tag-of-exactly-thirty-chars0', 'knives'], wiki: true, author: people.ana, owners: [people.ana, people.ben], created: '2026-01-02T03:04:05.006Z', updated: '2026-02-03T04:05:06.007Z', body: '---\ntitle: fake\n---\r\nÜnïcödé 🎉   \n\n' },
        { title: ': x', type: 'story', state: 'draft', tags: [], wiki: false, author: people.ben, owners: [people.ben], created: '2026-01-02T03:04:05.006Z', updated: '2026-01-02T03:04:05.006Z', body: 'No final newline' },
      ],
      [{ term: 'no', synonyms: ['off'], owner: people.ben, created: '2026-01-02T03:04:05.006Z', updated: '2026-01-02T03:04:05.006Z', definition: 'A word.' }],
    );

  beforeAll(async () => {
    t = await cliTestEnv(dialect);
    expect((await run('migrate')).code).toBe(0);
    h = t.open();
    const ana = await makeUser(h.db);
    const ben = await makeUser(h.db);
    people = { ana: ana.username, ben: ben.username };
    const c = await makeCommunity(h.db, ana.id, { slug: 'kitchen', name: 'Kitchen' });
    await addMember(h.db, c.id, ben.id);
    await makeCommunity(h.db, ana.id, { slug: 'empty', name: 'Empty' });
    tmp = tempDir();
  });
  afterAll(async () => {
    tmp.cleanup();
    await h.close();
    await t.close();
  });

  it('imports a folder, and exports the same bytes back', async () => {
    const src = path.join(tmp.dir, 'src');
    for (const [rel, text] of canonical()) {
      fs.mkdirSync(path.dirname(path.join(src, rel)), { recursive: true });
      fs.writeFileSync(path.join(src, rel), text);
    }
    const imported = await run('import', 'knowledge', src, '--community', 'kitchen');
    expect(imported).toEqual({ code: 0, out: 'Imported into "kitchen": articles 2 created, 0 updated, 0 unchanged; glossary terms 1 created, 0 updated, 0 unchanged.\n', err: '' });
    const out = path.join(tmp.dir, 'out');
    const exported = await run('export', 'knowledge', '--community', 'kitchen', '--out', out);
    expect(exported).toEqual({ code: 0, out: `Exported 2 articles and 1 glossary terms of "kitchen" to ${out}\n`, err: '' });
    expect(readTree(out)).toEqual(Object.fromEntries(canonical()));
  });

  it('imports the same folder again without writing anything', async () => {
    const before = await knowledgeCounts(h.db);
    const again = await run('import', 'knowledge', path.join(tmp.dir, 'out'), '--community', 'kitchen', '--as', people.ben);
    expect(again.out).toContain('articles 0 created, 0 updated, 2 unchanged; glossary terms 0 created, 0 updated, 1 unchanged');
    expect(await knowledgeCounts(h.db)).toEqual(before);
  });

  it('refuses a bad file with exit 1, naming it and its line, and writes nothing', async () => {
    const bad = path.join(tmp.dir, 'bad');
    fs.mkdirSync(path.join(bad, 'articles'), { recursive: true });
    fs.writeFileSync(path.join(bad, 'articles', 'ok.md'), '---\ntitle: Fine\ntype: how-to\n---\nBody\n');
    fs.writeFileSync(path.join(bad, 'articles', 'typo.md'), '---\ntitle: Typo\ntype: howto\n---\nBody\n');
    const before = await knowledgeCounts(h.db);
    const r = await run('import', 'knowledge', bad, '--community', 'kitchen');
    expect(r.code).toBe(1);
    expect(r.err).toContain('articles/typo.md:3: type: unknown type "howto"');
    expect(r.err).toContain('Nothing was imported');
    expect(await knowledgeCounts(h.db)).toEqual(before);
  });

  it('refuses an unknown community, a non-empty --out and a wrong command line', async () => {
    expect(await run('export', 'knowledge', '--community', 'nope', '--out', path.join(tmp.dir, 'x'))).toMatchObject({ code: 1, err: 'guildhall export knowledge: no community "nope"\n' });
    expect(await run('import', 'knowledge', path.join(tmp.dir, 'out'), '--community', 'nope')).toMatchObject({ code: 1, err: 'guildhall import knowledge: no such community\n' });
    const r = await run('export', 'knowledge', '--community', 'kitchen', '--out', path.join(tmp.dir, 'out'));
    expect(r).toMatchObject({ code: 1, err: expect.stringContaining('is not an empty folder; nothing was written') as unknown as string });
    expect(fs.existsSync(path.join(tmp.dir, 'x'))).toBe(false);
    expect((await run('export', 'knowledge', '--community', 'kitchen')).code).toBe(2);
    expect((await run('export', 'stuff')).err).toContain('unknown subcommand "stuff"');
    expect((await run('import', 'knowledge', '--community', 'kitchen')).err).toContain('name one folder to import');
    expect((await run('import', 'knowledge', 'a', 'b', '--community', 'kitchen')).code).toBe(2);
    expect((await run('import', 'knowledge', 'a', '--community', 'kitchen', '--bogus', 'x')).code).toBe(2);
  });

  it('exports an empty community as a README and empty folders, which import as nothing to do', async () => {
    const out = path.join(tmp.dir, 'empty');
    expect((await run('export', 'knowledge', '--community', 'empty', '--out', out)).code).toBe(0);
    expect(Object.keys(readTree(out))).toEqual(['README.md']);
    expect(fs.readdirSync(out).sort()).toEqual(['README.md', 'articles', 'glossary']);
    expect((await run('import', 'knowledge', out, '--community', 'empty')).out).toContain('articles 0 created, 0 updated, 0 unchanged');
  });
});
