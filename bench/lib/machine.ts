import { execFileSync } from 'node:child_process';
import os from 'node:os';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';

/** What a figure was measured on: the machine, the software, the load, and the code (commit and uncommitted paths). */
export interface MachineInfo {
  date: string;
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  sqlite: string;
  postgres: string | null;
  loadAverage: number[];
  commit: string;
  /** Uncommitted changes under src/ when measured (other work in progress can change the figures). */
  dirty: string[];
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trimEnd();
  } catch {
    return '';
  }
}

/** Describes this machine; asks PostgreSQL its version when `pgUrl` is given. */
export async function machineInfo(pgUrl?: string): Promise<MachineInfo> {
  const sqlite = new SqliteDatabase(':memory:');
  const sqliteVersion = (sqlite.prepare('select sqlite_version() as v').get() as { v: string }).v;
  sqlite.close();
  let postgres: string | null = null;
  if (pgUrl) {
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    postgres = String((await c.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]?.v);
    await c.end();
  }
  return {
    date: new Date().toISOString(),
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? '',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    sqlite: sqliteVersion,
    postgres,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    commit: git(['rev-parse', '--short', 'HEAD']),
    dirty: git(['status', '--porcelain', '--', 'src']).split('\n').filter(Boolean).map((l) => l.slice(3)),
  };
}

/** One line for a log or a results file. */
export function describeMachine(m: MachineInfo): string {
  return `${m.date} · ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB · Node ${m.node}, SQLite ${m.sqlite}${m.postgres ? `, PostgreSQL ${m.postgres}` : ''} · load average ${m.loadAverage.join(' ')} · commit ${m.commit}${m.dirty.length > 0 ? ` + uncommitted ${m.dirty.join(', ')}` : ''}`;
}
