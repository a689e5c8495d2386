import { describe, expect, it } from 'vitest';
import { cycleSeries, cyclesOf, indicatorTotals, INDICATORS } from './value.measures.ts';

const story = (over: Partial<Parameters<typeof cyclesOf>[0]> = {}) => ({ gained: 'An answer.', valueKind: 'immediate' as const, applied: '', realized: '', reframing: '', ...over });

describe('cyclesOf', () => {
  it('gives immediate value for a story that only says what it gave', () => {
    expect(cyclesOf(story())).toEqual(['immediate']);
  });
  it('follows the value kind: potential only, or both', () => {
    expect(cyclesOf(story({ valueKind: 'potential' }))).toEqual(['potential']);
    expect(cyclesOf(story({ valueKind: 'both' }))).toEqual(['immediate', 'potential']);
  });
  it('adds applied, realized and reframing for each later prompt filled, in framework order, ignoring blank ones', () => {
    expect(cyclesOf(story({ reframing: 'New goals.', applied: 'Did it.', realized: '  ' }))).toEqual(['immediate', 'applied', 'reframing']);
    expect(cyclesOf(story({ valueKind: 'both', applied: 'a', realized: 'b', reframing: 'c' }))).toEqual(['immediate', 'potential', 'applied', 'realized', 'reframing']);
  });
  it('reaches no value cycle from an empty "what it gave" (the service refuses such a story)', () => {
    expect(cyclesOf(story({ gained: ' ' }))).toEqual([]);
  });
});

describe('indicators', () => {
  const rows = [
    { month: '2026-09', verb: 'post.created', subjectType: 'post', people: 4 },
    { month: '2026-10', verb: 'post.created', subjectType: 'post', people: 2 },
    { month: '2026-10', verb: 'post.voted', subjectType: 'post', people: 3 },
    { month: '2026-10', verb: 'knowledge.applied', subjectType: 'article', people: 5 },
    { month: '2026-11', verb: 'knowledge.applied', subjectType: 'post', people: 1 },
    { month: '2026-11', verb: 'article.superseded', subjectType: 'article', people: 1 },
    { month: '2026-08', verb: 'post.created', subjectType: 'post', people: 100 },
    { month: '2026-10', verb: 'community.joined', subjectType: 'community', people: 7 },
  ];

  it('sums each indicator over the rows, telling applied articles from applied answers by subject type', () => {
    const totals = indicatorTotals(rows.filter((r) => r.month !== '2026-08'));
    expect(totals).toMatchObject({ responses: 6, reactions: 3, articlesApplied: 5, answersApplied: 1, practicesSuperseded: 1, comments: 0 });
    expect(Object.keys(totals).sort()).toEqual(INDICATORS.map((d) => d.key).sort());
  });

  it('sums the indicators of each cycle per month of the window, leaving out months outside it and verbs no indicator reads', () => {
    const s = cycleSeries(rows, ['2026-09', '2026-10', '2026-11']);
    expect(s).toEqual({ immediate: [4, 5, 0], potential: [0, 0, 0], applied: [0, 5, 0], realized: [0, 0, 1], reframing: [0, 0, 1] });
  });
});
