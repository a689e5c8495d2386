import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../core/db/index.ts';
import { captureIo, cliTestEnv, type CliTestEnv } from '../../cli/cli.test-helpers.ts';
import { runCli } from '../../cli/run.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { dbSnapshot, fixtureDump } from './import.fixtures.ts';

describe('guildhall help', () => {
  it('lists import stackexchange next to import knowledge', async () => {
    const io = captureIo();
    expect(await runCli(['help'], {}, io)).toBe(0);
    expect(io.stdout()).toContain('import stackexchange <dump-folder>');
    expect(io.stdout()).toContain('import knowledge <folder>');
  });
});

describeEachDialect('guildhall import stackexchange', (dialect) => {
  let t: CliTestEnv;
  let h: DbHandle;
  const run = async (...argv: string[]) => {
    const io = captureIo();
    const code = await runCli(argv, t.env, io);
    return { code, out: io.stdout(), err: io.stderr() };
  };

  beforeAll(async () => {
    t = await cliTestEnv(dialect);
    expect((await run('migrate')).code).toBe(0);
    h = t.open();
    const owner = await makeUser(h.db);
    await makeCommunity(h.db, owner.id, { slug: 'tiny' });
  });
  afterAll(async () => {
    await h.close();
    await t.close();
  });

  it('refuses bad arguments with exit 2 and the usage, writing nothing', async () => {
    const before = await dbSnapshot(h.db);
    const cases: Array<[string[], string]> = [
      [['import', 'stackexchange', '--community', 'tiny'], 'name the dump folder to import'],
      [['import', 'stackexchange', fixtureDump('tiny-2020')], '--community is required'],
      [['import', 'stackexchange', fixtureDump('tiny-2020'), '--community', 'tiny', '--until', 'next week'], '--until "next week" is not an ISO date'],
      [['import', 'stackexchange', fixtureDump('tiny-2020'), '--community', 'tiny', '--until', '2020-13-45'], '--until "2020-13-45" is not an ISO date'],
      [['import', 'stackexchange', fixtureDump('tiny-2020'), '--community', 'tiny', '--site', 'not a host'], '--site "not a host" is not a host name'],
      [['import', 'stackexchange', fixtureDump('tiny-2020'), '--community', 'tiny', '--bogus'], "Unknown option '--bogus'"],
    ];
    for (const [argv, message] of cases) {
      const r = await run(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toContain(`guildhall import stackexchange: ${message}`);
      expect(r.err).toContain('Usage: guildhall import stackexchange <dump-folder> --community <slug>');
      expect(r.out).toBe('');
    }
    expect(await dbSnapshot(h.db)).toEqual(before);
  });

  it('fails with exit 1 for an unknown community or broken XML, saying nothing was imported', async () => {
    const before = await dbSnapshot(h.db);
    const unknown = await run('import', 'stackexchange', fixtureDump('tiny-2020'), '--community', 'nope');
    expect(unknown).toEqual({ code: 1, out: '', err: 'guildhall import stackexchange: no community "nope". Nothing was imported.\n' });
    const broken = await run('import', 'stackexchange', fixtureDump('broken-2020'), '--community', 'tiny');
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/^guildhall import stackexchange: Posts\.xml:6: malformed XML \(.*\)\. Nothing was imported\.\n$/);
    expect(await dbSnapshot(h.db)).toEqual(before);
  });

  it('imports, printing one summary line on stdout and no progress when stderr is not a terminal; a re-run adds nothing', async () => {
    const first = await run('import', 'stackexchange', fixtureDump('tiny-2020'), '--community', 'tiny', '--until', '2020-03-01T00:00:00Z');
    expect(first.code).toBe(0);
    expect(first.err).toBe('');
    expect(first.out).toMatch(/^Imported tiny\.stackexchange\.com into "tiny": 4 users, 2 questions, 3 answers, 3 comments, 6 votes, 1 links, 3 revisions, 5 tags; 0 already imported; skipped 6 after --until, .* posts\/s, \d+ items\/s\)\.\n$/);
    const again = await run('import', 'stackexchange', fixtureDump('tiny-2020'), '--community', 'tiny', '--until', '2020-03-01');
    expect(again.out).toContain(': 0 users, 0 questions, 0 answers, 0 comments, 0 votes, 0 links, 0 revisions, 0 tags; 22 already imported;');
  });
});
