import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { relativeTime, TimeAgo } from './components.tsx';

const now = new Date('2026-11-27T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

describe('relativeTime', () => {
  it('says how long ago (or until) in the largest whole unit, the same however often it is asked', () => {
    for (let round = 0; round < 2; round++) {
      expect(relativeTime(ago(30), now)).toBe('just now');
      expect(relativeTime(ago(5 * 60), now)).toBe('5 minutes ago');
      expect(relativeTime(ago(3 * 3600), now)).toBe('3 hours ago');
      expect(relativeTime(ago(86_400), now)).toBe('yesterday');
      expect(relativeTime(ago(3 * 86_400), now)).toBe('3 days ago');
      expect(relativeTime(ago(-2 * 3600), now)).toBe('in 2 hours');
      expect(relativeTime(ago(5 * 365 * 86_400), now)).toBe('5 years ago');
    }
  });

  it('stays right after more distinct times than it keeps', () => {
    for (let i = 1; i <= 6_000; i++) relativeTime(ago(i * 3600), now);
    expect(relativeTime(ago(7 * 86_400), now)).toBe('last week');
    expect(relativeTime(ago(4 * 3600), now)).toBe('4 hours ago');
  });
});

describe('TimeAgo', () => {
  it('renders a <time> with the instant and the exact UTC time as its title', () => {
    const at = '2021-11-04T02:33:00.803Z';
    for (let i = 0; i < 6_001; i++) render(h(TimeAgo, { at: new Date(Date.parse(at) + i * 1000).toISOString() }));
    expect(render(h(TimeAgo, { at }))).toMatch(/^<time datetime="2021-11-04T02:33:00.803Z" title="Thu, 04 Nov 2021 02:33:00 GMT">[^<]+ ago<\/time>$/);
  });
});
