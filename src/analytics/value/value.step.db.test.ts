import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DbHandle } from '../../core/db/index.ts';
import { describeEachDialect, openTestDb } from '../../../test/helpers/db.ts';
import { makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { rebuildAnalytics, refreshAnalytics } from '../refresh.ts';
import { act } from './value.fixtures.ts';
import { valueStep } from './value.step.ts';

describeEachDialect('valueStep keeps analytics_verb_months', (dialect) => {
  let h: DbHandle;
  let ids: { person: number; bot: number; c: number; d: number };
  const now = new Date('2026-11-20T00:00:00Z');
  const steps = [valueStep];
  beforeAll(async () => {
    h = await openTestDb(dialect);
    const person = (await makeUser(h.db)).id;
    const bot = (await makeUser(h.db, { account_kind: 'bot' })).id;
    const c = (await makeCommunity(h.db, person)).id;
    const d = (await makeCommunity(h.db, person)).id;
    ids = { person, bot, c, d };
  });
  afterAll(async () => h.close());

  const rows = async () =>
    (await h.db.selectFrom('analytics_verb_months').select(['community_id', 'month', 'verb', 'subject_type', 'n', 'people']).orderBy('community_id').orderBy('month').orderBy('verb').orderBy('subject_type').execute()).map((r) => ({ ...r, n: Number(r.n), people: Number(r.people) }));

  it('counts each verb and subject type per community and month, all actors and person accounts apart', async () => {
    const { person, bot, c, d } = ids;
    await act(h.db, person, 'post.created', c, '2026-09-03T10:00:00.000Z');
    await act(h.db, person, 'post.created', c, '2026-09-30T23:59:59.999Z');
    await act(h.db, bot, 'post.created', c, '2026-09-15T10:00:00.000Z');
    await act(h.db, person, 'knowledge.applied', c, '2026-10-01T00:00:00.000Z', 'article');
    await act(h.db, person, 'knowledge.applied', c, '2026-10-02T00:00:00.000Z', 'post');
    await act(h.db, null, 'answer.accepted', c, '2026-10-05T00:00:00.000Z');
    await act(h.db, person, 'article.created', d, '2026-10-09T00:00:00.000Z', 'article');
    await act(h.db, person, 'skill.endorsed', null, '2026-10-09T00:00:00.000Z', 'user_skill');
    await refreshAnalytics(h.db, { now, steps });
    expect(await rows()).toEqual([
      { community_id: c, month: '2026-09', verb: 'post.created', subject_type: 'post', n: 3, people: 2 },
      { community_id: c, month: '2026-10', verb: 'answer.accepted', subject_type: 'post', n: 1, people: 0 },
      { community_id: c, month: '2026-10', verb: 'knowledge.applied', subject_type: 'article', n: 1, people: 1 },
      { community_id: c, month: '2026-10', verb: 'knowledge.applied', subject_type: 'post', n: 1, people: 1 },
      { community_id: d, month: '2026-10', verb: 'article.created', subject_type: 'article', n: 1, people: 1 },
    ]);
  });

  it('lands a backdated row in its own month and recounts only the months new rows touched; a rebuild gives the same rows', async () => {
    const { person, c } = ids;
    const before = await rows();
    await act(h.db, person, 'post.created', c, '2026-07-14T08:00:00.000Z');
    await act(h.db, person, 'post.created', c, '2026-09-20T08:00:00.000Z');
    const r = await refreshAnalytics(h.db, { now, steps });
    expect(r.rows).toBe(2);
    const after = await rows();
    expect(after.find((x) => x.month === '2026-07')).toEqual({ community_id: c, month: '2026-07', verb: 'post.created', subject_type: 'post', n: 1, people: 1 });
    expect(after.find((x) => x.month === '2026-09' && x.community_id === c)).toMatchObject({ n: 4, people: 3 });
    expect(after.length).toBe(before.length + 1);
    expect((await refreshAnalytics(h.db, { now, steps })).rows).toBe(0);
    expect(await rows()).toEqual(after);
    await rebuildAnalytics(h.db, { now, steps });
    expect(await rows()).toEqual(after);
  });
});
