import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from '../../core/db/index.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** A fixture dump under test/fixtures/stackexchange. */
export const fixtureDump = (name: string): string => path.join(repoRoot, 'test/fixtures/stackexchange', name);

/** The real dumps beside the repository (../shared/data/stackexchange), when present. */
export const REAL_DUMPS_DIR = path.resolve(repoRoot, '../shared/data/stackexchange');
export const realDumpsMissing = !fs.existsSync(path.join(REAL_DUMPS_DIR, 'cardano-2021/Posts.xml')) || !fs.existsSync(path.join(REAL_DUMPS_DIR, 'ai-2016/Posts.xml'));
export const REAL_DUMPS_SKIP_REASON = `${REAL_DUMPS_DIR} is missing: real Stack Exchange dump tests SKIPPED (they need the shared data folder beside the repository)`;

/** A copy of a fixture dump in a temp folder named `folder` (so the site name stays predictable), with `edit` applied per file. */
export function copyDump(name: string, folder: string, edit: (file: string, text: string) => string | null = (_f, t) => t): { dir: string; cleanup(): void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'guildhall-se-'));
  const dir = path.join(root, folder);
  fs.mkdirSync(dir);
  for (const f of fs.readdirSync(fixtureDump(name))) {
    const text = edit(f, fs.readFileSync(path.join(fixtureDump(name), f), 'utf8'));
    if (text !== null) fs.writeFileSync(path.join(dir, f), text);
  }
  return { dir, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}

const TABLES = ['users', 'memberships', 'topics', 'posts', 'comments', 'votes', 'post_revisions', 'topic_tags', 'community_tags', 'topic_links', 'import_sources', 'activity'] as const;

/**
 * Everything an import touches, as comparable data: row counts of each table, and the topics,
 * posts and communities in full. Equal snapshots mean the import changed nothing.
 */
export async function dbSnapshot(db: Db): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const t of TABLES) {
    const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(t)}`.execute(db);
    out[t] = Number(r.rows[0]?.n ?? 0);
  }
  out.topicRows = await db.selectFrom('topics').selectAll().orderBy('id').execute();
  out.postRows = await db.selectFrom('posts').selectAll().orderBy('id').execute();
  out.communityRows = await db.selectFrom('communities').selectAll().orderBy('id').execute();
  return out;
}

/** Rows of a dump file, counted by `key` attribute value (e.g. PostTypeId), read independently of the importer. */
export function countRowsBy(file: string, key: string): Map<string, number> {
  const counts = new Map<string, number>();
  const re = new RegExp(`<row [^>]*?\\b${key}="([^"]*)"`, 'g');
  for (const m of fs.readFileSync(file, 'utf8').matchAll(re)) counts.set(m[1] ?? '', (counts.get(m[1] ?? '') ?? 0) + 1);
  return counts;
}
