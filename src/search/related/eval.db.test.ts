import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect, openTestDb } from '../../../test/helpers/db.ts';
import { captureIo } from '../../cli/cli.test-helpers.ts';
import { runCli } from '../../cli/run.ts';
import { fakeClock } from '../../../test/helpers/app.ts';
import { readDumpLinks } from './dump-links.ts';
import { evalDump, evalSemEval } from './eval.service.ts';
import { relatedMethods } from './query.ts';
import { readSemEval } from './semeval.ts';

const DUMP = path.resolve('test/fixtures/stackexchange/eval-mini');
const SEMEVAL = path.resolve('test/fixtures/semeval/mini-dev.xml');

/*
 * eval-mini: questions 1↔2 (sourdough) and 4↔5 (whetstone) are linked and share words, so each
 * finds its partner first; 6↔7 are linked but share no word, so neither is found. Links to an
 * answer, to the question itself, to a post outside the dump and of LinkTypeId 2 are left out.
 * So over the 6 linked questions: recall@10 = 4/6 and MRR = 4/6, whatever the method.
 */

describe('dump and SemEval readers', () => {
  it('reads PostLinks as symmetric links between questions of the dump only', async () => {
    const { questions, links } = await readDumpLinks(DUMP);
    expect([...questions].sort()).toEqual([1, 2, 4, 5, 6, 7, 8]);
    expect(Object.fromEntries([...links].map(([k, v]) => [k, [...v].sort()]))).toEqual({ 1: [2], 2: [1], 4: [5], 5: [4], 6: [7], 7: [6] });
  });

  it('reports a missing file by name', async () => {
    await expect(readDumpLinks(path.resolve('test/fixtures/stackexchange/broken-2020'))).rejects.toThrow(/PostLinks\.xml/);
  });

  it('groups SemEval threads by original question, with relevance and the engine’s order', async () => {
    const qs = await readSemEval(SEMEVAL);
    expect(qs.map((q) => [q.id, q.candidates.length])).toEqual([['Q1', 3], ['Q2', 1]]);
    expect(qs[0]?.body).toBe('Which bank is good for a savings account & transfers?');
    expect(qs[0]?.candidates.map((c) => [c.id, c.relevant, c.order])).toEqual([['Q1_R1', false, 1], ['Q1_R2', true, 2], ['Q1_R3', false, 3]]);
  });
});

describeEachDialect('related evaluation on a fixture with known answers', (dialect) => {
  let handle: Awaited<ReturnType<typeof openTestDb>>;
  beforeAll(async () => {
    handle = await openTestDb(dialect);
  });
  afterAll(async () => handle.close());

  it('computes recall@10 and MRR of every method against PostLinks', async () => {
    const r = await evalDump({ db: handle.db, clock: fakeClock() }, DUMP, { limit: 10, methods: [...relatedMethods] });
    expect(r.topics).toBe(7);
    for (const f of r.figures) {
      expect(f.questions, f.method).toBe(6);
      expect(f.recall, f.method).toBeCloseTo(4 / 6, 10);
      expect(f.mrr, f.method).toBeCloseTo(4 / 6, 10);
    }
  });
});

describeEachDialect('SemEval evaluation on a fixture with known answers', (dialect) => {
  let handle: Awaited<ReturnType<typeof openTestDb>>;
  beforeAll(async () => {
    handle = await openTestDb(dialect);
  });
  afterAll(async () => handle.close());

  it('gives MAP over all original questions (none relevant counts 0), the engine order as a baseline', async () => {
    const figures = await evalSemEval({ db: handle.db, clock: fakeClock() }, SEMEVAL, ['title', 'full']);
    // Engine order puts the relevant candidate 2nd (AP 1/2); the ranking puts it 1st (AP 1); Q2 has none (AP 0).
    expect(figures.map((f) => [f.method, f.questions, f.map])).toEqual([
      ['search-engine order', 2, 0.25],
      ['title', 2, 0.5],
      ['full', 2, 0.5],
    ]);
  });
});

describe('guildhall eval related', () => {
  it('imports the dump into a throw-away database and prints the table, baseline first', async () => {
    const io = captureIo();
    expect(await runCli(['eval', 'related', '--dump', DUMP, '--limit', '10'], { LOG_LEVEL: 'silent' }, io)).toBe(0);
    const out = io.stdout();
    expect(out).toContain('7 questions imported, 6 with links');
    expect(out).toContain('| title (baseline) | 6 | 0.6667 | 0.6667 |');
    for (const m of ['fields', 'full', 'prf']) expect(out).toContain(`| ${m} | 6 | 0.6667 | 0.6667 |`);
  });

  it('runs the SemEval mode and one chosen method', async () => {
    const io = captureIo();
    expect(await runCli(['eval', 'related', '--semeval', SEMEVAL, '--method', 'full'], { LOG_LEVEL: 'silent' }, io)).toBe(0);
    expect(io.stdout()).toContain('| search-engine order | 0.2500 |');
    expect(io.stdout()).toContain('| full | 0.5000 |');
    expect(io.stdout()).not.toContain('| title |');
  });

  it('rejects bad arguments with exit 2 and a missing dump with exit 1', async () => {
    for (const args of [['eval'], ['eval', 'unrelated'], ['eval', 'related'], ['eval', 'related', '--dump', DUMP, '--limit', '0'], ['eval', 'related', '--dump', DUMP, '--method', 'magic'], ['eval', 'related', '--dump', DUMP, '--semeval', SEMEVAL]]) {
      const io = captureIo();
      expect(await runCli(args, { LOG_LEVEL: 'silent' }, io), args.join(' ')).toBe(2);
      expect(io.stderr()).toContain('Usage: guildhall eval related');
    }
    const io = captureIo();
    expect(await runCli(['eval', 'related', '--dump', path.resolve('test/fixtures/stackexchange/no-such-dump')], { LOG_LEVEL: 'silent' }, io)).toBe(1);
    expect(io.stderr()).toContain('no-such-dump');
  });
});
