import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { endorse, expectStatus, lifecycleWorld, transition, writeTagged } from './lifecycle.fixtures.ts';

describeEachDialect('article lifecycle under concurrent requests', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof lifecycleWorld>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    w = await lifecycleWorld(t);
  });
  afterAll(async () => t.close());

  it('answers the same member endorsing twice at once with one 201 and one 409, never a 500', async () => {
    for (let round = 0; round < 5; round++) {
      const id = await writeTagged(t, w.as.member, w.pub.slug);
      expectStatus(await transition(t, id, { to: 'proposed', reason: 'Ready' }, w.as.member), 200);
      const results = await Promise.all([endorse(t, id, w.experts[0]), endorse(t, id, w.experts[0]), endorse(t, id, w.experts[0])]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
      const rows = await t.deps.db.selectFrom('article_endorsements').select('user_id').where('article_id', '=', id).execute();
      expect(rows).toHaveLength(1);
    }
  });

  it('endorses exactly once when the last two needed endorsements arrive together', async () => {
    const id = await writeTagged(t, w.as.member, w.pub.slug);
    expectStatus(await transition(t, id, { to: 'proposed', reason: 'Ready' }, w.as.member), 200);
    expectStatus(await endorse(t, id, w.experts[0]), 201);
    const results = await Promise.all([endorse(t, id, w.experts[1]), endorse(t, id, w.experts[2])]);
    expect(results.every((r) => r.statusCode === 201 || r.statusCode === 409), results.map((r) => r.body).join('\n')).toBe(true);
    const transitions = await t.deps.db.selectFrom('article_transitions').select('to_state').where('article_id', '=', id).where('to_state', '=', 'endorsed').execute();
    expect(transitions).toHaveLength(1);
  });
});
