import { describe, expect, it } from 'vitest';
import { rankMentors, type MentorCandidate } from './mentoring.matching.ts';
import { isTimeZone, utcOffsetMinutes, workingHoursOverlap } from './working-hours.ts';

const sql = { skill: 'SQL', skillKey: 'sql' };
const python = { skill: 'Python', skillKey: 'python' };

function mentor(userId: number, over: Partial<MentorCandidate> = {}): MentorCandidate {
  return { userId, username: `m${userId}`, displayName: `Mentor ${userId}`, capacity: 2, taken: 0, timeZone: 'UTC', offered: [sql], declared: [], demonstrated: new Map(), ...over };
}
const sameHours = () => 8;

describe('workingHoursOverlap', () => {
  const winter = new Date('2026-01-15T12:00:00Z');
  const summer = new Date('2026-07-15T12:00:00Z');

  it('is the full 8 hours in the same zone and none twelve hours apart', () => {
    expect(workingHoursOverlap('Europe/Berlin', 'Europe/Berlin', winter)).toBe(8);
    expect(workingHoursOverlap('UTC', 'Pacific/Auckland', winter)).toBe(0);
  });

  it('counts the offsets of the given date, so daylight saving changes the overlap', () => {
    expect(workingHoursOverlap('Europe/London', 'America/New_York', winter)).toBe(3);
    expect(workingHoursOverlap('Europe/Berlin', 'Asia/Kolkata', winter)).toBe(3.5);
    // Berlin is UTC+1 in January and UTC+2 in July; Kolkata stays at +5:30.
    expect(workingHoursOverlap('Europe/Berlin', 'Asia/Kolkata', summer)).toBe(4.5);
  });

  it('meets across the date line', () => {
    // Auckland (UTC+13 in January) and Honolulu (UTC−10) are 23 hours apart: 7 hours of shared day.
    expect(workingHoursOverlap('Pacific/Auckland', 'Pacific/Honolulu', winter)).toBe(7);
  });

  it('knows real zones and refuses made-up ones', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(utcOffsetMinutes('Asia/Kolkata', winter)).toBe(330);
  });
});

describe('rankMentors', () => {
  it('never proposes a mentor without a free place, nor one without any of the skills', () => {
    const full = mentor(1, { capacity: 2, taken: 2 });
    const over = mentor(2, { capacity: 1, taken: 3 });
    const unrelated = mentor(3, { offered: [{ skill: 'Rust', skillKey: 'rust' }] });
    const learner = mentor(4, { offered: [], declared: [{ ...sql, level: 'learning' }] });
    const ok = mentor(5);
    expect(rankMentors([sql], [full, over, unrelated, learner, ok], sameHours).map((p) => p.userId)).toEqual([5]);
  });

  it('proposes nobody for no skills', () => {
    expect(rankMentors([], [mentor(1)], sameHours)).toEqual([]);
  });

  it('ranks by skill coverage × time-zone overlap × free capacity on a hand-made set', () => {
    const set = [
      // Both skills, expert in SQL, 8 h overlap, 1 of 2 free: 1 × ... coverage (1 + 0.75)/2 = 0.875
      mentor(10, { offered: [sql, python], declared: [{ ...sql, level: 'expert' }], taken: 1, timeZone: 'Europe/Berlin' }),
      // Both skills, no levels, 0 h overlap, all free: coverage 0.75, tz 0.25, capacity 1
      mentor(11, { offered: [sql, python], timeZone: 'Pacific/Auckland' }),
      // SQL only, 8 h overlap, all free: coverage 0.375
      mentor(12, { offered: [sql], timeZone: 'Europe/Berlin' }),
      // Python declared expert only (not offered), 8 h overlap, 1 of 3 free: coverage 0.3
      mentor(13, { offered: [], declared: [{ ...python, level: 'expert' }], capacity: 3, taken: 2, timeZone: 'Europe/Berlin' }),
    ];
    const overlap = (tz: string) => (tz === 'Europe/Berlin' ? 8 : 0);
    const ranked = rankMentors([sql, python], set, overlap);
    expect(ranked.map((p) => p.userId)).toEqual([10, 12, 13, 11]);
    expect(ranked[0]!.factors).toEqual({ coverage: 0.875, expertise: 1, timeZone: 1, capacity: 0.75 });
    expect(ranked[0]!.score).toBeCloseTo(0.875 * 0.75, 4);
    expect(ranked[1]!.score).toBeCloseTo(0.375, 4);
    expect(ranked[2]!.score).toBeCloseTo(0.3 * (0.5 + 0.5 / 3), 4);
    expect(ranked[3]!.score).toBeCloseTo(0.75 * 0.25, 4);
  });

  it('lets demonstrated expertise lift an otherwise equal mentor', () => {
    const plain = mentor(20);
    const proven = mentor(21, { demonstrated: new Map([['sql', 5]]) });
    const ranked = rankMentors([sql], [plain, proven], sameHours);
    expect(ranked.map((p) => p.userId)).toEqual([21, 20]);
    expect(ranked[0]!.factors.expertise).toBe(1.25);
    expect(ranked[0]!.reasons).toContain('demonstrated expertise in sql (5)');
  });

  it('prefers more free places when all else is equal, then the lower id', () => {
    const ranked = rankMentors([sql], [mentor(31, { capacity: 4, taken: 3 }), mentor(30, { capacity: 4, taken: 1 }), mentor(29, { capacity: 4, taken: 1 })], sameHours);
    expect(ranked.map((p) => p.userId)).toEqual([29, 30, 31]);
  });

  it('explains each proposal', () => {
    const [p] = rankMentors([sql, python], [mentor(40, { offered: [sql], declared: [{ ...sql, level: 'expert' }], capacity: 3, taken: 1 })], () => 4);
    expect(p!.reasons).toEqual(['offers SQL (expert)', '4 h working-hours overlap', '2 of 3 places free']);
    const [q] = rankMentors([sql], [mentor(41)], () => null);
    expect(q!.reasons).toContain('your time zone is not set');
    expect(q!.factors.timeZone).toBe(0.625);
  });
});
