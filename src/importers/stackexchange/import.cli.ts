import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { systemClock, type Clock } from '../../core/clock.ts';
import type { Config } from '../../core/config.ts';
import { withDatabase } from '../../cli/database.ts';
import { EXIT, type CliIo } from '../../cli/io.ts';
import { ImportError } from './import.errors.ts';
import { importedTotal, type ImportCounts } from './import.state.ts';
import { importStackExchange, type ImportProgress } from './import.service.ts';
import { isSiteName } from './site.ts';
import { rebuildExpertise } from '../../people/expertise/expertise.hooks.ts';

export const STACKEXCHANGE_USAGE = 'Usage: guildhall import stackexchange <dump-folder> --community <slug> [--until <ISO date>] [--site <host>]\n';

function usageError(io: CliIo, message: string): number {
  io.err.write(`guildhall import stackexchange: ${message}\n${STACKEXCHANGE_USAGE}`);
  return EXIT.usage;
}

/** Items written or seen per second so far. */
function itemsOf(c: ImportCounts): number {
  return importedTotal(c) + c.unchanged;
}

/** A progress bar on stderr when it is a terminal; nothing otherwise (the summary line still comes). */
function progressReporter(io: CliIo, started: number): { onProgress?: (p: ImportProgress) => void; stop(): void } {
  const stream = io.err as NodeJS.WriteStream;
  if (!stream.isTTY) return { stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { stream, format: '{file} [{bar}] {percentage}% | {rows} rows | {counts} | {rate} items/s', hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  let file = '';
  return {
    onProgress: (p) => {
      const c = p.counts;
      const payload = {
        file: p.file.padEnd(15),
        rows: p.rows,
        counts: `${c.users} users, ${c.questions} questions, ${c.answers} answers, ${c.comments} comments, ${c.votes} votes`,
        rate: Math.round(itemsOf(c) / Math.max(0.001, (Date.now() - started) / 1000)),
      };
      if (p.file !== file) {
        if (file) bar.stop();
        file = p.file;
        bar.start(p.size, p.bytes, payload);
      } else bar.update(p.bytes, payload);
    },
    stop: () => {
      if (file) bar.stop();
    },
  };
}

function summary(slug: string, c: ImportCounts, seconds: number): string {
  const posts = c.questions + c.answers;
  const s = c.skipped;
  return (
    `Imported ${c.site} into "${slug}": ${c.users} users, ${c.questions} questions, ${c.answers} answers, ${c.comments} comments, ` +
    `${c.votes} votes, ${c.links} links, ${c.revisions} revisions, ${c.tags} tags; ${c.unchanged} already imported; ` +
    `skipped ${s.afterUntil} after --until, ${s.otherPosts} other posts, ${s.otherVotes} other votes, ${s.otherLinks} other links, ${s.orphans} orphans, ${s.badges} badges ` +
    `in ${seconds.toFixed(1)} s (${Math.round(posts / seconds)} posts/s, ${Math.round(itemsOf(c) / seconds)} items/s).\n`
  );
}

/**
 * `guildhall import stackexchange <folder> --community <slug> [--until <date>] [--site <host>]`.
 * Exit 2 for bad arguments; 1 when the import fails (unknown community, missing file, bad XML — then
 * nothing was written); 0 with a summary line on stdout.
 */
export async function importStackExchangeCommand(config: Config, io: CliIo, args: string[], clock: Clock = systemClock): Promise<number> {
  let values: { community?: string; until?: string; site?: string };
  let positionals: string[];
  try {
    const r = parseArgs({ args, options: { community: { type: 'string' }, until: { type: 'string' }, site: { type: 'string' } }, strict: true, allowPositionals: true });
    values = r.values;
    positionals = r.positionals;
  } catch (err) {
    return usageError(io, (err as Error).message);
  }
  if (positionals.length !== 1) return usageError(io, positionals.length === 0 ? 'name the dump folder to import' : `unexpected argument "${positionals[1]}"`);
  if (!values.community) return usageError(io, '--community is required');
  if (values.until !== undefined && (!/^\d{4}-\d\d-\d\d(T[\d:.]+Z?)?$/.test(values.until) || Number.isNaN(new Date(values.until).getTime()))) {
    return usageError(io, `--until "${values.until}" is not an ISO date like 2021-06-30`);
  }
  if (values.site !== undefined && !isSiteName(values.site)) return usageError(io, `--site "${values.site}" is not a host name like cardano.stackexchange.com`);
  const started = Date.now();
  const progress = progressReporter(io, started);
  try {
    const counts = await withDatabase(config, async (db) => {
      const imported = await importStackExchange({ db, clock }, positionals[0] ?? '', { community: values.community ?? '', until: values.until, site: values.site, onProgress: progress.onProgress });
      await rebuildExpertise(db, clock.now().toISOString()); // imported votes and accepted answers become evidence
      return imported;
    });
    progress.stop();
    io.out.write(summary(values.community, counts, Math.max(0.001, (Date.now() - started) / 1000)));
    return EXIT.ok;
  } catch (err) {
    progress.stop();
    if (!(err instanceof ImportError)) throw err;
    io.err.write(`guildhall import stackexchange: ${err.message}. Nothing was imported.\n`);
    return EXIT.failed;
  }
}
