import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite, type DbHandle } from './index.ts';

/** The connection's own checkpoint threshold, read back through Kysely. */
async function autocheckpoint(h: DbHandle): Promise<number> {
  return (await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(h.db)).rows[0]!.wal_autocheckpoint;
}

const walBytes = (file: string) => (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);

describe('WAL checkpoints in a worker thread (SQLite)', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-ckpt-'));
    file = path.join(dir, 'c.db');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps checkpoints out of commits and has the worker copy the WAL into the database', async () => {
    const h = openSqlite(file, { backgroundCheckpoints: true });
    try {
      expect(await autocheckpoint(h)).toBe(0);
      await sql`create table t (id integer primary key, body text not null)`.execute(h.db);
      // ~3,000 pages of WAL in 300 commits: past the 1,000 pages at which a commit would checkpoint itself.
      for (let i = 0; i < 300; i++) {
        await h.db.transaction().execute(async (tx) => {
          for (let k = 0; k < 10; k++) await sql`insert into t (body) values (${'x'.repeat(4000)})`.execute(tx);
        });
      }
      // Wait for a checkpoint run after the last commit that copied the whole WAL.
      const before = (await h.checkpointer!.stats()).runs;
      const deadline = Date.now() + 10_000;
      let s = await h.checkpointer!.stats();
      while (!(s.runs > before && s.walFrames > 0 && s.checkpointed === s.walFrames) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        s = await h.checkpointer!.stats();
      }
      expect(s.runs).toBeGreaterThan(before);
      // Without the worker the connection would have checkpointed itself and restarted the WAL well before 3,000 pages.
      expect(s.walFrames).toBeGreaterThanOrEqual(3_000);
      expect(s.checkpointed).toBe(s.walFrames);
      // What the worker copied is in the database file itself: a reader that ignores the WAL sees it.
      const copy = path.join(dir, 'copy.db');
      fs.copyFileSync(file, copy);
      const plain = new SqliteDatabase(copy, { readonly: true });
      try {
        expect((plain.prepare('select count(*) as n from t').get() as { n: number }).n).toBe(3_000);
      } finally {
        plain.close();
      }
    } finally {
      await h.close();
    }
    expect(walBytes(file)).toBe(0);
  });

  it('gives the connection its own checkpoints back when stopped, and leaves them alone when off', async () => {
    const h = openSqlite(file, { backgroundCheckpoints: true });
    await h.checkpointer!.stop();
    await expect(h.checkpointer!.stats()).rejects.toThrow(/not running/);
    expect(await autocheckpoint(h)).toBe(1000);
    await h.close();
    const off = openSqlite(file);
    try {
      expect(off.checkpointer).toBeUndefined();
      expect(await autocheckpoint(off)).toBe(1000);
    } finally {
      await off.close();
    }
  });
});
