import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, openTestDb } from '../../../test/helpers/db.ts';
import { seedDemo } from '../../demo/seed.ts';
import { latestBuild, edgesIn } from './network.store.ts';
import { summariseNetwork } from './network.metrics.ts';

describeEachDialect('the demo network', (dialect) => {
  let handle: Awaited<ReturnType<typeof openTestDb>>;
  beforeAll(async () => {
    handle = await openTestDb(dialect);
    await seedDemo(handle.db, { now: new Date('2026-11-20T10:00:00Z') });
  });
  afterAll(async () => handle.close());

  it('is built by the seed and names brokers and a boundary spanner across the public communities', async () => {
    expect(await latestBuild(handle.db)).not.toBeNull();
    const pub = await handle.db.selectFrom('communities').select('id').where('visibility', '=', 'public').execute();
    const s = summariseNetwork(await edgesIn(handle.db, { communityIds: pub.map((c) => c.id), includeUnscoped: false }));
    expect(s.brokers.length).toBeGreaterThan(0);
    const hannah = await handle.db.selectFrom('users').select('id').where('username', '=', 'hannah').executeTakeFirstOrThrow();
    expect(s.spanners.map((x) => x.id)).toContain(hannah.id);
  });
});
