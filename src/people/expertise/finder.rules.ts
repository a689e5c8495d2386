import type { SkillLevel } from '../../core/db/tables/profiles.ts';

/**
 * Expert-finder ranking (docs/people/expertise.md): score = demonstrated expertise in the searched
 * tags (decayed, readable communities only) + declared-skill points for matching skills + text points
 * per profile field the free text matched.
 */
export const DECLARED_POINTS: Record<SkillLevel, number> = { expert: 10, practising: 5, learning: 1 };
export const TEXT_POINTS = 2;

/** A UTC offset in hours of an IANA time zone at `at`, or null for an unknown or empty zone. */
export function utcOffsetHours(timeZone: string, at: Date): number | null {
  if (!timeZone) return null;
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at);
    const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
    const m = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name);
    if (!m) return 0; // "GMT" alone is UTC
    return (m[1] === '-' ? -1 : 1) * (Number(m[2]) + Number(m[3] ?? 0) / 60);
  } catch {
    return null;
  }
}

/** Is this a time zone the runtime knows? */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
