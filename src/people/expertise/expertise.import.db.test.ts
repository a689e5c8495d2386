import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DbHandle } from '../../core/db/index.ts';
import { captureIo, cliTestEnv, type CliTestEnv } from '../../cli/cli.test-helpers.ts';
import { runCli } from '../../cli/run.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { fixtureDump } from '../../importers/stackexchange/import.fixtures.ts';
import { demonstratedExpertise } from './expertise.service.ts';

describeEachDialect('guildhall import stackexchange rebuilds expertise', (dialect) => {
  let t: CliTestEnv;
  let h: DbHandle;

  beforeAll(async () => {
    t = await cliTestEnv(dialect);
    expect(await runCli(['migrate'], t.env, captureIo())).toBe(0);
    h = t.open();
    const owner = await makeUser(h.db);
    await makeCommunity(h.db, owner.id, { slug: 'tiny' });
  });
  afterAll(async () => {
    await h.close();
    await t.close();
  });

  it('turns imported accepted answers and votes into evidence that matches the source tables', async () => {
    expect(await runCli(['import', 'stackexchange', fixtureDump('tiny-2020'), '--community', 'tiny'], t.env, captureIo())).toBe(0);
    const accepted = await h.db.selectFrom('topics').select('accepted_post_id').where('accepted_post_id', 'is not', null).where('deleted_at', 'is', null).execute();
    expect(accepted.length).toBeGreaterThan(0);
    const evidence = await h.db.selectFrom('expertise_evidence').select(['kind', 'subject_id']).where('kind', '=', 'accepted_answer').execute();
    expect(evidence.map((e) => e.subject_id).sort()).toEqual(accepted.map((a) => a.accepted_post_id).sort());
    const all = await demonstratedExpertise(h.db, { now: new Date('2021-01-01T00:00:00Z') });
    expect(all.length).toBeGreaterThan(0);
  });
});
