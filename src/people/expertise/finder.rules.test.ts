import { describe, expect, it } from 'vitest';
import { isTimeZone, utcOffsetHours } from './finder.rules.ts';
import { decayFactor } from './expertise.rules.ts';

describe('utcOffsetHours', () => {
  it('reads offsets with daylight saving and half hours', () => {
    expect(utcOffsetHours('Europe/Lisbon', new Date('2026-07-01T12:00:00Z'))).toBe(1);
    expect(utcOffsetHours('Europe/Lisbon', new Date('2026-01-01T12:00:00Z'))).toBe(0);
    expect(utcOffsetHours('Asia/Kolkata', new Date('2026-01-01T12:00:00Z'))).toBe(5.5);
    expect(utcOffsetHours('America/New_York', new Date('2026-01-01T12:00:00Z'))).toBe(-5);
  });
  it('gives null for an empty or unknown zone', () => {
    expect(utcOffsetHours('', new Date())).toBeNull();
    expect(utcOffsetHours('Mars/Olympus', new Date())).toBeNull();
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('Europe/Berlin')).toBe(true);
  });
});

describe('decayFactor', () => {
  const now = new Date('2026-11-01T00:00:00Z');
  it('is 1 now, ½ after one half-life, ¼ after two, and 1 for future dates', () => {
    expect(decayFactor('2026-11-01T00:00:00Z', now)).toBe(1);
    expect(decayFactor('2025-11-01T00:00:00Z', now)).toBeCloseTo(0.5, 6);
    expect(decayFactor('2024-11-01T00:00:00Z', now)).toBeCloseTo(0.25, 2);
    expect(decayFactor('2027-01-01T00:00:00Z', now)).toBe(1);
  });
});
