import { parseArgs } from 'node:util';
import { systemClock, type Clock } from '../core/clock.ts';
import type { Config } from '../core/config.ts';
import { AppError } from '../core/http/errors.ts';
import { exportKnowledge } from '../knowledge/transfer/export.service.ts';
import { readKnowledgeFolder, writeKnowledgeFolder } from '../knowledge/transfer/folder.ts';
import { importKnowledge } from '../knowledge/transfer/import.service.ts';
import { withDatabase } from './database.ts';
import { EXIT, type CliIo } from './io.ts';

const EXPORT_USAGE = 'Usage: guildhall export knowledge --community <slug> --out <folder>\n';
const IMPORT_USAGE = 'Usage: guildhall import knowledge <folder> --community <slug> [--as <username>]\n';

type Parsed = { values: Record<string, string | undefined>; positionals: string[] };

function parse(io: CliIo, name: string, usage: string, args: string[], options: string[], positionals: number): Parsed | null {
  const [sub, ...rest] = args;
  if (sub !== 'knowledge') {
    io.err.write(`guildhall ${name}: ${sub ? `unknown subcommand "${sub}"` : 'say what to ' + name}\n${usage}`);
    return null;
  }
  try {
    const r = parseArgs({ args: rest, options: Object.fromEntries(options.map((o) => [o, { type: 'string' as const }])), strict: true, allowPositionals: true });
    if (r.positionals.length !== positionals) throw new Error(positionals === 0 ? `unexpected argument "${r.positionals[0]}"` : 'name one folder to import');
    const missing = options.filter((o) => o !== 'as' && !r.values[o]);
    if (missing.length > 0) throw new Error(`${missing.map((m) => `--${m}`).join(' and ')} ${missing.length > 1 ? 'are' : 'is'} required`);
    return { values: r.values as Record<string, string | undefined>, positionals: r.positionals };
  } catch (err) {
    io.err.write(`guildhall ${name} knowledge: ${(err as Error).message}\n${usage}`);
    return null;
  }
}

function report(io: CliIo, what: string, err: unknown): number {
  if (!(err instanceof AppError) || err.status >= 500) throw err;
  io.err.write(`guildhall ${what} knowledge: ${err.status === 404 ? 'no such community' : err.message}\n`);
  for (const d of err.details) if (d.field !== 'as') io.err.write(`  ${d.field}: ${d.message}\n`);
  return EXIT.failed;
}

/** `guildhall export knowledge`: writes a community's knowledge folder (exit 1 if the folder is not empty or the community unknown). */
export async function exportCommand(config: Config, io: CliIo, args: string[]): Promise<number> {
  const p = parse(io, 'export', EXPORT_USAGE, args, ['community', 'out'], 0);
  if (!p) return EXIT.usage;
  const slug = p.values.community ?? '';
  const out = p.values.out ?? '';
  return withDatabase(config, async (db) => {
    const c = await db.selectFrom('communities').select('id').where('slug', '=', slug).executeTakeFirst();
    if (!c) return (io.err.write(`guildhall export knowledge: no community "${slug}"\n`), EXIT.failed);
    const files = await exportKnowledge(db, c.id);
    if (!(await writeKnowledgeFolder(out, files))) return (io.err.write(`guildhall export knowledge: ${out} is not an empty folder; nothing was written\n`), EXIT.failed);
    const count = (prefix: string) => [...files.keys()].filter((k) => k.startsWith(prefix)).length;
    io.out.write(`Exported ${count('articles/')} articles and ${count('glossary/')} glossary terms of "${slug}" to ${out}\n`);
    return EXIT.ok;
  });
}

/** `guildhall import knowledge`: imports a folder in one transaction (exit 1, nothing written, naming each bad file). */
export async function importCommand(config: Config, io: CliIo, args: string[], clock: Clock = systemClock): Promise<number> {
  const p = parse(io, 'import', IMPORT_USAGE, args, ['community', 'as'], 1);
  if (!p) return EXIT.usage;
  try {
    const files = await readKnowledgeFolder(p.positionals[0] ?? '');
    const summary = await withDatabase(config, (db) => importKnowledge({ config, db, clock }, p.values.community ?? '', p.values.as, files));
    const line = (s: Record<string, number>) => `${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged`;
    io.out.write(`Imported into "${p.values.community}": articles ${line(summary.articles)}; glossary terms ${line(summary.glossary)}.\n`);
    return EXIT.ok;
  } catch (err) {
    return report(io, 'import', err);
  }
}
