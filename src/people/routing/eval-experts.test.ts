import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../../cli/cli.test-helpers.ts';
import { evalExpertsCommand } from '../../cli/eval-experts.ts';
import { loadConfig } from '../../core/config.ts';

/*
 * A hand-made dump with known answers. Users 1–4.
 *   Q10 (u1, 01-01, sql) accepted A11 (u2); A12 (u3).  Nobody answered before: a miss for every method.
 *   A11 accepted on 01-02 with three up-votes on 01-02; A12 up-voted on 01-05 (not yet known at Q20).
 *   Q20 (u1, 01-05, sql) accepted A21 (u3).  Before it: u2 1 answer (accepted), u3 1 answer.
 *   Q30 (u4, 01-10, sql) accepted A31 (u2).  Before it: u2 1 (accepted, +3), u3 2 (A12 +1, A21).
 *   Q40 (u2, 01-11, css) accepted A41 (u4).  Nobody answered in css: a miss.
 *   Q50 (u3, 01-12, sql) self-answered (A51 by u3): not evaluated.
 * answer-count — Q20: u2 1, u3 1, tie → u2 first, u3 rank 2; Q30: u3 2, u2 1 → u2 rank 2.
 * zscore — Q20: u2 (1−0)/√1 = 1, u3 1 → u3 rank 2; Q30: u3 2/√2, u2 1, u1 (0−2)/√2 → u2 rank 2.
 * tags-quality, weight 1 + accepted + 0.5·ln(1 + score) per answer — Q20: u2 2 + 0.5·ln 4, u3 1 → u3 rank 2;
 *   Q30: u2 2 + 0.5·ln 4 ≈ 2.69, u3 (1 + 0.5·ln 2) + 1 ≈ 2.35 → u2 rank 1.
 * Over the 4 questions: the baselines P@1 0, MRR (½ + ½)/4 = 0.25, NDCG@10 2/log2(3)/4 = 0.3155,
 * recall@10 0.5; tags-quality P@1 0.25, MRR (½ + 1)/4 = 0.375, NDCG (1/log2 3 + 1)/4 = 0.4077, recall 0.5.
 */
const posts = `<?xml version="1.0" encoding="utf-8"?>
<posts>
  <row Id="10" PostTypeId="1" AcceptedAnswerId="11" CreationDate="2021-01-01T00:00:00.000" OwnerUserId="1" Title="Index on a join" Tags="&lt;sql&gt;" />
  <row Id="11" PostTypeId="2" ParentId="10" CreationDate="2021-01-01T01:00:00.000" OwnerUserId="2" />
  <row Id="12" PostTypeId="2" ParentId="10" CreationDate="2021-01-01T02:00:00.000" OwnerUserId="3" />
  <row Id="20" PostTypeId="1" AcceptedAnswerId="21" CreationDate="2021-01-05T00:00:00.000" OwnerUserId="1" Title="Slow group by" Tags="&lt;sql&gt;" />
  <row Id="21" PostTypeId="2" ParentId="20" CreationDate="2021-01-05T01:00:00.000" OwnerUserId="3" />
  <row Id="30" PostTypeId="1" AcceptedAnswerId="31" CreationDate="2021-01-10T00:00:00.000" OwnerUserId="4" Title="Window functions" Tags="|sql|" />
  <row Id="31" PostTypeId="2" ParentId="30" CreationDate="2021-01-10T01:00:00.000" OwnerUserId="2" />
  <row Id="40" PostTypeId="1" AcceptedAnswerId="41" CreationDate="2021-01-11T00:00:00.000" OwnerUserId="2" Title="Grid layout" Tags="&lt;css&gt;" />
  <row Id="41" PostTypeId="2" ParentId="40" CreationDate="2021-01-11T01:00:00.000" OwnerUserId="4" />
  <row Id="50" PostTypeId="1" AcceptedAnswerId="51" CreationDate="2021-01-12T00:00:00.000" OwnerUserId="3" Title="Own question" Tags="&lt;sql&gt;" />
  <row Id="51" PostTypeId="2" ParentId="50" CreationDate="2021-01-12T01:00:00.000" OwnerUserId="3" />
</posts>
`;
const votes = `<?xml version="1.0" encoding="utf-8"?>
<votes>
  <row Id="1" PostId="11" VoteTypeId="1" CreationDate="2021-01-02T00:00:00.000" />
  <row Id="2" PostId="11" VoteTypeId="2" CreationDate="2021-01-02T00:00:00.000" />
  <row Id="3" PostId="11" VoteTypeId="2" CreationDate="2021-01-02T00:00:00.000" />
  <row Id="4" PostId="11" VoteTypeId="2" CreationDate="2021-01-02T00:00:00.000" />
  <row Id="5" PostId="12" VoteTypeId="2" CreationDate="2021-01-05T00:00:00.000" />
  <row Id="6" PostId="21" VoteTypeId="1" CreationDate="2021-01-20T00:00:00.000" />
</votes>
`;

let dir: string;
const config = loadConfig({ LOG_LEVEL: 'silent' });
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guildhall-experts-'));
  fs.writeFileSync(path.join(dir, 'Posts.xml'), posts);
  fs.writeFileSync(path.join(dir, 'Votes.xml'), votes);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The table rows the command printed, by method name. */
function rows(out: string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const line of out.split('\n').filter((l) => /^\| [a-z]/.test(l) && !l.startsWith('| method'))) {
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    m.set((cells[0] ?? '').replace(' (baseline)', ''), cells.slice(1));
  }
  return m;
}

describe('guildhall eval experts', () => {
  it('scores each method on a hand-made dump exactly as computed by hand', async () => {
    const io = captureIo();
    expect(await evalExpertsCommand(config, io, ['--dump', dir, '--method', 'answer-count,zscore,tags-quality'])).toBe(0);
    const r = rows(io.stdout());
    expect(io.stdout()).toContain('4 questions with an accepted answer by someone else (2 accepted from a first-time answerer)');
    expect(r.get('answer-count')).toEqual(['4', '0.0000', '0.2500', '0.3155', '0.5000']);
    expect(r.get('zscore')).toEqual(['4', '0.0000', '0.2500', '0.3155', '0.5000']);
    expect(r.get('tags-quality')).toEqual(['4', '0.2500', '0.3750', '0.4077', '0.5000']);
  });

  it('runs every method by default, baselines marked', async () => {
    const io = captureIo();
    expect(await evalExpertsCommand(config, io, ['--dump', dir])).toBe(0);
    expect([...rows(io.stdout()).keys()]).toEqual(['answer-count', 'zscore', 'recent-activity', 'tags-quality', 'tags-quality-recency', 'expert']);
    expect(io.stdout()).toContain('| zscore (baseline) |');
  });

  it.each([[[]], [['--dump']], [['--dump', '']], [['--dump', 'x', '--method', 'magic']], [['--dump', 'x', '--verbose']], [['stray']]])('exits 2 with the usage on bad arguments %j', async (args) => {
    const io = captureIo();
    expect(await evalExpertsCommand(config, io, args)).toBe(2);
    expect(io.stderr()).toContain('Usage: guildhall eval experts');
  });

  it('exits 1 naming Posts.xml when the folder is not a dump', async () => {
    const io = captureIo();
    expect(await evalExpertsCommand(config, io, ['--dump', path.join(dir, 'missing')])).toBe(1);
    expect(io.stderr()).toContain('Posts.xml');
  });
});
