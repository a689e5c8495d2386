/**
 * Runs every relevance evaluation of the related ranking and prints the figures as Markdown, for the
 * "Relevance" section of bench/RESULTS.md:
 *   npx tsx bench/eval-related.ts [data folder, default ../shared/data]
 * Each part is the same as `guildhall eval related --dump <dump>` / `--semeval <file>` (all methods).
 */
import path from 'node:path';
import { runCli } from '../src/cli/run.ts';

const data = path.resolve(process.argv[2] ?? '../shared/data');
const runs: string[][] = [
  ['--dump', path.join(data, 'stackexchange/cardano-2021')],
  ['--dump', path.join(data, 'stackexchange/ai-2016')],
  ['--semeval', path.join(data, 'semeval2016-task3/SemEval2016-Task3-CQA-QL-dev.xml')],
];
for (const args of runs) {
  const out: string[] = [];
  const io = { out: { write: (s: string) => out.push(s) }, err: process.stderr };
  const code = await runCli(['eval', 'related', ...args], { ...process.env, LOG_LEVEL: 'silent' }, io);
  if (code !== 0) process.exit(code ?? 1);
  process.stdout.write(`\`guildhall eval related ${args.join(' ')}\`\n\n${out.join('')}\n`);
}
