import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../core/config.ts';
import { readExpertDump } from '../people/routing/eval.dump.ts';
import { replayExperts } from '../people/routing/eval.replay.ts';
import { rankMethods, type RankMethod } from '../people/routing/ranker.ts';
import { EXIT, type CliIo } from './io.ts';

const USAGE = `Usage: guildhall eval experts --dump <dump-folder> [--method all|${rankMethods.join(',')}]
`;

function methodsOf(raw: string | undefined): RankMethod[] {
  if (raw === undefined || raw === 'all') return [...rankMethods];
  const names = raw.split(',').map((m) => m.trim());
  const bad = names.find((m) => !(rankMethods as readonly string[]).includes(m));
  if (bad !== undefined) throw new Error(`unknown method "${bad}" (known: ${rankMethods.join(', ')})`);
  return names as RankMethod[];
}

const f4 = (x: number) => x.toFixed(4);
const baselines = new Set<RankMethod>(['answer-count', 'zscore']);

/**
 * `guildhall eval experts --dump <dump-folder>`: replays a Stack Exchange dump in time order and
 * prints P@1, MRR, NDCG@10 and recall@10 of each answerer-ranking method against the accepted
 * answer's author (see src/people/routing/eval.replay.ts). Exit 2 on bad arguments, 1 when the dump
 * cannot be read.
 */
export async function evalExpertsCommand(_config: Config, io: CliIo, args: string[]): Promise<number> {
  let dir: string;
  let methods: RankMethod[];
  try {
    const { values } = parseArgs({ args, options: { dump: { type: 'string' }, method: { type: 'string' } }, strict: true, allowPositionals: false });
    if (values.dump === undefined || values.dump === '') throw new Error('give --dump <dump-folder>');
    dir = values.dump;
    methods = methodsOf(values.method);
  } catch (err) {
    io.err.write(`guildhall eval experts: ${(err as Error).message}\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    const started = Date.now();
    const dump = await readExpertDump(dir);
    const result = replayExperts(dump, methods);
    io.out.write(`Answerer ranking against accepted answers: ${path.basename(path.resolve(dir))}\n`);
    io.out.write(`${dump.questions.length} questions, ${dump.answers.length} answers; ${result.evaluated} questions with an accepted answer by someone else (${result.cold} accepted from a first-time answerer)${dump.hasVotes ? '' : '; no Votes.xml: no acceptance or score known'}; ${((Date.now() - started) / 1000).toFixed(1)} s\n\n`);
    io.out.write('| method | questions | P@1 | MRR | NDCG@10 | recall@10 |\n|---|---|---|---|---|---|\n');
    for (const f of result.figures) io.out.write(`| ${f.method}${baselines.has(f.method) ? ' (baseline)' : ''} | ${f.questions} | ${f4(f.p1)} | ${f4(f.mrr)} | ${f4(f.ndcg10)} | ${f4(f.recall10)} |\n`);
    return EXIT.ok;
  } catch (err) {
    io.err.write(`guildhall eval experts: ${(err as Error).message}\n`);
    return EXIT.failed;
  }
}
