import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, fakeClock, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { warmNetworkCache } from './network.service.ts';
import { networkWorld, WORLD_NOW } from './network.world.ts';

describeEachDialect('warming the network cache after a rebuild', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof networkWorld>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: fakeClock(WORLD_NOW) });
    w = await networkWorld(t);
  });
  afterAll(async () => t.close());

  it('caches every community and the organisation as readers of public communities see it, with nothing private in it', async () => {
    await warmNetworkCache(t.deps);
    const rows = await t.deps.db.selectFrom('network_metrics').select(['scope_key', 'payload']).orderBy('scope_key').execute();
    const keys = rows.map((r) => r.scope_key);
    expect(keys).toContain(`community:${w.guild.id}`);
    expect(keys).toContain(`community:${w.circle.id}`);
    const org = rows.filter((r) => r.scope_key.startsWith('org:'));
    expect(org).toHaveLength(2); // anonymous, and signed in without private communities
    for (const o of org) expect(o.payload).not.toContain(`"id":${w.zed.id},`);
  });
});
