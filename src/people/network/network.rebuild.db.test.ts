import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../core/db/index.ts';
import { describeEachDialect, openTestDb } from '../../../test/helpers/db.ts';
import { makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { articleBy, commentBy, mentorshipOf, postBy, topicBy } from './network.fixtures.ts';
import { decayedWeight, HALF_LIFE_DAYS, rebuildNetwork } from './network.rebuild.ts';

const NOW = new Date('2026-11-20T12:00:00Z');
const AT = '2026-11-15T12:00:00.000Z';
const OLD = '2025-11-15T12:00:00.000Z';

describe('decayedWeight', () => {
  it('halves every half-life and never grows for future months', () => {
    expect(decayedWeight(2, '2026-11', new Date('2026-11-15T12:00:00Z'))).toBe(2);
    expect(decayedWeight(1, '2026-11', new Date(Date.parse('2026-11-15T12:00:00Z') + HALF_LIFE_DAYS * 86_400_000))).toBeCloseTo(0.5, 10);
    expect(decayedWeight(1, '2027-01', NOW)).toBe(1);
  });
});

describeEachDialect('rebuildNetwork derives edges from the history', (dialect) => {
  let handle: Awaited<ReturnType<typeof openTestDb>>;
  let db: Db;
  beforeAll(async () => {
    handle = await openTestDb(dialect);
    db = handle.db;
  });
  afterAll(async () => handle.close());

  it('counts answers, replies, comments, co-authorship and mentorships, and nothing else', async () => {
    const [asker, answerer, replier, writer, owner, mentor, mentee] = await Promise.all(Array.from({ length: 7 }, () => makeUser(db)));
    const c = await makeCommunity(db, asker!.id);
    const question = await topicBy(db, c.id, asker!.id, 'question', AT);
    await postBy(db, question, answerer!.id, 'answer', AT);
    await postBy(db, question, answerer!.id, 'answer', OLD);
    await postBy(db, question, replier!.id, 'answer', AT, { deleted: true }); // deleted: no edge
    await postBy(db, question, asker!.id, 'answer', AT); // answering yourself: no edge
    const discussion = await topicBy(db, c.id, asker!.id, 'discussion', AT);
    const reply = await postBy(db, discussion, replier!.id, 'reply', AT);
    await commentBy(db, reply, answerer!.id, AT);
    const gone = await topicBy(db, c.id, asker!.id, 'discussion', AT, { deleted: true });
    await postBy(db, gone, mentor!.id, 'reply', AT); // in a deleted topic: no edge
    await articleBy(db, c.id, writer!.id, AT, { owners: [owner!.id], editors: [answerer!.id, writer!.id] });
    await mentorshipOf(db, mentor!.id, mentee!.id, c.id, AT);
    await mentorshipOf(db, mentee!.id, answerer!.id, null, AT, 'ended');

    const result = await rebuildNetwork(db, { now: NOW });
    const rows = await db.selectFrom('network_edges').select(['community_id', 'source_id', 'target_id', 'kind', 'interactions', 'weight']).execute();
    const got = rows.map((r) => `${r.community_id ?? '-'} ${r.source_id}>${r.target_id} ${r.kind} ×${r.interactions}`).sort();
    const pair = (a: number, b: number) => (a < b ? `${a}>${b}` : `${b}>${a}`);
    const want = [
      `${c.id} ${answerer!.id}>${asker!.id} answered ×2`,
      `${c.id} ${replier!.id}>${asker!.id} replied ×1`,
      `${c.id} ${answerer!.id}>${replier!.id} replied ×1`,
      `${c.id} ${pair(writer!.id, owner!.id)} coauthored ×1`,
      `${c.id} ${pair(writer!.id, answerer!.id)} coauthored ×1`,
      `${c.id} ${pair(owner!.id, answerer!.id)} coauthored ×1`,
      `${c.id} ${mentor!.id}>${mentee!.id} mentored ×1`,
      `- ${mentee!.id}>${answerer!.id} mentored ×1`,
    ].sort();
    expect(got).toEqual(want);
    expect(result.edgeCount).toBe(8);
    const answered = rows.find((r) => r.kind === 'answered')!;
    // One answer this month (weight 1 · 0.5^(5/180)) and one a year ago (0.5^(370/180)).
    expect(Number(answered.weight)).toBeCloseTo(decayedWeight(1, '2026-11', NOW) + decayedWeight(1, '2025-11', NOW), 2);
    expect(Number(answered.weight)).toBeLessThan(2);
  });

  it('replaces the edges on every rebuild, records the build and drops cached metrics', async () => {
    await db.insertInto('network_metrics').values({ scope_key: 'community:1', build_id: 1, computed_at: AT, payload: '{}' }).execute();
    const before = await db.selectFrom('network_edges').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const second = await rebuildNetwork(db, { now: NOW });
    const after = await db.selectFrom('network_edges').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect(await db.selectFrom('network_metrics').selectAll().execute()).toEqual([]);
    const builds = await db.selectFrom('network_builds').select(['id', 'edge_count']).orderBy('id').execute();
    expect(builds.at(-1)).toEqual({ id: second.buildId, edge_count: Number(before.n) });
  });
});
