import { describe, expect, it } from 'vitest';
import type { ActivityRow } from '../refresh.ts';
import { daysToFirstContribution, standing, stepOf, within, windowPassed, RETURN_30, type Step } from './newcomers.measures.ts';

const row = (verb: string, data: Record<string, unknown> = {}, actorId: number | null = 7): ActivityRow => ({ id: 1, actorId, verb, communityId: 1, subjectType: 'post', subjectId: 42, data, at: '2026-01-01T00:00:00.000Z' });

describe('stepOf', () => {
  it('maps each verb to the step of the member it credits', () => {
    expect(stepOf(row('topic.viewed'))?.step).toBe('read');
    expect(stepOf(row('knowledge.applied'))?.step).toBe('react');
    expect(stepOf(row('topic.created', { kind: 'question' }))).toMatchObject({ userId: 7, step: 'ask' });
    expect(stepOf(row('topic.created', { kind: 'discussion' }))).toBeNull();
    expect(stepOf(row('comment.created'))?.step).toBe('reply');
    expect(stepOf(row('answer.accepted', { answerAuthorId: 9 }))).toMatchObject({ userId: 9, step: 'accepted' });
    expect(stepOf(row('event.created'))?.step).toBe('event');
    expect(stepOf(row('mentorship.started', { mentorId: 3, menteeId: 7 }))).toMatchObject({ userId: 3, step: 'mentor' });
    expect(stepOf(row('community.joined'))).toBeNull();
  });
  it('asks the tables when a row lacks what it needs', () => {
    expect(stepOf(row('topic.created'))).toMatchObject({ step: 'ask', lookup: { topicId: 42 } });
    expect(stepOf(row('answer.accepted', {}))).toMatchObject({ userId: null, step: 'accepted', lookup: { postId: 42 } });
  });
});

describe('standing', () => {
  const joined = '2026-01-01T00:00:00.000Z';
  const now = new Date('2026-06-01T00:00:00.000Z');
  it('stalls at the furthest step reached after 60 days without a new one', () => {
    const reached = new Map<Step, string>([['read', '2026-01-02T00:00:00.000Z'], ['ask', '2026-02-01T00:00:00.000Z']]);
    expect(standing(joined, reached, now)).toEqual({ furthest: 'ask', lastStepAt: '2026-02-01T00:00:00.000Z', stalled: true });
    expect(standing(joined, reached, new Date('2026-04-01T23:59:59.000Z')).stalled).toBe(false); // 59 days
  });
  it('stalls a newcomer who never took a step at "joined", and never one who mentors', () => {
    expect(standing(joined, new Map(), now)).toMatchObject({ furthest: 'joined', stalled: true });
    expect(standing(joined, new Map<Step, string>([['mentor', '2026-01-05T00:00:00.000Z']]), now)).toMatchObject({ furthest: 'mentor', stalled: false });
  });
});

describe('retention windows', () => {
  const joined = '2026-01-01T00:00:00.000Z';
  it('counts days 30 to 59 after joining, and only once day 60 has passed', () => {
    expect(within(joined, '2026-01-31T00:00:00.000Z', RETURN_30)).toBe(true);
    expect(within(joined, '2026-01-30T23:59:59.000Z', RETURN_30)).toBe(false);
    expect(within(joined, '2026-03-02T00:00:00.000Z', RETURN_30)).toBe(false); // day 60
    expect(windowPassed(joined, new Date('2026-03-01T23:59:59.000Z'), RETURN_30)).toBe(false);
    expect(windowPassed(joined, new Date('2026-03-02T00:00:00.000Z'), RETURN_30)).toBe(true);
  });
  it('times the first contribution from joining, not from reading or reacting', () => {
    const reached = new Map<Step, string>([['read', '2026-01-02T00:00:00.000Z'], ['reply', '2026-01-11T00:00:00.000Z'], ['ask', '2026-01-21T00:00:00.000Z']]);
    expect(daysToFirstContribution(joined, reached)).toBe(10);
    expect(daysToFirstContribution(joined, new Map<Step, string>([['react', '2026-01-02T00:00:00.000Z']]))).toBeNull();
  });
});
