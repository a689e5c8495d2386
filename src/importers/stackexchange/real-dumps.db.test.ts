import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DbHandle } from '../../core/db/index.ts';
import { describeEachDialect, openTestDb } from '../../../test/helpers/db.ts';
import { makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { REAL_DUMPS_DIR, REAL_DUMPS_SKIP_REASON, realDumpsMissing } from './import.fixtures.ts';
import { importStackExchange, type ImportCounts } from './import.service.ts';

if (realDumpsMissing) console.warn(REAL_DUMPS_SKIP_REASON);

/** Every row of a dump file as attribute maps, read with a regex (independently of the importer's XML parser). */
function rowsOf(dir: string, file: string): Array<Record<string, string>> {
  const p = path.join(dir, file);
  if (!fs.existsSync(p)) return [];
  return [...fs.readFileSync(p, 'utf8').matchAll(/<row ([^>]*)\/>/g)].map((m) => Object.fromEntries([...(m[1] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1], a[2]])));
}

/** What a full import of `dir` must produce, computed from the files. */
function expected(dir: string) {
  const posts = rowsOf(dir, 'Posts.xml');
  const questions = new Set(posts.filter((p) => p.PostTypeId === '1').map((p) => p.Id));
  const answers = new Set(posts.filter((p) => p.PostTypeId === '2' && questions.has(p.ParentId ?? '')).map((p) => p.Id));
  const imported = new Set([...questions, ...answers]);
  const votes = rowsOf(dir, 'Votes.xml').filter((v) => (v.VoteTypeId === '2' || v.VoteTypeId === '3') && imported.has(v.PostId ?? ''));
  const accepted = posts.filter((p) => p.PostTypeId === '1' && answers.has(p.AcceptedAnswerId ?? '')).length;
  return {
    users: rowsOf(dir, 'Users.xml').length,
    questions: questions.size,
    answers: answers.size,
    comments: rowsOf(dir, 'Comments.xml').filter((c) => imported.has(c.PostId ?? '')).length,
    votes: votes.length,
    links: rowsOf(dir, 'PostLinks.xml').filter((l) => (l.LinkTypeId === '1' || l.LinkTypeId === '3') && imported.has(l.PostId ?? '') && imported.has(l.RelatedPostId ?? '')).length,
    tags: rowsOf(dir, 'Tags.xml').length,
    badges: rowsOf(dir, 'Badges.xml').length,
    scoreSum: votes.reduce((s, v) => s + (v.VoteTypeId === '2' ? 1 : -1), 0),
    accepted,
  };
}

describeEachDialect(`importing the real dumps${realDumpsMissing ? ' (SKIPPED: no shared data)' : ''}`, (dialect) => {
  let h: DbHandle;
  const results = new Map<string, { counts: ImportCounts; communityId: number; seconds: number }>();

  beforeAll(async () => {
    if (realDumpsMissing) return;
    h = await openTestDb(dialect);
    const owner = await makeUser(h.db);
    for (const name of ['cardano-2021', 'ai-2016']) {
      const c = await makeCommunity(h.db, owner.id, { slug: name });
      const started = performance.now();
      const counts = await importStackExchange({ db: h.db, clock: { now: () => new Date() } }, path.join(REAL_DUMPS_DIR, name), { community: name });
      const seconds = (performance.now() - started) / 1000;
      results.set(name, { counts, communityId: c.id, seconds });
      // A measurement, not an assertion (timing is for bench/RESULTS.md): printed for the record.
      console.info(`[${dialect}] ${name}: ${counts.questions + counts.answers} posts in ${seconds.toFixed(2)} s = ${Math.round((counts.questions + counts.answers) / seconds)} posts/s`);
    }
  }, 300_000);
  afterAll(async () => {
    if (h) await h.close();
  });

  for (const name of ['cardano-2021', 'ai-2016']) {
    it.skipIf(realDumpsMissing)(`${name}: counts match the files, and the rows match the counts`, async () => {
      const dir = path.join(REAL_DUMPS_DIR, name);
      const want = expected(dir);
      const got = results.get(name);
      if (!got) throw new Error('import did not run');
      const { counts, communityId } = got;
      expect(counts).toMatchObject({ users: want.users, questions: want.questions, answers: want.answers, comments: want.comments, votes: want.votes, links: want.links, tags: want.tags });
      expect(counts.skipped.badges).toBe(want.badges);
      const db = h.db;
      const count = async (q: Promise<{ n: number | string | bigint }>) => Number((await q).n);
      const topics = db.selectFrom('topics').where('community_id', '=', communityId);
      expect(await count(topics.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow() as Promise<{ n: number }>)).toBe(want.questions);
      expect(await count(topics.select((eb) => eb.fn.countAll().as('n')).where('accepted_post_id', 'is not', null).executeTakeFirstOrThrow() as Promise<{ n: number }>)).toBe(want.accepted);
      const posts = db.selectFrom('posts').innerJoin('topics', 'topics.id', 'posts.topic_id').where('topics.community_id', '=', communityId);
      expect(await count(posts.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow() as Promise<{ n: number }>)).toBe(want.questions + want.answers);
      expect(await count(posts.select((eb) => eb.fn.sum('posts.score').as('n')).executeTakeFirstOrThrow() as Promise<{ n: number }>)).toBe(want.scoreSum);
      const answerSum = await count(topics.select((eb) => eb.fn.sum('answer_count').as('n')).executeTakeFirstOrThrow() as Promise<{ n: number }>);
      expect(answerSum).toBe(want.answers);
      const comments = await count(db.selectFrom('comments').innerJoin('posts', 'posts.id', 'comments.post_id').innerJoin('topics', 'topics.id', 'posts.topic_id').where('topics.community_id', '=', communityId).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow() as Promise<{ n: number }>);
      expect(comments).toBe(want.comments);
      const members = await db.selectFrom('communities').select('member_count').where('id', '=', communityId).executeTakeFirstOrThrow();
      expect(members.member_count).toBe(want.users + 1);
      if (name === 'ai-2016') expect(counts.revisions).toBeGreaterThan(100);
    });
  }
});
