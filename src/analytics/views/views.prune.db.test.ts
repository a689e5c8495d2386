import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { afterAll, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import type { DbHandle } from '../../core/db/index.ts';
import type { Log } from '../../core/log.ts';
import type { Actor } from '../../core/permissions/index.ts';
import { fakeClock } from '../../../test/helpers/app.ts';
import { describeEachDialect, openTestDb } from '../../../test/helpers/db.ts';
import { makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { firstKeptViewDay, PRUNE_BATCH, pruneContentViews, startContentViewPruner } from './views.prune.ts';
import { recordView } from './views.service.ts';

/** Records how many rows each data-changing statement affected (the prune's deletes, one per batch). */
class AffectedRows implements KyselyPlugin {
  perStatement: number[] = [];
  constructor(private readonly after?: () => void) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (args.result.numAffectedRows !== undefined) this.perStatement.push(Number(args.result.numAffectedRows));
    this.after?.();
    return Promise.resolve(args.result);
  }
}

const silentLog = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });

describeEachDialect('pruning content_views', (dialect) => {
  let h: DbHandle;
  let reader: Actor;
  let communityId: number;
  const clock = fakeClock();
  beforeAll(async () => {
    h = await openTestDb(dialect);
    const u = await makeUser(h.db, { display_name: 'Rae Reader' });
    reader = { id: u.id, username: u.username, displayName: u.display_name, role: 'member' };
    communityId = (await makeCommunity(h.db, u.id)).id;
  });
  afterAll(async () => h.close());
  beforeEach(async () => {
    await h.db.deleteFrom('content_views').execute();
    clock.set(new Date('2026-11-26T08:00:00Z'));
  });

  /** `count` view rows on `day`, by distinct (fake) members of item 1. */
  async function addViews(day: string, count: number, firstUser = 1): Promise<void> {
    for (let i = 0; i < count; i += 1000) {
      const rows = Array.from({ length: Math.min(1000, count - i) }, (_, k) => ({ user_id: firstUser + i + k, subject_type: 'topic' as const, subject_id: 1, day }));
      await h.db.insertInto('content_views').values(rows).execute();
    }
  }
  const daysLeft = async () => (await h.db.selectFrom('content_views').select('day').distinct().orderBy('day').execute()).map((r) => r.day);
  const rowCount = async () => Number((await h.db.selectFrom('content_views').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('keeps yesterday (UTC) and later', () => {
    expect(firstKeptViewDay(new Date('2026-11-26T00:00:00Z'))).toBe('2026-11-25');
    expect(firstKeptViewDay(new Date('2026-03-01T23:59:59Z'))).toBe('2026-02-28');
  });

  it('deletes the rows of days before yesterday and keeps yesterday and today', async () => {
    for (const day of ['2026-10-01', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26']) await addViews(day, 3);
    expect(await pruneContentViews({ db: h.db, clock })).toBe(9);
    expect(await daysLeft()).toEqual(['2026-11-25', '2026-11-26']);
    expect(await pruneContentViews({ db: h.db, clock })).toBe(0);
  });

  it('still counts a repeat view on the same day once after a prune, also from a node whose clock is behind', async () => {
    await addViews('2026-11-20', 2, 1000);
    clock.set(new Date('2026-11-25T23:59:50Z'));
    expect(await recordView({ db: h.db, clock }, reader, { type: 'topic', id: 7, communityId })).toBe(true);
    clock.set(new Date('2026-11-26T00:00:10Z'));
    expect(await recordView({ db: h.db, clock }, reader, { type: 'article', id: 8, communityId })).toBe(true);
    expect(await pruneContentViews({ db: h.db, clock })).toBe(2);
    // Another node (its own in-memory cache of counted views), so only the table can say "already counted".
    const otherNode = h.db.withPlugin(new AffectedRows());
    expect(await recordView({ db: otherNode, clock }, reader, { type: 'article', id: 8, communityId })).toBe(false);
    const lagging = fakeClock(new Date('2026-11-25T23:59:58Z'));
    expect(await recordView({ db: otherNode, clock: lagging }, reader, { type: 'topic', id: 7, communityId })).toBe(false);
    const counted = await h.db.selectFrom('activity').select('verb').where('verb', 'like', '%.viewed').where('actor_id', '=', reader.id).execute();
    expect(counted.map((r) => r.verb).sort()).toEqual(['article.viewed', 'topic.viewed']);
  });

  it('deletes in statements of at most `batch` rows until none are left', async () => {
    await addViews('2026-11-01', 12);
    await addViews('2026-11-25', 2);
    const affected = new AffectedRows();
    expect(await pruneContentViews({ db: h.db.withPlugin(affected), clock }, { batch: 5 })).toBe(12);
    expect(affected.perStatement).toEqual([5, 5, 2]);
    expect(await rowCount()).toBe(2);
  });

  it(`removes more rows than one default batch (${PRUNE_BATCH}), never more than that per statement`, async () => {
    await addViews('2026-11-02', 2 * PRUNE_BATCH + 7);
    await addViews('2026-11-26', 3);
    const affected = new AffectedRows();
    expect(await pruneContentViews({ db: h.db.withPlugin(affected), clock })).toBe(2 * PRUNE_BATCH + 7);
    expect(affected.perStatement).toEqual([PRUNE_BATCH, PRUNE_BATCH, 7]);
    expect(await daysLeft()).toEqual(['2026-11-26']);
  });

  it('ends after the current batch when stopped', async () => {
    await addViews('2026-11-03', 12);
    const control = { stopped: false };
    const db = h.db.withPlugin(new AffectedRows(() => (control.stopped = true)));
    expect(await pruneContentViews({ db, clock }, { batch: 5, control })).toBe(5);
    expect(await rowCount()).toBe(7);
  });

  it('runs in the background on the app clock, and stops', async () => {
    await addViews('2026-11-04', 4);
    await addViews('2026-11-25', 1);
    const log = silentLog();
    const stop = startContentViewPruner({ db: h.db, clock, log: log as unknown as Log }, { firstAfterMs: 0, everyMs: 10 });
    await vi.waitFor(async () => expect(await rowCount()).toBe(1));
    await vi.waitFor(() => expect(log.info).toHaveBeenCalledWith({ deleted: 4 }, 'pruned old content views'));
    await stop();
    clock.set(new Date('2026-11-28T08:00:00Z')); // would prune yesterday's row now, but the pruner is stopped
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await rowCount()).toBe(1);
    expect(log.error).not.toHaveBeenCalled();
  });

  it('logs a failed prune and keeps running instead of throwing', async () => {
    const failing = h.db.withPlugin({
      transformQuery: () => {
        throw new Error('database gone');
      },
      transformResult: (args) => Promise.resolve(args.result),
    });
    const log = silentLog();
    const stop = startContentViewPruner({ db: failing, clock, log: log as unknown as Log }, { firstAfterMs: 0, everyMs: 10 });
    await vi.waitFor(() => expect(log.error.mock.calls.length).toBeGreaterThanOrEqual(2));
    await stop();
    expect(log.error).toHaveBeenCalledWith({ err: expect.objectContaining({ message: 'database gone' }) }, 'content views prune failed');
  });
});
