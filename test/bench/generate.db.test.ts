import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generate } from '../../bench/generate.ts';
import { manifestPath, type Manifest } from '../../bench/lib/manifest.ts';
import { SCALES } from '../../bench/lib/scales.ts';
import { openDatabase, type DbHandle } from '../../src/core/db/index.ts';
import { createLog } from '../../src/core/log.ts';
import { describeEachDialect } from '../helpers/db.ts';
import { TEST_DATABASE_URL } from '../helpers/pg.ts';

/** Numbers of rows a consistency query finds wrong (0 when the generated data is consistent). */
async function broken(db: DbHandle['db'], query: ReturnType<typeof sql<{ n: number }>>): Promise<number> {
  return Number((await query.execute(db)).rows[0]?.n ?? -1);
}

describeEachDialect('bench data generator (tiny scale)', (dialect) => {
  let url: string;
  let dir: string;
  let manifest: Manifest;
  let handle: DbHandle;
  const scale = SCALES.tiny;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-bench-gen-'));
    if (dialect === 'sqlite') url = `sqlite:${path.join(dir, 'tiny.db')}`;
    else {
      const u = new URL(TEST_DATABASE_URL);
      u.pathname = `/gh_bench_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      url = u.toString();
    }
    manifest = await generate({ url, scale: 'tiny', log: () => undefined });
    handle = openDatabase(url, createLog({ logLevel: 'silent' }));
  });

  afterAll(async () => {
    await handle?.close();
    fs.rmSync(manifestPath(url), { force: true });
    fs.rmSync(dir, { recursive: true, force: true });
    if (dialect === 'postgres') {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop database if exists ${new URL(url).pathname.slice(1)} with (force)`);
      await c.end();
    }
  });

  it('makes the organisation of the chosen size, with private communities, tags, votes, comments and accepted answers', () => {
    const c = manifest.counts;
    expect([c.communities, c.users, c.topics, c.posts, c.articles]).toEqual([scale.communities, scale.members, scale.topics, scale.posts, scale.articles]);
    for (const t of ['memberships', 'community_tags', 'topic_tags', 'votes', 'comments', 'article_tags', 'article_owners', 'activity']) expect(c[t], t).toBeGreaterThan(0);
    expect(manifest.documents).toBe(scale.posts + scale.articles);
  });

  it('keeps every counter equal to what it counts', async () => {
    const db = handle.db;
    expect(await broken(db, sql<{ n: number }>`select count(*) as n from topics t where t.reply_count <> (select count(*) - 1 from posts p where p.topic_id = t.id)
      or t.answer_count <> (select count(*) from posts p where p.topic_id = t.id and p.kind = 'answer')
      or t.last_posted_at <> (select max(p.created_at) from posts p where p.topic_id = t.id)`)).toBe(0);
    expect(await broken(db, sql<{ n: number }>`select count(*) as n from topics t where (select count(*) from posts p where p.topic_id = t.id and p.kind = 'opening') <> 1
      or (select min(p.id) from posts p where p.topic_id = t.id) <> (select p.id from posts p where p.topic_id = t.id and p.kind = 'opening')`)).toBe(0);
    expect(await broken(db, sql<{ n: number }>`select count(*) as n from posts p where p.score <> coalesce((select sum(v.value) from votes v where v.post_id = p.id), 0)
      or p.comment_count <> (select count(*) from comments c where c.post_id = p.id)`)).toBe(0);
    expect(await broken(db, sql<{ n: number }>`select count(*) as n from communities c where c.member_count <> (select count(*) from memberships m where m.community_id = c.id)`)).toBe(0);
  });

  it('has accepted answers only among a question’s own answers, and authors and voters only among the community’s members', async () => {
    const db = handle.db;
    expect(await broken(db, sql<{ n: number }>`select count(*) as n from topics t where t.accepted_post_id is not null
      and not exists (select 1 from posts p where p.id = t.accepted_post_id and p.topic_id = t.id and p.kind = 'answer' and t.kind = 'question')`)).toBe(0);
    expect(await broken(db, sql<{ n: number }>`select count(*) as n from topics t where t.accepted_post_id is not null`)).toBeGreaterThan(0);
    expect(await broken(db, sql<{ n: number }>`select count(*) as n from posts p join topics t on t.id = p.topic_id
      where not exists (select 1 from memberships m where m.community_id = t.community_id and m.user_id = p.author_id)`)).toBe(0);
    expect(await broken(db, sql<{ n: number }>`select count(*) as n from votes v join posts p on p.id = v.post_id join topics t on t.id = p.topic_id
      where not exists (select 1 from memberships m where m.community_id = t.community_id and m.user_id = v.user_id)`)).toBe(0);
    expect(await broken(db, sql<{ n: number }>`select count(*) as n from communities where visibility = 'private' and join_policy = 'invite'`)).toBeGreaterThan(0);
  });

  it('indexes every member, community, topic, reply and article for search', async () => {
    const c = manifest.counts;
    expect(c.search_docs).toBe(c.users! + c.communities! + c.topics! + (c.posts! - c.topics!) + c.articles!);
  });

  it('lets new rows be written after the bulk load (identity sequences moved past the loaded ids)', async () => {
    const at = new Date().toISOString();
    const row = await handle.db.insertInto('users').values({ username: 'after-load', email: 'after@bench.example', password_hash: null, display_name: 'After', bio: '', discipline: '', location: '', time_zone: 'UTC', role: 'member', created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    expect(row.id).toBe(scale.members + 1);
  });
});
