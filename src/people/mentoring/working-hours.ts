/** Working hours, local time, that matching compares between mentor and mentee. */
export const WORKING_DAY = { startHour: 9, endHour: 17 } as const;

/** Is `tz` an IANA time zone this runtime knows ('Europe/Berlin', 'UTC')? */
export function isTimeZone(tz: string): boolean {
  if (tz.trim() === '' || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The offset of `tz` from UTC at the instant `at`, in minutes (Berlin in winter: +60). Throws RangeError for an unknown zone. */
export function utcOffsetMinutes(tz: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  const utc = Math.floor(at.getTime() / 1000) * 1000;
  return Math.round((local - utc) / 60000);
}

/**
 * Hours both people are inside their 09–17 local working day on the date of `at` (offsets as they are on
 * that date, so daylight saving counts). 0–8, in steps of the zones' minute offsets (India: 3.5).
 * Working days on neighbouring dates count too, so +13 and −11 meet across the date line.
 */
export function workingHoursOverlap(tzA: string, tzB: string, at: Date): number {
  const day = (offset: number): [number, number] => [WORKING_DAY.startHour * 60 - offset, WORKING_DAY.endHour * 60 - offset];
  const [a0, a1] = day(utcOffsetMinutes(tzA, at));
  const [b0, b1] = day(utcOffsetMinutes(tzB, at));
  let best = 0;
  for (const shift of [-1440, 0, 1440]) best = Math.max(best, Math.min(a1, b1 + shift) - Math.max(a0, b0 + shift));
  return Math.round((best / 60) * 100) / 100;
}
