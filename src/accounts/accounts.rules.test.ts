import { describe, expect, it } from 'vitest';
import { isValidTimeZone, normalizeEmail, passwordProblem, profileIssues, signupIssues, usernameProblem } from './accounts.rules.ts';

describe('usernameProblem', () => {
  it.each(['ada', 'ada_lovelace', 'a-1', 'x'.repeat(30), '___'])('accepts %j', (name) => {
    expect(usernameProblem(name)).toBeNull();
  });

  it.each([
    ['ab', /3 to 30/],
    ['x'.repeat(31), /3 to 30/],
    ['Ada', /lowercase/],
    ['ada lovelace', /lowercase/],
    ['ada.l', /lowercase/],
    ['zoë', /lowercase/],
  ])('rejects %j', (name, why) => {
    expect(usernameProblem(name)).toMatch(why);
  });

  it.each(['admin', 'api', 'static', 'settings', 'signin', 'signup', 'communities', 'members'])('reserves %j', (name) => {
    expect(usernameProblem(name)).toMatch(/reserved/);
  });

  it.each(['c', 'u'])('never allows the route prefix %j (too short, and reserved besides)', (name) => {
    expect(usernameProblem(name)).not.toBeNull();
  });
});

describe('passwordProblem', () => {
  it('wants 10 to 200 characters', () => {
    expect(passwordProblem('123456789')).toMatch(/at least 10/);
    expect(passwordProblem('1234567890')).toBeNull();
    expect(passwordProblem('x'.repeat(200))).toBeNull();
    expect(passwordProblem('x'.repeat(201))).toMatch(/at most 200/);
  });
});

describe('normalizeEmail', () => {
  it('trims and lowercases', () => {
    expect(normalizeEmail('  Ada@Example.COM ')).toBe('ada@example.com');
  });
});

describe('isValidTimeZone', () => {
  it.each(['', 'UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Asia/Calcutta'])('accepts %j', (tz) => {
    expect(isValidTimeZone(tz)).toBe(true);
  });
  it.each(['Mars/Olympus', 'europe/berlin', 'GMT+25', '<script>'])('rejects %j', (tz) => {
    expect(isValidTimeZone(tz)).toBe(false);
  });
});

describe('signupIssues', () => {
  const good = { username: 'ada', email: 'ada@example.com', displayName: 'Ada', password: 'long enough!' };

  it('finds nothing wrong with a good sign-up', () => {
    expect(signupIssues(good)).toEqual([]);
  });

  it('names every bad field once', () => {
    const issues = signupIssues({ username: 'admin', email: 'nope', displayName: '  ', password: 'short' });
    expect(issues.map((i) => i.field)).toEqual(['username', 'email', 'displayName', 'password']);
  });
});

describe('profileIssues', () => {
  it('checks only the fields given, against the bio limit', () => {
    expect(profileIssues({}, 10)).toEqual([]);
    expect(profileIssues({ bio: 'x'.repeat(11) }, 10).map((i) => i.field)).toEqual(['bio']);
    expect(profileIssues({ displayName: ' ', timeZone: 'Nowhere' }, 10).map((i) => i.field)).toEqual(['displayName', 'timeZone']);
  });
});
