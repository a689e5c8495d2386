import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from '../core/clock.ts';
import type { Config } from '../core/config.ts';
import { openDatabase, type Db } from '../core/db/index.ts';
import { migrateToLatest } from '../core/db/migrate.ts';
import { createLog } from '../core/log.ts';
import { evalDump, evalSemEval } from '../search/related/eval.service.ts';
import { relatedMethods, type RelatedMethod } from '../search/related/query.ts';
import { evalExpertsCommand } from './eval-experts.ts';
import { EXIT, type CliIo } from './io.ts';

const EVAL_USAGE = `Usage: guildhall eval related --dump <dump-folder> [--limit 10] [--method all|title,fields,full,prf]
       guildhall eval related --semeval <SemEval-2016 Task 3 xml> [--method ...]
       guildhall eval experts --dump <dump-folder> [--method ...]
`;

/** Runs `fn` on a fresh, migrated SQLite database in a temp folder, deleted afterwards. */
async function withThrowAwayDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'guildhall-eval-'));
  const handle = openDatabase(`sqlite:${join(dir, 'eval.db')}`, createLog({ logLevel: 'silent' }));
  try {
    await migrateToLatest(handle.db, 'sqlite');
    return await fn(handle.db);
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const pct = (x: number) => x.toFixed(4);

function methodsOf(raw: string | undefined): RelatedMethod[] {
  if (raw === undefined || raw === 'all') return [...relatedMethods];
  const names = raw.split(',').map((m) => m.trim());
  const bad = names.find((m) => !(relatedMethods as readonly string[]).includes(m));
  if (bad !== undefined) throw new Error(`unknown method "${bad}" (known: ${relatedMethods.join(', ')})`);
  return names as RelatedMethod[];
}

/**
 * `guildhall eval related`: imports a Stack Exchange dump into a throw-away SQLite database and
 * prints recall@limit and MRR of each ranking method against the dump's PostLinks (the `title`
 * method is the plain title-only bm25 baseline); or, with --semeval, MAP on SemEval-2016 Task 3.
 * Exit 2 on bad arguments, 1 when the dump cannot be read.
 */
export async function evalCommand(_config: Config, io: CliIo, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'experts') return evalExpertsCommand(_config, io, rest);
  let values: { dump?: string; semeval?: string; limit?: string; method?: string };
  let methods: RelatedMethod[];
  let limit: number;
  try {
    if (sub !== 'related') throw new Error(sub ? `unknown subcommand "${sub}"` : 'say what to evaluate');
    const r = parseArgs({ args: rest, options: { dump: { type: 'string' }, semeval: { type: 'string' }, limit: { type: 'string' }, method: { type: 'string' } }, strict: true, allowPositionals: false });
    values = r.values;
    if ((values.dump === undefined) === (values.semeval === undefined)) throw new Error('give --dump <folder> or --semeval <file>');
    limit = values.limit === undefined ? 10 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new Error('--limit must be a whole number from 1 to 100');
    methods = methodsOf(values.method);
  } catch (err) {
    io.err.write(`guildhall eval: ${(err as Error).message}\n${EVAL_USAGE}`);
    return EXIT.usage;
  }
  try {
    if (values.semeval !== undefined) {
      const file = values.semeval;
      const figures = await withThrowAwayDb((db) => evalSemEval({ db, clock: systemClock }, file, methods));
      io.out.write(`SemEval-2016 Task 3 question–question similarity: ${file}\n${figures[0]?.questions ?? 0} original questions (MAP as the official scorer: one without a relevant candidate counts 0)\n\n`);
      io.out.write(`| method | MAP |\n|---|---|\n${figures.map((f) => `| ${f.method} | ${pct(f.map)} |`).join('\n')}\n`);
      return EXIT.ok;
    }
    const dir = values.dump ?? '';
    const started = Date.now();
    const result = await withThrowAwayDb((db) => evalDump({ db, clock: systemClock }, dir, { limit, methods }));
    const n = result.figures[0]?.questions ?? 0;
    io.out.write(`Related ranking against PostLinks: ${dir}\n${result.topics} questions imported, ${n} with links; ${((Date.now() - started) / 1000).toFixed(1)} s\n\n`);
    io.out.write(`| method | questions | recall@${limit} | MRR |\n|---|---|---|---|\n${result.figures.map((f) => `| ${f.method}${f.method === 'title' ? ' (baseline)' : ''} | ${f.questions} | ${pct(f.recall)} | ${pct(f.mrr)} |`).join('\n')}\n`);
    return EXIT.ok;
  } catch (err) {
    io.err.write(`guildhall eval related: ${(err as Error).message}\n`);
    return EXIT.failed;
  }
}
