import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db, DbHandle } from '../../core/db/index.ts';
import { describeEachDialect, openTestDb } from '../../../test/helpers/db.ts';
import { makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { rebuildAnalytics, refreshAnalytics } from '../refresh.ts';
import { act, comments, joinAt, vote } from './inclusion.fixtures.ts';
import { listInclusionMonths } from './inclusion.store.ts';

const NOW = new Date('2026-11-26T12:00:00.000Z');
const month = async (db: Db, communityId: number, m: string) => (await listInclusionMonths(db, communityId, m, m))[0];
const figures = (active: number, newcomerActive: number, contributors: number, newcomerContributors: number, contributions: number, newcomerContributions: number) => ({
  active,
  newcomer_active: newcomerActive,
  contributors,
  newcomer_contributors: newcomerContributors,
  contributions,
  newcomer_contributions: newcomerContributions,
});

/*
 * A hand-made history. Newcomer in month M = joined on or after 90 days before M began
 * (October: from 2026-07-03; November: from 2026-08-03; August: from 2026-05-03).
 *  Olga   joined 2025-01-10 (established): Oct 3 comments; Nov 1 comment.
 *  Nina   joined 2026-09-15 (newcomer in Oct and Nov): Oct 1 comment; Nov 2 comments and a vote.
 *  Vera   joined 2026-06-01 (newcomer in Aug, not in Oct): Aug 1 comment; Oct a vote only.
 *  Botty  a bot, joined 2026-10-01: Oct 10 comments — never counted.
 *  Sam    joined 2026-10-05: Nov 4 comments; later marked as staff by an admin.
 */
describeEachDialect('inclusion step: newcomer voice per month', (dialect) => {
  let h: DbHandle;
  let c: number;
  let sam: number;
  let olga: number;
  beforeAll(async () => {
    h = await openTestDb(dialect);
    const db = h.db;
    const steward = await makeUser(db, { account_kind: 'staff' });
    c = (await makeCommunity(db, steward.id)).id;
    olga = (await makeUser(db)).id;
    const nina = (await makeUser(db)).id;
    const vera = (await makeUser(db)).id;
    const botty = (await makeUser(db, { account_kind: 'bot' })).id;
    sam = (await makeUser(db)).id;
    await joinAt(db, c, olga, '2025-01-10T09:00:00.000Z');
    await joinAt(db, c, nina, '2026-09-15T09:00:00.000Z');
    await joinAt(db, c, vera, '2026-06-01T09:00:00.000Z');
    await joinAt(db, c, botty, '2026-10-01T09:00:00.000Z');
    await joinAt(db, c, sam, '2026-10-05T09:00:00.000Z');
    await comments(db, vera, c, '2026-08-20T10:00:00.000Z');
    await comments(db, olga, c, '2026-10-02T10:00:00.000Z', 3);
    await comments(db, nina, c, '2026-10-03T10:00:00.000Z');
    await vote(db, vera, c, '2026-10-04T10:00:00.000Z');
    await comments(db, botty, c, '2026-10-05T10:00:00.000Z', 10);
    await comments(db, olga, c, '2026-11-02T10:00:00.000Z');
    await comments(db, nina, c, '2026-11-03T10:00:00.000Z', 2);
    await vote(db, nina, c, '2026-11-04T10:00:00.000Z');
    await comments(db, sam, c, '2026-11-05T10:00:00.000Z', 4);
    await refreshAnalytics(db, { now: NOW });
  });
  afterAll(async () => h.close());

  it('counts people who acted and contributed, and the newcomers among them, per month', async () => {
    expect(await month(h.db, c, '2026-08')).toMatchObject(figures(1, 1, 1, 1, 1, 1));
    // Olga, Nina, Vera (a vote) acted; Olga and Nina contributed 3 + 1; the bot's 10 are left out.
    expect(await month(h.db, c, '2026-10')).toMatchObject(figures(3, 1, 2, 1, 4, 1));
    // Olga 1, Nina 2 (+ a vote), Sam 4: newcomers Nina and Sam made 6 of the 7.
    expect(await month(h.db, c, '2026-11')).toMatchObject(figures(3, 2, 3, 2, 7, 6));
  });

  it('takes an account marked as staff out of every month it had figures in, on the next refresh', async () => {
    await h.db.updateTable('users').set({ account_kind: 'staff' }).where('id', '=', sam).execute();
    await act(h.db, { actor: olga, verb: 'user.kind_changed', community: null, subjectType: 'user', subjectId: sam, at: NOW.toISOString(), data: { from: 'person', to: 'staff' } });
    await refreshAnalytics(h.db, { now: NOW });
    expect(await month(h.db, c, '2026-11')).toMatchObject(figures(2, 1, 2, 1, 3, 2));
  });

  it('lands a backdated row (an import) in its own month', async () => {
    await comments(h.db, olga, c, '2026-03-10T10:00:00.000Z', 2);
    await refreshAnalytics(h.db, { now: NOW });
    expect(await month(h.db, c, '2026-03')).toMatchObject(figures(1, 0, 1, 0, 2, 0));
    expect(await month(h.db, c, '2026-10')).toMatchObject(figures(3, 1, 2, 1, 4, 1));
  });

  it('recomputes the months after a join that arrives late (an import), so the member counts as a newcomer there', async () => {
    const late = (await makeUser(h.db)).id;
    await comments(h.db, late, c, '2026-11-20T10:00:00.000Z');
    await refreshAnalytics(h.db, { now: NOW });
    // Not a member yet: November gains an established contributor.
    expect(await month(h.db, c, '2026-11')).toMatchObject(figures(3, 1, 3, 1, 4, 2));
    await joinAt(h.db, c, late, '2026-10-20T09:00:00.000Z');
    await act(h.db, { actor: late, verb: 'community.joined', community: c, subjectType: 'user', subjectId: late, at: '2026-10-20T09:00:00.000Z' });
    await refreshAnalytics(h.db, { now: NOW });
    // The join row is in October; November is recomputed too, and there the member is a newcomer.
    expect(await month(h.db, c, '2026-11')).toMatchObject(figures(3, 2, 3, 2, 4, 3));
  });

  it('gives the same figures when rebuilt from scratch, and a second refresh changes nothing', async () => {
    const before = await listInclusionMonths(h.db, c, '2000-01', '2999-12');
    await refreshAnalytics(h.db, { now: NOW });
    expect(await listInclusionMonths(h.db, c, '2000-01', '2999-12')).toEqual(before);
    await rebuildAnalytics(h.db, { now: NOW });
    const after = await listInclusionMonths(h.db, c, '2000-01', '2999-12');
    expect(after).toEqual(before);
    expect(after.map((m) => m.month)).toEqual(['2026-03', '2026-08', '2026-10', '2026-11']);
  });
});
