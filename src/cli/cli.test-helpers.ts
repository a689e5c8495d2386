import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../core/config.ts';
import { openDatabase, type DbHandle, type DialectName } from '../core/db/index.ts';
import { createLog } from '../core/log.ts';
import { createTestDatabase } from '../../test/helpers/pg.ts';
import type { CliIo } from './io.ts';

/** An io that remembers what a command wrote. */
export function captureIo(): CliIo & { stdout(): string; stderr(): string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out: { write: (s: string) => out.push(s) },
    err: { write: (s: string) => err.push(s) },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

/** A config for a CLI test: its own SQLite file, or its own PostgreSQL schema (via the URL's search_path). */
export interface CliTestEnv {
  config: Config;
  env: Record<string, string>;
  /** Opens a second connection to the same database, for counting rows. */
  open(): DbHandle;
  close(): Promise<void>;
}

/** Builds a fresh, empty (unmigrated) database for a CLI test. */
export async function cliTestEnv(dialect: DialectName, extra: Record<string, string> = {}): Promise<CliTestEnv> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guildhall-cli-'));
  const env: Record<string, string> = { DATA_DIR: dataDir, LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0', ...extra };
  let database: { url: string; drop(): Promise<void> } | null = null;
  if (dialect === 'postgres') {
    database = await createTestDatabase('gh_cli');
    env.DATABASE_URL = database.url;
  }
  const config = loadConfig(env);
  return {
    config,
    env,
    open: () => openDatabase(config.databaseUrl, createLog({ logLevel: 'silent' })),
    close: async () => {
      if (database) await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
