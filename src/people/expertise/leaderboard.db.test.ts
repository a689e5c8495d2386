import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, openTestDb } from '../../../test/helpers/db.ts';
import type { Db } from '../../core/db/index.ts';
import { decodeCursor, encodeCursor } from '../../core/http/pagination.ts';
import { makeUser } from '../../../test/helpers/factories.ts';
import { rebuildEvidence } from './evidence.store.ts';
import { answeredQuestion, expertiseWorld, voteOn } from './expertise.fixtures.ts';
import { listLeaders } from './recognition.store.ts';

describeEachDialect('listLeaders', (dialect) => {
  let db: Db;
  let close: () => Promise<void>;
  let w: Awaited<ReturnType<typeof expertiseWorld>>;

  beforeAll(async () => {
    const h = await openTestDb(dialect);
    db = h.db;
    close = h.close;
    w = await expertiseWorld(db);
    // expert 2 upvotes (20), rival 1 (10), v1 1 (10), v2 −1 (−2, left out); an outsider (not a member) 1 upvote in pub.
    const up = (n: number) => [w.v3, w.asker].slice(0, n).map((u) => ({ userId: u.id, value: 1 as const }));
    await voteOn(db, (await answeredQuestion(db, w.pub.id, w.asker.id, w.expert.id, ['x'])).answerId, up(2));
    await voteOn(db, (await answeredQuestion(db, w.pub.id, w.asker.id, w.rival.id, ['x'])).answerId, up(1));
    await voteOn(db, (await answeredQuestion(db, w.pub.id, w.asker.id, w.v1.id, ['x'])).answerId, up(1));
    await voteOn(db, (await answeredQuestion(db, w.pub.id, w.asker.id, w.v2.id, ['x'])).answerId, [{ userId: w.v3.id, value: -1 }]);
    const stranger = await makeUser(db);
    await voteOn(db, (await answeredQuestion(db, w.pub.id, w.asker.id, stranger.id, ['x'])).answerId, up(2));
    await rebuildEvidence(db);
  });
  afterAll(async () => close());

  it('ranks members by reputation with shared ranks for ties, leaving out non-members and non-positive totals', async () => {
    const rows = await listLeaders(db, w.pub.id, { after: null, limit: 10 });
    const tied = [w.rival.id, w.v1.id].sort((a, b) => a - b);
    expect(rows.map((r) => [r.userId, r.reputation, r.rank])).toEqual([[w.expert.id, 20, 1], [tied[0], 10, 2], [tied[1], 10, 2]]);
  });

  it('pages by keyset and keeps the ranks', async () => {
    const first = await listLeaders(db, w.pub.id, { after: null, limit: 2 });
    const last = first[1]!;
    const cursor = decodeCursor(encodeCursor({ v: last.reputation, id: last.userId }));
    const next = await listLeaders(db, w.pub.id, { after: cursor, limit: 2 });
    expect(next.map((r) => [r.reputation, r.rank])).toEqual([[10, 2]]);
    expect(next[0]!.userId).not.toBe(last.userId);
  });
});
