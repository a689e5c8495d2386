import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DbHandle } from '../../core/db/index.ts';
import type { Deps } from '../../core/deps.ts';
import { describeEachDialect, openTestDb } from '../../../test/helpers/db.ts';
import { healthWindow } from '../period.ts';
import { refreshAnalytics } from '../refresh.ts';
import { OTHER_KEY } from './inclusion.measures.ts';
import { inclusionSummary, inclusionView, type InclusionView } from './inclusion.service.ts';
import { inclusionWorld, WORLD_NOW } from './inclusion.world.ts';

const dim = (v: InclusionView, key: string) => v.dimensions.find((d) => d.key === key)!;

describeEachDialect('inclusion: Blau over members and active contributors', (dialect) => {
  let h: DbHandle;
  let deps: Deps;
  let communityId: number;
  let steward: InclusionView;
  let reader: InclusionView;
  beforeAll(async () => {
    h = await openTestDb(dialect);
    deps = { db: h.db } as Deps; // the service reads only deps.db
    communityId = (await inclusionWorld(h.db)).community.id;
    await refreshAnalytics(h.db, { now: WORLD_NOW });
    const window = healthWindow(WORLD_NOW, 6);
    steward = await inclusionView(deps, communityId, window, true);
    reader = await inclusionView(deps, communityId, window, false);
  });
  afterAll(async () => h.close());

  it('computes the discipline Blau of members and of active contributors from the given values', () => {
    const d = dim(steward, 'discipline');
    expect(d.members).toEqual({ total: 15, given: 12, blau: 0.625 });
    expect(d.contributors.total).toBe(9);
    expect(d.contributors.given).toBe(8);
    expect(d.contributors.blau).toBeCloseTo(26 / 64, 12);
    expect(d.notGiven).toEqual({ members: 3, contributors: 1 });
  });

  it('folds case and spaces together, leaves out staff, bots and a field hidden as only_me', () => {
    const d = dim(steward, 'discipline');
    expect(d.categories.map((c) => [c.key, c.members, c.contributors])).toEqual([
      ['hydrology', 6, 6],
      ['geology', 4, 1],
      ['ecology', 1, 1],
      ['chemistry', 1, 0],
    ]);
    expect(JSON.stringify(steward)).not.toMatch(/physics/i);
    expect(JSON.stringify(reader)).not.toMatch(/physics/i);
  });

  it('flags geology as not being heard', () => {
    expect(dim(steward, 'discipline').categories.filter((c) => c.flagged).map((c) => c.key)).toEqual(['geology']);
    expect(dim(reader, 'discipline').categories.filter((c) => c.flagged).map((c) => c.key)).toEqual(['geology']);
  });

  it('shows stewards every category and folds the ones under 3 people for everyone else', () => {
    expect(dim(steward, 'discipline').folded).toBe(false);
    const d = dim(reader, 'discipline');
    expect(d.folded).toBe(true);
    expect(d.categories.map((c) => [c.key, c.members, c.contributors])).toEqual([
      ['hydrology', 6, 6],
      ['geology', 4, 1],
      [OTHER_KEY, 2, 1],
    ]);
    expect(JSON.stringify(d)).not.toMatch(/ecology|chemistry/i);
    // The index itself is the same for both.
    expect(d.members.blau).toBe(0.625);
  });

  it('bands tenure from the membership, which everyone has', () => {
    const t = dim(steward, 'tenure');
    expect(t.categories.map((c) => [c.label, c.members, c.contributors])).toEqual([
      ['24 months or more', 6, 6],
      ['12 to 24 months', 4, 1],
      ['3 to 12 months', 3, 1],
      ['Under 3 months', 2, 1],
    ]);
    expect(t.members.blau).toBeCloseTo(1 - 65 / 225, 12);
    expect(t.contributors.blau).toBeCloseTo(1 - 39 / 81, 12);
    expect(t.notGiven).toEqual({ members: 0, contributors: 0 });
  });

  it('reports coverage for a field few gave, and no index for one nobody gave', () => {
    expect(dim(steward, 'location').members).toEqual({ total: 15, given: 1, blau: 0 });
    expect(dim(reader, 'location').categories.map((c) => c.key)).toEqual([OTHER_KEY]);
    expect(dim(steward, 'org_unit').members).toEqual({ total: 15, given: 0, blau: null });
  });

  it('counts as active contributors those who contributed in the months overlapping the last 90 days', () => {
    expect(steward.contributorMonths).toEqual({ from: '2026-08', to: '2026-11' });
  });

  it('summarises Blau, the flagged categories and one voice entry per month of the window', async () => {
    const s = await inclusionSummary(deps, communityId, healthWindow(WORLD_NOW, 3));
    expect(s.blau.discipline.members).toBe(0.625);
    expect(s.blau.discipline.coverage).toBeCloseTo(12 / 15, 12);
    expect(s.blau.org_unit).toEqual({ members: null, contributors: null, gap: null, coverage: 0 });
    // Geology among disciplines; among tenure bands, 12–24 months (4 of 15 predict 2.4 of 9 contributors; it has 1).
    expect(s.notHeard).toBe(2);
    expect(s.months.map((m) => m.month)).toEqual(['2026-09', '2026-10', '2026-11']);
    // November: eco (joined Oct 1) is the one newcomer among 5 people who acted (hyd2, hyd4, hyd6, geo1, eco); 1 of the 8 comments
    // (hyd2, hyd4, hyd6 two each, geo1 and eco one each; the bot's 5 are left out).
    expect(s.months[2]).toEqual({ month: '2026-11', newcomerActiveShare: 1 / 5, newcomerContributionShare: 1 / 8, voiceRatio: (1 / 8) / (1 / 5) });
  });
});
