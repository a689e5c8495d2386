import { afterEach, expect, it } from 'vitest';
import type { DbHandle } from '../core/db/index.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { makeCommunity, makeUser } from '../../test/helpers/factories.ts';
import { captureIo, cliTestEnv, type CliTestEnv } from './cli.test-helpers.ts';
import { runCli } from './run.ts';

describeEachDialect('guildhall analytics', (dialect) => {
  let t: CliTestEnv;
  let h: DbHandle | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
    await t.close();
  });

  it('refreshes the rollups from the new activity only, rebuilds them from all of it, and refuses anything else', async () => {
    t = await cliTestEnv(dialect);
    expect(await runCli(['migrate'], t.env, captureIo())).toBe(0);
    h = t.open();
    const u = await makeUser(h.db);
    const c = await makeCommunity(h.db, u.id);
    const at = '2026-11-02T10:00:00.000Z';
    const acts = (n: number) => h!.db.insertInto('activity').values(Array.from({ length: n }, () => ({ actor_id: u.id, verb: 'topic.created', community_id: c.id, subject_type: 'topic', subject_id: null, data: '{"kind":"discussion"}', created_at: at }))).execute();
    await acts(3);
    const first = captureIo();
    expect(await runCli(['analytics', 'refresh'], t.env, first)).toBe(0);
    const total = Number((await h.db.selectFrom('activity').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(first.stdout()).toContain(`${total} activity row(s) read`);
    await acts(2);
    const second = captureIo();
    expect(await runCli(['analytics', 'refresh'], t.env, second)).toBe(0);
    expect(second.stdout()).toContain('Refreshed the health rollups');
    expect(second.stdout()).toContain(': 2 activity row(s) read');
    const month = await h.db.selectFrom('analytics_member_months').select(['contributions']).where('community_id', '=', c.id).where('user_id', '=', u.id).where('month', '=', '2026-11').executeTakeFirstOrThrow();
    expect(Number(month.contributions)).toBe(5);
    const rebuilt = captureIo();
    expect(await runCli(['analytics', 'rebuild'], t.env, rebuilt)).toBe(0);
    expect(rebuilt.stdout()).toContain(`Rebuilt the health rollups`);
    expect(rebuilt.stdout()).toContain(`${total + 2} activity row(s) read`);
    for (const bad of [[], ['explode'], ['refresh', 'now']]) {
      const io = captureIo();
      expect(await runCli(['analytics', ...bad], t.env, io)).toBe(2);
      expect(io.stderr()).toContain('guildhall analytics refresh');
    }
  });
});
